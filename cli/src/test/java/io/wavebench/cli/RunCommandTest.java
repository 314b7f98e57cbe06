package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.cli.suite.ArithmeticSteps;
import io.wavebench.reports.Outcome;
import io.wavebench.reports.RunContext;
import io.wavebench.reports.RunFolder;
import io.wavebench.reports.RunResult;
import io.wavebench.reports.ScenarioResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code wavebench run} end to end on a suite of known shape (test features under
 * io/wavebench/cli/suite, the real run path: plan, shards, side-by-side scenarios, reruns,
 * capability tags, the rig preflight, the report), and {@code wavebench report merge}.
 */
class RunCommandTest {

    static final String FEATURES = "classpath:io/wavebench/cli/suite";
    static final String GLUE = "io.wavebench.cli.suite,io.wavebench.features.steps";

    static int run(Path history, String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--features", FEATURES, "--glue", GLUE, "--history", history.toString()));
        all.addAll(List.of(args));
        return new CommandLine(new Wavebench()).execute(all.toArray(String[]::new));
    }

    static Map<String, Outcome> outcomes(Path reportDir) throws Exception {
        Map<String, Outcome> outcomes = new TreeMap<>();
        for (ScenarioResult s : RunFolder.read(reportDir).scenarios()) outcomes.put(s.featureUri() + ":" + s.line() + " " + s.name(), s.outcome());
        return outcomes;
    }

