package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder read from its plan and the result files written as scenarios finished: the one
 * path for a run that ended and one that was stopped (NOT-RUN for what never finished), with the
 * second try folded in.
 */
class RunFolderTest {

    private static final String URI = "classpath:io/wavebench/features/f.feature";

    /** The dry run's plan: scenarios at lines 3..6, one step each, line 5 with a data table; statuses as a dry run leaves them. */
    private static String plan() {
        return "[{\"uri\":\"" + URI + "\",\"name\":\"F\",\"description\":\"  What F is for.\",\"elements\":["
                + scenario(3, "") + "," + scenario(4, "") + "," + scenario(5, ",\"rows\":[{\"cells\":[\"a\",\"b\"]}]") + "," + scenario(6, "") + "]}]";
    }

    private static String scenario(int line, String argument) {
        return "{\"type\":\"scenario\",\"keyword\":\"Scenario\",\"line\":" + line + ",\"name\":\"s" + line + "\",\"id\":\"f;s" + line
                + "\",\"tags\":[{\"name\":\"@t" + line + "\"}],\"steps\":[{\"keyword\":\"Given \",\"name\":\"step of s" + line
                + "\",\"line\":" + (line + 1) + argument + ",\"result\":{\"status\":\"skipped\"}}]}";
    }

    /** What ResultsWriter writes for a finished scenario: a before hook, its step, an after hook. */
    private static String result(int line, String status, String error) {
        String err = error == null ? "" : ",\"error\":\"" + error + "\"";
        return "{\"uri\":\"" + URI + "\",\"line\":" + line + ",\"name\":\"s" + line + "\",\"steps\":["
                + "{\"type\":\"hook\",\"hook\":\"before\",\"location\":\"io.x.Hooks.before(io.cucumber.java.Scenario)\",\"status\":\"passed\",\"durationNanos\":1000},"
                + "{\"type\":\"step\",\"line\":" + (line + 1) + ",\"keyword\":\"Given \",\"text\":\"step of s" + line + "\",\"status\":\"" + status
                + "\",\"durationNanos\":2000000" + err + "},"
                + "{\"type\":\"hook\",\"hook\":\"after\",\"location\":\"io.x.Hooks.evidence(io.cucumber.java.Scenario)\",\"status\":\"passed\",\"durationNanos\":1000}],"
                + "\"attachments\":[\"rig-saw.txt\"],\"status\":\"" + status + "\",\"durationNanos\":2002000" + err + "}";
    }

    private static void folder(Path dir, List<String> planned) throws Exception {
        Files.createDirectories(dir.resolve(RunFolder.PLAN));
        Files.writeString(dir.resolve(RunFolder.PLAN).resolve(RunFolder.CUCUMBER_JSON), plan());
        Files.write(dir.resolve(RunFolder.PLAN).resolve(RunFolder.PLANNED), planned);
        Files.createDirectories(dir.resolve(RunFolder.RESULTS));
    }

