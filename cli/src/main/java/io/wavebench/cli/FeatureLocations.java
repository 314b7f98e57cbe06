package io.wavebench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The feature locations a run was given ({@code PATH[:LINE…]}), checked and made into Cucumber's
 * feature arguments: a feature file or a folder anywhere on disk, relative to the directory the
 * command was started in, or a {@code classpath:} location; {@code FILE:LINE} (and
 * {@code FILE:LINE:LINE}) keeps only the scenarios at those lines, as Cucumber's own runner does
 * (an Outline's line: all its rows; an Examples row's line: that row).
 */
final class FeatureLocations {

    static final String CLASSPATH = "classpath:";
    /** The trailing {@code :LINE:LINE…}; a path may itself hold colons, a line is only digits at the end. */
    private static final Pattern LINES = Pattern.compile("^(.+?)((?::\\d+)+)$");

    private FeatureLocations() {}

    /** One location as given and as Cucumber is to take it. */
    record Location(String given, String cucumber, boolean hasLines) {}

    /**
     * Each of {@code given}, resolved against {@code workingDir} and checked on disk or on
     * {@code loader}'s class path.
     *
     * @throws IllegalArgumentException naming the location that is not there, or lines on a folder
     */
    static List<Location> resolve(List<String> given, Path workingDir, ClassLoader loader) {
        List<Location> locations = new ArrayList<>();
        for (String text : given) locations.add(resolve(text.strip(), workingDir, loader));
        return locations;
    }

    private static Location resolve(String text, Path workingDir, ClassLoader loader) {
        Matcher m = LINES.matcher(text);
        String where = m.matches() ? m.group(1) : text;
        String lines = m.matches() ? m.group(2) : "";
        if (where.startsWith(CLASSPATH)) {
            String resource = where.substring(CLASSPATH.length()).replaceFirst("^/+", "");
            if (loader.getResource(resource) == null) {
                throw new IllegalArgumentException("no feature file or folder at " + where + " on the class path (wavebench's own features are "
                        + RunSelection.BUILT_IN + "; --classpath adds jars and folders)");
            }
            if (!lines.isEmpty() && !resource.endsWith(".feature")) {
                throw new IllegalArgumentException(text + ": a line selects a scenario in a feature file, and " + where + " is not one");
            }
            return new Location(text, where + lines, !lines.isEmpty());
        }
        Path path = workingDir.resolve(where.startsWith("file:") ? where.substring("file:".length()) : where).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no feature file or folder at " + path + (where.equals(path.toString()) ? "" : " ('" + where + "' in " + workingDir + ")"));
        }
        if (!lines.isEmpty() && !Files.isRegularFile(path)) {
            throw new IllegalArgumentException(text + ": a line selects a scenario in a feature file, and " + path + " is a folder");
        }
        return new Location(text, path + lines, !lines.isEmpty());
    }
}
