package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code wavebench run PATH[:LINE]… --name --glue --classpath} makes of its arguments, before anything runs. */
class RunSelectionTest {

    private static final ClassLoader LOADER = RunSelectionTest.class.getClassLoader();

    @Test
    void a_relative_path_means_what_it_meant_where_the_command_was_started(@TempDir Path dir) throws Exception {
        Path feature = Files.createDirectories(dir.resolve("acme/features")).resolve("pay.feature");
        Files.writeString(feature, "Feature: pay\n");
        var locations = FeatureLocations.resolve(List.of("features/pay.feature:18", "features", "features/pay.feature:3:9"), dir.resolve("acme"), LOADER);
        assertEquals(List.of(feature + ":18", feature.getParent().toString(), feature + ":3:9"),
                locations.stream().map(FeatureLocations.Location::cucumber).toList());
        assertEquals(List.of(true, false, true), locations.stream().map(FeatureLocations.Location::hasLines).toList());
    }

    @Test
    void a_location_that_is_not_there_is_named_with_where_it_was_looked_for(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> FeatureLocations.resolve(List.of("nowhere/pay.feature:18"), dir, LOADER));
        assertEquals("no feature file or folder at " + dir.resolve("nowhere/pay.feature") + " ('nowhere/pay.feature' in " + dir + ")", e.getMessage());
        var onClasspath = assertThrows(IllegalArgumentException.class, () -> FeatureLocations.resolve(List.of("classpath:com/acme/nothing"), dir, LOADER));
        assertTrue(onClasspath.getMessage().startsWith("no feature file or folder at classpath:com/acme/nothing on the class path"), onClasspath.getMessage());
    }

    @Test
    void a_line_in_a_folder_is_refused(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> FeatureLocations.resolve(List.of(dir + ":12"), dir, LOADER));
        assertEquals(dir + ":12: a line selects a scenario in a feature file, and " + dir + " is a folder", e.getMessage());
    }

    @Test
    void wavebench_own_glue_is_always_first_and_given_packages_come_once(@TempDir Path dir) {
        try (RunSelection s = RunSelection.of(List.of(), List.of(), List.of("com.acme.steps,io.wavebench.features.steps", "com.acme.more"), null, dir, LOADER)) {
            assertEquals(List.of("--glue", "io.wavebench.features.steps", "--glue", "com.acme.steps", "--glue", "com.acme.more"), s.glueArgs());
            assertEquals(List.of(RunSelection.BUILT_IN), s.selectionArgs());
            assertTrue(s.builtIn());
        }
    }

    @Test
    void the_history_of_the_own_specification_stays_per_tags_and_another_selection_says_what_it_ran(@TempDir Path dir) throws Exception {
        try (RunSelection own = RunSelection.of(List.of(), List.of(), List.of(), null, dir, LOADER)) {
            assertEquals("@card", own.historyKey("@card", dir));
            assertEquals(null, own.historyKey(null, dir));
        }
        Path feature = Files.writeString(dir.resolve("pay.feature"), "Feature: pay\n");
        Path outside = Files.createTempDirectory("wavebench-outside");
        Path elsewhere = Files.writeString(outside.resolve("refund.feature"), "Feature: refund\n");
        try (RunSelection team = RunSelection.of(List.of(feature + ":18", elsewhere.toString()), List.of("refund"), List.of(), null, dir, LOADER)) {
            assertEquals("@acme path pay.feature:18 " + elsewhere + " name refund", team.historyKey("@acme", dir), "inside the checkout relative to it");
            assertEquals("pay.feature:18, " + elsewhere, team.facts(dir).get("features"));
            assertEquals("refund", team.facts(dir).get("names"));
        } finally {
            Files.delete(elsewhere);
            Files.delete(outside);
        }
    }

    @Test
    void a_classpath_entry_that_does_not_exist_is_named(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("classes"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> RunSelection.of(List.of(), List.of(), List.of(), "classes" + File.pathSeparator + "target/acme.jar", dir, LOADER));
        assertEquals("--classpath entry 'target/acme.jar' does not exist (looked for " + dir.resolve("target/acme.jar") + ")", e.getMessage());
    }

    @Test
    void a_folder_of_jars_is_every_jar_in_it(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.write(dir.resolve("lib/b.jar"), new byte[0]);
        Files.write(dir.resolve("lib/a.jar"), new byte[0]);
        Files.writeString(dir.resolve("lib/notes.txt"), "not a jar");
        assertEquals(List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar")), TeamClasspath.entries("lib/*", dir));
    }

    @Test
    void a_name_that_is_no_regular_expression_is_refused(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> RunSelection.of(List.of(), List.of("refund ("), List.of(), null, dir, LOADER));
        assertTrue(e.getMessage().startsWith("--name 'refund (' is not a regular expression"), e.getMessage());
    }
}