    private static void result(Path folder, int line, String status, String error) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("f-L" + line + "-s" + line + ".json"), result(line, status, error));
    }

    private static String outcomes(RunResult run) {
        return run.scenarios().stream().map(s -> s.line() + "=" + s.outcome()).collect(Collectors.joining(","));
    }

    @Test
    void scenarios_are_read_from_the_plan_and_their_results_and_those_without_one_are_not_run(@TempDir Path dir) throws Exception {
        folder(dir, List.of(URI + ":3", URI + ":4", URI + ":5", URI + ":6"));
        result(dir.resolve(RunFolder.RESULTS), 3, "passed", null);
        result(dir.resolve(RunFolder.RESULTS), 5, "failed", "java.lang.AssertionError: expected VEND APPROVED");
        RunFolder.writeContext(dir, new RunContext("sim", "sim.yaml", null, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(9),
                Map.of(RunContext.STOPPED, "SIGTERM after 2 of 4 scenarios")));

        RunResult run = RunFolder.read(dir);

        assertEquals("3=PASS,4=NOT_RUN,5=FAIL,6=NOT_RUN", outcomes(run));
        ScenarioResult failed = run.scenarios().get(2);
        assertEquals("java.lang.AssertionError: expected VEND APPROVED", failed.error());
        assertEquals(List.of("@t5"), failed.tags());
        ScenarioResult.Step step = failed.steps().get(0);
        assertEquals(List.of("Given", "step of s5", "failed"), List.of(step.keyword(), step.text(), step.status()));
        assertEquals(List.of(List.of("a", "b")), step.table(), "the step's table comes from the plan");
        assertEquals(1, failed.steps().size(), "hooks that passed are not shown as steps");
        assertEquals(List.of("rig-saw.txt"), failed.attachments());
        assertEquals(Duration.ofNanos(2002000), failed.duration());
        String notRun = run.scenarios().get(1).error();
        assertTrue(notRun.contains("SIGTERM after 2 of 4 scenarios"), notRun);
        assertEquals("What F is for.", run.features().get(0).description());
        assertTrue(run.anyFailure(), "a scenario not run fails the run");
    }

    @Test
    void the_second_try_is_folded_in_and_a_failure_that_passes_on_it_is_flaky(@TempDir Path dir) throws Exception {
        folder(dir, List.of(URI + ":3", URI + ":4", URI + ":5"));
        result(dir.resolve(RunFolder.RESULTS), 3, "failed", "boom first");
        result(dir.resolve(RunFolder.RESULTS), 4, "failed", "boom always");
        result(dir.resolve(RunFolder.RESULTS), 5, "undefined", null);
        result(dir.resolve(RunFolder.RERUN).resolve(RunFolder.RESULTS), 3, "passed", null);
        result(dir.resolve(RunFolder.RERUN).resolve(RunFolder.RESULTS), 4, "failed", "boom again");

        RunResult run = RunFolder.read(dir);

        assertEquals("3=FLAKY,4=FAIL,5=SPEC_ERROR", outcomes(run));
        assertTrue(run.scenarios().get(0).error().contains("boom first"), run.scenarios().get(0).error());
        assertEquals("boom always", run.scenarios().get(1).error(), "a failure that fails again keeps its first try's error");
        assertNull(run.scenarios().get(2).error());
    }

    @Test
    void a_spec_error_is_not_among_the_failures_to_rerun(@TempDir Path dir) throws Exception {
        folder(dir, List.of(URI + ":3", URI + ":4", URI + ":5"));
        result(dir.resolve(RunFolder.RESULTS), 3, "failed", "boom");
        result(dir.resolve(RunFolder.RESULTS), 4, "undefined", null);
        result(dir.resolve(RunFolder.RESULTS), 5, "ambiguous", "two definitions");
        assertEquals(List.of(URI + ":3"), RunFolder.read(dir).failedLocations());
    }

    @Test
    void only_the_scenarios_this_run_was_to_run_are_read_so_a_shard_shows_its_share(@TempDir Path dir) throws Exception {
        folder(dir, List.of(URI + ":4", URI + ":6"));
        result(dir.resolve(RunFolder.RESULTS), 4, "passed", null);
        RunResult run = RunFolder.read(dir);
        assertEquals("4=PASS,6=NOT_RUN", outcomes(run));
        assertTrue(run.scenarios().get(1).error().startsWith("Not run: the run ended before this scenario finished"), run.scenarios().get(1).error());
    }

    @Test
    void a_stopped_run_before_any_scenario_finished_has_every_planned_one_not_run(@TempDir Path dir) throws Exception {
        folder(dir, List.of(URI + ":3", URI + ":4"));
        Files.delete(dir.resolve(RunFolder.RESULTS));
        assertEquals("3=NOT_RUN,4=NOT_RUN", outcomes(RunFolder.read(dir)));
    }

    @Test
    void a_folder_without_a_list_of_planned_scenarios_is_read_from_its_cucumber_json(@TempDir Path dir) throws Exception {
        // older runs and merged shards: plan/cucumber.json may be there, plan/scenarios.txt is not
        Files.createDirectories(dir.resolve(RunFolder.PLAN));
        Files.writeString(dir.resolve(RunFolder.PLAN).resolve(RunFolder.CUCUMBER_JSON), plan());
        Files.writeString(dir.resolve(RunFolder.CUCUMBER_JSON), OutcomesAndMergeTest.cucumberJson("3=passed", "4=failed:boom"));
        assertEquals("3=PASS,4=FAIL", outcomes(RunFolder.read(dir)));
    }

    @Test
    void the_context_is_written_whole_under_its_own_name(@TempDir Path dir) throws Exception {
        RunFolder.writeContext(dir, new RunContext("sim", "sim.yaml", null, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(1), Map.of("commit", "3f2a1bc")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(RunFolder.CONTEXT), files.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals("3f2a1bc", RunFolder.readContext(dir).facts().get("commit"));
    }
}