    @Test
    void three_shards_merged_give_the_same_scenarios_and_outcomes_as_one_run(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history");
        assertEquals(0, run(history, "--report", dir.resolve("whole").toString(), "--tags", "not @rig and not @sidebyside and not @slow and not @defects"));
        Map<String, Outcome> whole = outcomes(dir.resolve("whole"));
        assertEquals(10, whole.size(), whole.toString());
        assertEquals(Outcome.FLAKY, only(whole, "fails on its first try"));
        assertEquals(Outcome.ABORTED, only(whole, "needing a capability"));
        assertEquals(8, whole.values().stream().filter(o -> o == Outcome.PASS).count(), whole.toString());
        String aborted = RunFolder.read(dir.resolve("whole")).scenarios().stream().filter(s -> s.outcome() == Outcome.ABORTED).findFirst().orElseThrow().error();
        assertTrue(aborted != null && aborted.contains("needs a-capability-no-rig-has, which rig 'sim' does not have"), String.valueOf(aborted));

        List<Path> shards = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            Path shard = dir.resolve("shard-" + i);
            shards.add(shard);
            assertEquals(0, run(history, "--report", shard.toString(), "--tags", "not @rig and not @sidebyside and not @slow and not @defects", "--shard", i + "/3"));
            Map<String, Outcome> part = outcomes(shard);
            assertTrue(part.size() >= 3 && part.size() <= 4, "shards are dealt evenly: " + part);
            for (String key : part.keySet()) assertTrue(seen.add(key), key + " ran in two shards");
        }
        assertEquals(0, new CommandLine(new Wavebench()).execute(
                "report", "merge", "--out", dir.resolve("merged").toString(), shards.get(0).toString(), shards.get(1).toString(), shards.get(2).toString()));
        assertEquals(whole, outcomes(dir.resolve("merged")));
        assertTrue(Files.readString(dir.resolve("merged/index.html"), StandardCharsets.UTF_8).contains("merged from"));
    }

    @Test
    void a_timing_scenario_runs_alone_while_the_others_run_side_by_side(@TempDir Path dir) throws Exception {
        // Four threads; the @timing scenario must find no other running (SideBySide), repeated to catch a lucky order.
        // The suite records no timing figures: what is checked is that the others really did run side by side
        // (else "alone" would prove nothing) and that the @timing one still found itself alone.
        for (int i = 0; i < 3; i++) {
            Path report = dir.resolve("run-" + i);
            ArithmeticSteps.forgetPeakSeen();
            assertEquals(0, run(dir.resolve("history"), "--report", report.toString(), "--tags", "@sidebyside", "--threads", "4", "--reruns", "0"));
            assertEquals(5, outcomes(report).size());
            assertTrue(outcomes(report).values().stream().allMatch(o -> o == Outcome.PASS), outcomes(report).toString());
            assertEquals(Outcome.PASS, only(outcomes(report), "a timing scenario runs alone"));
            int peak = ArithmeticSteps.peakSeen();
            assertTrue(peak >= 2, "run " + i + ": the scenarios beside the @timing one never ran side by side (peak " + peak + ")");
        }
    }


    @Test
    void a_rig_that_fails_its_preflight_makes_the_scenarios_standing_on_it_infra_errors(@TempDir Path dir) throws Exception {
        String sim = new String(RunCommandTest.class.getClassLoader().getResourceAsStream("rigs/sim.yaml").readAllBytes(), StandardCharsets.UTF_8);
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, sim.replace("microphone: wavebench loopback 1        # a second capture", "microphone: a microphone that is not here  # a second capture"));
        int status = run(dir.resolve("history"), "--report", dir.resolve("run").toString(), "--rig", broken.toString(), "--tags", "@rig or @needs:a-capability-no-rig-has");
        assertEquals(1, status);
        RunResult run = RunFolder.read(dir.resolve("run"));
        Map<String, Outcome> byName = run.scenarios().stream().collect(Collectors.toMap(ScenarioResult::name, ScenarioResult::outcome));
        assertEquals(Map.of("a scenario standing on the rig", Outcome.INFRA_ERROR, "a scenario needing a capability no rig has", Outcome.ABORTED), byName);
        String error = run.scenarios().stream().filter(s -> s.outcome() == Outcome.INFRA_ERROR).findFirst().orElseThrow().error();
        assertTrue(error.contains("a microphone that is not here"), error);
        assertFalse(Files.exists(dir.resolve("run/rerun")), "a broken rig is reported, not rerun");
    }

    @Test
    void figures_gate_by_default_and_report_only_when_asked(@TempDir Path dir) throws Exception {
        assertEquals(0, run(dir.resolve("history"), "--report", dir.resolve("run-gate").toString(), "--tags", "@sidebyside and @timing"));
        assertEquals("gate", System.getProperty("wavebench.figures"));
        assertEquals("gate", RunFolder.readContext(dir.resolve("run-gate")).facts().get("figures"));
        assertEquals(0, run(dir.resolve("history"), "--report", dir.resolve("run-report-only").toString(), "--tags", "@sidebyside and @timing",
                "--figures", "report-only"));
        assertEquals("report-only", System.getProperty("wavebench.figures"), "the features' After hook reads the property");
        assertEquals("report-only", RunFolder.readContext(dir.resolve("run-report-only")).facts().get("figures"));
        assertEquals(2, new CommandLine(new Wavebench()).setExecutionExceptionHandler((e, c, p) -> 2)
                .execute("run", "--features", FEATURES, "--glue", GLUE, "--figures", "sometimes", "--report", dir.resolve("run-x").toString()));
        System.clearProperty("wavebench.figures");
    }

    @Test
    void a_stopped_run_would_have_its_results_a_finished_run_has_every_one(@TempDir Path dir) throws Exception {
        // the same files a stopped run finishes its report from: one per scenario, none left half-written
        assertEquals(0, run(dir.resolve("history"), "--report", dir.resolve("run").toString(), "--tags", "@sidebyside", "--reruns", "0"));
        try (var results = Files.list(dir.resolve("run").resolve(RunFolder.RESULTS))) {
            assertEquals(5, results.filter(f -> f.getFileName().toString().endsWith(".json")).count());
        }
        assertTrue(Files.isRegularFile(dir.resolve("run/plan/cucumber.ndjson")), "the plan's message stream, with the outlines' examples");
        Map<String, String> facts = RunFolder.readContext(dir.resolve("run")).facts();
        assertTrue(facts.containsKey("commit") && facts.containsKey("reader") && facts.containsKey("tags"), facts.toString());
        assertFalse(facts.containsKey(RunContext.STOPPED), "a run that ended was not stopped");
        // the step catalogue of this run's glue, linked from the index
        String steps = Files.readString(dir.resolve("run/steps.html"));
        assertTrue(steps.contains("ArithmeticSteps") && steps.contains("VendingMachineSteps"), "the suite's own glue beside wavebench's");
        assertTrue(Files.readString(dir.resolve("run/index.html")).contains("href=\"steps.html\""), "the index links the catalogue");
    }

    private static Outcome only(Map<String, Outcome> outcomes, String nameContains) {
        List<Outcome> found = outcomes.entrySet().stream().filter(e -> e.getKey().contains(nameContains)).map(Map.Entry::getValue).toList();
        assertEquals(1, found.size(), nameContains + " in " + outcomes);
        return found.get(0);
    }
}
