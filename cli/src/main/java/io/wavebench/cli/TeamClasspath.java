package io.wavebench.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --classpath JARS}: a team's compiled step classes and feature files (jars and folders,
 * separated by the platform's path separator), put before nothing of wavebench's own. The loader
 * asks its parent first, so wavebench's glue ({@code ScenarioRig}, the step classes) is one set of
 * classes that a team's step class gets by constructor injection, not a second copy. Cucumber takes
 * it for glue and {@code classpath:} features ({@code Main.run(args, classLoader)}).
 */
final class TeamClasspath {

    private TeamClasspath() {}

    /**
     * Each entry of {@code jars} resolved against {@code workingDir}; an entry ending in {@code /*}
     * stands for the jars in that folder, as {@code java -cp} takes it.
     *
     * @throws IllegalArgumentException naming the first entry that does not exist
     */
    static List<Path> entries(String jars, Path workingDir) {
        List<Path> entries = new ArrayList<>();
        for (String entry : jars.split(Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) continue;
            boolean allJars = entry.endsWith("/*");
            Path path = workingDir.resolve(allJars ? entry.substring(0, entry.length() - 2) : entry).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("--classpath entry '" + entry + "' does not exist (looked for " + path + ")");
            }
            if (allJars) entries.addAll(jarsIn(path, entry));
            else entries.add(path);
        }
        return entries;
    }

    /** A loader over {@code entries} in front of {@code parent}; {@code parent} itself when there are none. */
    static ClassLoader loader(List<Path> entries, ClassLoader parent) {
        if (entries.isEmpty()) return parent;
        URL[] urls = entries.stream().map(TeamClasspath::url).toArray(URL[]::new);
        return new URLClassLoader("wavebench --classpath", urls, parent);
    }

    private static List<Path> jarsIn(Path dir, String entry) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("--classpath entry '" + entry + "': " + dir + " is not a folder");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("--classpath entry '" + entry + "': cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("--classpath entry " + path + " is not a usable location: " + e.getMessage(), e);
        }
    }
}
