package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.reports.Outcome;
import io.wavebench.reports.RunFolder;
import io.wavebench.reports.RunResult;
import io.wavebench.reports.ScenarioResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code wavebench run} on a team's own specification: feature files outside the checkout, one
 * scenario by line, scenarios by name, and a team's step class (compiled here, as a team's build
 * would) on {@code --classpath} with {@code --glue}, given wavebench's rig by constructor injection.
 */
class OwnSpecificationTest {

    /** The run command's own test suite, by a path relative to the module folder (the tests' working directory). */
    private static final String ARITHMETIC = "src/test/resources/io/wavebench/cli/suite/arithmetic.feature";

    /** A team's feature file that uses only wavebench's catalogue steps: a purchase by sound on the simulated rig. */
    private static final String PURCHASE = """
            Feature: Acme's water machine
              Background:
                Given a vending machine selling "Sparkling water" at 1.50 from slot 12
                And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
                And the phone has no network

              Scenario: Acme sells water to a phone with no network
                When the shopper selects slot 12
                And the phone plays a payment token
                Then the reader approves a vend of 1.50 on the MDB bus
                And the machine dispenses slot 12
                And the session completes
            """;

    /** A team's step class: wavebench's scenario parts by constructor injection, as Cucumber's PicoContainer gives them. */
    private static final String ACME_STEPS = """
            package com.acme.steps;

            import io.cucumber.java.en.Then;
            import io.wavebench.fixtures.scenario.VendingMachine;

            public class AcmeSteps {
                private final VendingMachine machine;

                public AcmeSteps(VendingMachine machine) {
                    this.machine = machine;
                }

                @Then("acme's step sees the vending machine wavebench's step started")
                public void seesTheVendingMachine() {
                    if (!machine.isSwitchedOn()) throw new AssertionError("acme's step got a rig with no vending machine started");
                }
            }
            """;

    private static final String ACME_FEATURE = """
            Feature: Acme's own step beside wavebench's
              Scenario: Acme's step shares the scenario's rig with wavebench's steps
                Given a vending machine selling "Sparkling water" at 1.50 from slot 12
                Then acme's step sees the vending machine wavebench's step started
            """;

    private static int run(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--history", dir.resolve("history").toString()));
        all.addAll(List.of(args));
        return new CommandLine(new Wavebench()).execute(all.toArray(String[]::new));
    }

    private static Map<String, Outcome> outcomes(Path report) throws Exception {
        Map<String, Outcome> outcomes = new TreeMap<>();
        for (ScenarioResult s : RunFolder.read(report).scenarios()) outcomes.put(s.name(), s.outcome());
        return outcomes;
    }

    @Test
    void file_and_line_runs_exactly_that_scenario_and_the_report_has_exactly_it(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("run");
        // line 10: "Scenario: two plus two"; the path is relative to the working directory, inside it
        assertEquals(0, run(dir, ARITHMETIC + ":10", "--glue", "io.wavebench.cli.suite", "--report", report.toString()));
        assertEquals(Map.of("two plus two", Outcome.PASS), outcomes(report));
        assertEquals(1, countOf(Files.readString(report.resolve("junit.xml")), "<testcase "), "junit.xml has the one scenario");
        String featurePage = Files.readString(report.resolve("feature-arithmetic.html"));
        assertTrue(featurePage.contains("two plus two") && !featurePage.contains("one plus one"), "the feature page shows only the scenario that ran");

        Path row = dir.resolve("row");
        assertEquals(0, run(dir, ARITHMETIC + ":23", "--glue", "io.wavebench.cli.suite", "--report", row.toString()));
        RunResult rowRun = RunFolder.read(row);
        assertEquals(1, rowRun.scenarios().size(), "an Examples row's line: that row");
        assertEquals(23, rowRun.scenarios().get(0).line());

        Path outline = dir.resolve("outline");
        assertEquals(0, run(dir, ARITHMETIC + ":15", "--glue", "io.wavebench.cli.suite", "--report", outline.toString()));
        assertEquals(List.of(22, 23, 24), RunFolder.read(outline).scenarios().stream().map(ScenarioResult::line).toList(), "an Outline's line: all its rows");
    }

    @Test
    void a_line_with_no_scenario_runs_nothing_and_fails_saying_so(@TempDir Path dir) {
        String console = console(() -> assertEquals(1, run(dir, ARITHMETIC + ":3", "--glue", "io.wavebench.cli.suite", "--report", dir.resolve("run").toString())));
        assertTrue(console.contains("no scenario ran: none is selected by " + ARITHMETIC + ":3"), console);
    }

