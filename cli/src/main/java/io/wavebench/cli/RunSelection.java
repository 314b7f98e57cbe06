package io.wavebench.cli;

import io.wavebench.cli.catalog.StepCatalogReader;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What {@code wavebench run} runs and where it finds it: the feature locations (wavebench's own
 * specification when none is given), {@code --name} patterns, the glue packages (wavebench's own
 * always first, so a team's step class can take {@code ScenarioRig} and wavebench's step classes
 * by constructor injection) and the class loader for the dry run, the run and the rerun.
 */
final class RunSelection implements AutoCloseable {

    /** wavebench's own specification, the living spec under features/src/main/resources. */
    static final String BUILT_IN = "classpath:io/wavebench/features";
    /** wavebench's own glue: steps, hooks and parameter types; always on the glue path. */
    static final String OWN_GLUE = "io.wavebench.features.steps";
    private static final Pattern TRAILING_LINES = Pattern.compile("^(.*?)((?::\\d+)*)$");

    private final List<FeatureLocations.Location> locations;
    private final List<String> names;
    private final List<String> glue;
    private final List<Path> classpath;
    private final ClassLoader loader;

    private RunSelection(List<FeatureLocations.Location> locations, List<String> names, List<String> glue, List<Path> classpath, ClassLoader loader) {
        this.locations = locations;
        this.names = names;
        this.glue = glue;
        this.classpath = classpath;
        this.loader = loader;
    }

    /**
     * The selection from the command's arguments, every location and class path entry checked.
     *
     * @param paths {@code PATH[:LINE…]} as given; none means wavebench's own specification
     * @param glue packages as given, each possibly comma-separated
     * @param jars {@code --classpath}, or null
     * @param workingDir where the command was started: relative paths mean what they meant there
     */
    static RunSelection of(List<String> paths, List<String> names, List<String> glue, String jars, Path workingDir, ClassLoader parent) {
        for (String name : names) {
            try {
                Pattern.compile(name);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("--name '" + name + "' is not a regular expression: " + e.getDescription());
            }
        }
        Set<String> packages = new LinkedHashSet<>(List.of(OWN_GLUE));
        for (String g : glue) for (String p : g.split(",")) if (!p.isBlank()) packages.add(p.strip());
        List<Path> entries = jars == null ? List.of() : TeamClasspath.entries(jars, workingDir);
        ClassLoader loader = TeamClasspath.loader(entries, parent);
        try {
            List<FeatureLocations.Location> locations = FeatureLocations.resolve(paths.isEmpty() ? List.of(BUILT_IN) : paths, workingDir, loader);
            return new RunSelection(locations, List.copyOf(names), List.copyOf(packages), entries, loader);
        } catch (RuntimeException e) {
            if (loader instanceof URLClassLoader own) closeQuietly(own);
            throw e;
        }
    }

    ClassLoader loader() {
        return loader;
    }

    /** The glue packages, wavebench's own first. */
    List<String> glue() {
        return glue;
    }

    /**
     * The step catalogue's request for this selection: the same glue and class loader, usages
     * counted over the selected features (wavebench's own specification without its lies when
     * nothing was chosen), doc comments from the checkout's sources when there is one.
     */
    StepCatalogReader.Request catalogueRequest(String tags, Path root) {
        Path ownSources = root.resolve("features/src/main/java");
        List<Path> sources = Files.isDirectory(ownSources) ? List.of(ownSources.toAbsolutePath().normalize()) : List.of();
        if (builtIn()) {
            String selected = tags != null ? "(" + tags + ") and " + StepCatalogReader.SPECIFICATION_ONLY
                    : StepCatalogReader.SPECIFICATION_ONLY;
            return new StepCatalogReader.Request(glue, List.of(StepCatalogReader.WAVEBENCH_FEATURES),
                    selected, sources, loader);
        }
        return new StepCatalogReader.Request(glue, locations.stream().map(FeatureLocations.Location::cucumber).toList(), tags, sources, loader);
    }

    /** Cucumber's {@code --glue} arguments. */
    List<String> glueArgs() {
        List<String> args = new ArrayList<>();
        glue.forEach(g -> args.addAll(List.of("--glue", g)));
        return args;
    }

    /** Cucumber's arguments choosing the scenarios for the dry run: names, then feature locations (tags are the command's own). */
    List<String> selectionArgs() {
        List<String> args = new ArrayList<>();
        names.forEach(n -> args.addAll(List.of("--name", n)));
        locations.forEach(l -> args.add(l.cucumber()));
        return args;
    }

    boolean builtIn() {
        return names.isEmpty() && locations.size() == 1 && locations.get(0).cucumber().equals(BUILT_IN);
    }

    /**
     * The selection as a history key, tags-like: the tags alone for wavebench's own specification
     * (its history stays where it was), else with the paths and names after them, e.g.
     * {@code @card path /home/acme/features/pay.feature:18 name refund}. Runs of another selection
     * answer another question and trend apart.
     */
    String historyKey(String tags, Path root) {
        if (builtIn()) return tags;
        StringBuilder key = new StringBuilder(tags == null ? "" : tags + " ");
        key.append("path");
        for (FeatureLocations.Location l : locations) key.append(' ').append(shortened(l.cucumber(), root));
        if (!names.isEmpty()) key.append(" name ").append(String.join(" ", names));
        return key.toString();
    }

    /** What the run context records of the selection (the report's rig and versions table, junit.xml's properties). */
    Map<String, String> facts(Path root) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("features", builtIn() ? "wavebench's own specification (" + BUILT_IN + ")"
                : String.join(", ", locations.stream().map(l -> shortened(l.cucumber(), root)).toList()));
        if (!names.isEmpty()) facts.put("names", String.join(", ", names));
        facts.put("glue", String.join(", ", glue));
        if (!classpath.isEmpty()) facts.put("classpath", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        return facts;
    }

    /** Why nothing may have been selected, for the line that says no scenario ran; empty for the whole specification. */
    String narrowedBy(String tags) {
        List<String> why = new ArrayList<>();
        if (tags != null) why.add("--tags " + tags);
        if (!names.isEmpty()) why.add("--name " + String.join(" --name ", names));
        if (!builtIn() && locations.stream().anyMatch(FeatureLocations.Location::hasLines)) {
            why.add(String.join(" ", locations.stream().map(FeatureLocations.Location::given).toList()) + " (a line must be a Scenario's, an Outline's, an Examples' or a row's)");
        } else if (!builtIn() && names.isEmpty()) {
            why.add("the features in " + String.join(" ", locations.stream().map(FeatureLocations.Location::given).toList()));
        }
        return String.join(" and ", why);
    }

    /** A path inside the wavebench checkout relative to it; anything else as it is. */
    private static String shortened(String location, Path root) {
        Matcher m = TRAILING_LINES.matcher(location);
        if (!m.matches() || m.group(1).startsWith(FeatureLocations.CLASSPATH)) return location;
        Path file = Path.of(m.group(1));
        Path checkout = root.toAbsolutePath().normalize();
        return file.startsWith(checkout) ? checkout.relativize(file) + m.group(2) : location;
    }

    @Override
    public void close() {
        if (loader instanceof URLClassLoader own) closeQuietly(own);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // the run is over; an open jar costs a file handle until the JVM exits
        }
    }
}
