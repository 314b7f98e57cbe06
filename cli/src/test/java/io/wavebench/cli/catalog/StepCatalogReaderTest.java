package io.wavebench.cli.catalog;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.cli.catalog.AmbiguousStepsException;
import io.wavebench.cli.catalog.StepCatalogReader;
import io.wavebench.reports.StepCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue reader on test-only glue: usages from Cucumber's matching, docs from the sources, ambiguity refused. */
class StepCatalogReaderTest {

    private static final ClassLoader LOADER = StepCatalogReaderTest.class.getClassLoader();

    @Test
    void two_definitions_matching_one_line_fail_with_both_locations_and_the_line(@TempDir Path dir) throws IOException {
        Path feature = dir.resolve("ambiguous.feature");
        Files.writeString(feature, """
                Feature: Tones
                  Scenario: a count that two steps read
                    Given the reader hears 3 tones
                """);
        AmbiguousStepsException e = assertThrows(AmbiguousStepsException.class, () -> StepCatalogReader.read(
                new StepCatalogReader.Request(List.of("io.wavebench.cli.catalog.ambiguous"), List.of(feature.toString()), null, List.of(), LOADER)));
        assertAll(() -> assertTrue(e.getMessage().contains("ambiguous.feature:3"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("io.wavebench.cli.catalog.ambiguous.TonesSteps.tones(int)"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("io.wavebench.cli.catalog.ambiguous.ToneCountSteps.toneCount(int)"), e.getMessage()),
                () -> assertEquals(1, e.lines().size(), e.getMessage()));
    }

    @Test
    void each_step_has_its_keyword_parameters_doc_example_and_usages(@TempDir Path dir) throws IOException {
        Path feature = dir.resolve("tray.feature");
        Files.writeString(feature, """
                Feature: Tray
                  Background:
                    Given a tray holding 3 coins of "EUR"

                  Scenario: one
                    When the shopper takes 1 coin quickly

                  Scenario: two
                    When the shopper takes 2 coins slowly
                """);
        StepCatalog catalog = StepCatalogReader.read(new StepCatalogReader.Request(List.of("io.wavebench.cli.catalog.catalogued"), List.of(dir.toString()), null,
                List.of(Path.of("src/test/java/io/wavebench/cli/catalog/catalogued")), LOADER));
        Map<String, StepCatalog.Entry> mine = catalog.entries().stream().filter(e -> e.stepClass().endsWith("CataloguedSteps"))
                .collect(Collectors.toMap(StepCatalog.Entry::pattern, Function.identity()));
        StepCatalog.Entry tray = mine.get("a tray holding {int} coins of {string}");
        StepCatalog.Entry takes = mine.get("^the shopper takes (\\d+) coins? (?:quickly|slowly)$");
        StepCatalog.Entry empty = mine.get("the tray is empty");
        StepCatalog.Entry emptied = mine.get("the tray is emptied");
        assertAll(
                () -> assertEquals(List.of("Given"), tray.keywords()),
                () -> assertEquals(List.of("{int}", "{string}"), tray.parameterTypes()),
                () -> assertEquals("Puts `count` coins in the test machine's tray.\n\nA second paragraph, with a link.", tray.doc()),
                () -> assertEquals("Given a tray holding 3 coins of \"EUR\"", tray.example()),
                () -> assertEquals(List.of("tray.feature:3"), tray.usages(), "a Background line counts once"),
                () -> assertEquals("CataloguedSteps.aTray", tray.shortLocation()),
                () -> assertEquals(List.of("When"), takes.keywords()),
                () -> assertEquals(List.of("(\\d+)"), takes.parameterTypes()),
                () -> assertEquals("", takes.doc(), "undocumented"),
                () -> assertEquals(List.of("tray.feature:6", "tray.feature:9"), takes.usages()),
                () -> assertTrue(empty.unused()),
                () -> assertEquals(List.of("Then"), empty.keywords()),
                () -> assertEquals(List.of("When"), emptied.keywords()),
                () -> assertEquals("Never used by the test's feature.", emptied.doc()));
    }
}