    @Test
    void name_selects_the_scenarios_whose_name_matches(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("run");
        assertEquals(0, run(dir, "--features", RunCommandTest.FEATURES, "--glue", "io.wavebench.cli.suite", "--name", "^ten plus", "--name", "two$",
                "--tags", "not @slow", "--report", report.toString()));
        assertEquals(Map.of("ten plus three", Outcome.PASS, "ten plus four", Outcome.PASS, "two plus two", Outcome.PASS), outcomes(report));
        String history = String.join("\n", Files.walk(dir.resolve("history")).map(Path::toString).toList());
        assertTrue(history.contains("name-ten-plus-two"), "the names are in the history's selection: " + history);
    }

    @Test
    void a_feature_file_outside_the_checkout_with_only_wavebench_steps_runs_green(@TempDir Path dir) throws Exception {
        Path feature = Files.writeString(Files.createDirectories(dir.resolve("acme-features")).resolve("water.feature"), PURCHASE);
        Path report = dir.resolve("run");
        assertEquals(0, run(dir, feature.toString(), "--report", report.toString()));
        Map<String, Outcome> outcomes = outcomes(report);
        assertEquals(Set.of("Acme sells water to a phone with no network"), outcomes.keySet());
        // green as the run counts it: a sound the loopback air lost on a machine loaded by others passes on its rerun (FLAKY)
        assertTrue(outcomes.values().stream().allMatch(o -> o == Outcome.PASS || o == Outcome.FLAKY), outcomes.toString());
        String featurePage = Files.readString(report.resolve("feature-water.html"));
        assertTrue(featurePage.contains("Acme&#39;s water machine") || featurePage.contains("Acme's water machine"), "the feature's page is there");
        assertEquals(feature.toString(), RunFolder.readContext(report).facts().get("features"));
    }

    @Test
    void a_feature_folder_outside_the_working_directory_is_planned_sharded_and_rerun_as_the_own_specification_is(@TempDir Path dir) throws Exception {
        Path features = Files.createDirectories(dir.resolve("acme-features"));
        Files.copy(Path.of(ARITHMETIC), features.resolve("arithmetic.feature"));
        // line 26: "a step that fails on its first try and passes when run again"; the rerun takes it by its file: URI
        Path flaky = dir.resolve("flaky");
        assertEquals(0, run(dir, features.resolve("arithmetic.feature") + ":26", "--glue", "io.wavebench.cli.suite", "--report", flaky.toString()));
        assertEquals(Map.of("a step that fails on its first try and passes when run again", Outcome.FLAKY), outcomes(flaky));

        Map<String, Outcome> together = new TreeMap<>();
        for (int i = 1; i <= 2; i++) {
            Path shard = dir.resolve("shard-" + i);
            run(dir, features.toString(), "--glue", "io.wavebench.cli.suite", "--tags", "not @needs:a-capability-no-rig-has", "--shard", i + "/2",
                    "--report", shard.toString());
            Map<String, Outcome> part = outcomes(shard);
            assertEquals(3, part.size(), "shard " + i + ": " + part);
            part.keySet().forEach(name -> assertTrue(!together.containsKey(name), name + " ran in both shards"));
            together.putAll(part);
        }
        assertEquals(6, together.size(), together.toString());
        assertTrue(together.values().stream().allMatch(o -> o == Outcome.PASS || o == Outcome.FLAKY), together.toString());
    }

    @Test
    void a_team_step_class_on_the_classpath_runs_beside_wavebench_steps_and_a_missing_folder_is_named(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, "com/acme/steps/AcmeSteps.java", ACME_STEPS);
        Files.writeString(Files.createDirectories(classes.resolve("com/acme")).resolve("acme.feature"), ACME_FEATURE);
        Path report = dir.resolve("run");
        assertEquals(0, run(dir, "classpath:com/acme", "--glue", "com.acme.steps", "--classpath", classes.toString(), "--report", report.toString()));
        assertEquals(Map.of("Acme's step shares the scenario's rig with wavebench's steps", Outcome.PASS), outcomes(report));

        Path missing = dir.resolve("acme/target/test-classes");
        StringWriter err = new StringWriter();
        int status = new CommandLine(new Wavebench()).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("wavebench run: " + e.getMessage());
                    return 2;
                })
                .execute("run", "classpath:com/acme", "--glue", "com.acme.steps", "--classpath", missing.toString(), "--report", dir.resolve("run-2").toString());
        assertEquals(2, status);
        assertEquals("wavebench run: --classpath entry '" + missing + "' does not exist (looked for " + missing + ")", err.toString().strip());
        assertTrue(!Files.exists(dir.resolve("run-2")), "nothing started");
    }

    /** Compiles one source file against this JVM's class path (wavebench's glue, Cucumber) into {@code dir/classes}, as a team's build would. */
    private static Path compile(Path dir, String relative, String source) throws Exception {
        Path src = dir.resolve("src").resolve(relative);
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = javac.run(null, out, out, "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, status, "javac: " + out.toString(StandardCharsets.UTF_8));
        return classes;
    }

    private static String console(Runnable action) {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(before);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) count++;
        return count;
    }
}
