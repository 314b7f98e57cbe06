package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wavebench steps}: a team's glue beside wavebench's, over the team's features; an ambiguous pair is exit 1. */
class StepsCommandTest {

    record Ran(int status, String out, String err) {}

    private static Ran steps(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 1];
            all[0] = "steps";
            System.arraycopy(args, 0, all, 1, args.length);
            int status = new CommandLine(new Wavebench()).execute(all);
            return new Ran(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void a_teams_glue_is_catalogued_beside_wavebenchs_with_its_doc_comments_and_usages() {
        Ran ran = steps("--markdown", "--glue", "io.wavebench.cli.suite", "--sources", "src/test/java", "classpath:io/wavebench/cli/suite/arithmetic.feature");
        assertAll(
                () -> assertEquals(0, ran.status(), ran.err()),
                () -> assertTrue(ran.out().contains("\n## ArithmeticSteps\n"), ran.out()),
                () -> assertTrue(ran.out().contains("### Given `the number {int}`"), ran.out()),
                () -> assertTrue(ran.out().contains("- Example: `Given the number 1` (arithmetic.feature:6)"), ran.out()),
                () -> assertTrue(ran.out().contains("\n## VendingMachineSteps\n"), "wavebench's own steps are always on the glue path"),
                () -> assertTrue(ran.out().contains("- Used: **unused**"), "wavebench's steps, unused by the team's feature"));
    }

    @Test
    void two_definitions_matching_one_line_exit_1_naming_both_and_the_line(@TempDir Path dir) throws Exception {
        Path feature = dir.resolve("tray.feature");
        Files.writeString(feature, "Feature: Tray\n  Scenario: coins\n    Given the tray holds 3 coins\n");
        Ran ran = steps("--glue", "io.wavebench.cli.ambiguous", feature.toString());
        assertAll(
                () -> assertEquals(1, ran.status(), ran.out() + ran.err()),
                () -> assertTrue(ran.err().contains("tray.feature:3"), ran.err()),
                () -> assertTrue(ran.err().contains("io.wavebench.cli.ambiguous.CoinSteps.coins(int)"), ran.err()),
                () -> assertTrue(ran.err().contains("io.wavebench.cli.ambiguous.CoinCountSteps.coinCount(int)"), ran.err()),
                () -> assertEquals("", ran.out(), "no catalogue of an ambiguous glue"));
    }
}
