package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INFRA-ERROR from the rig's mark, FLAKY from a passing rerun, and shards merged into one run (DESIGN §3). */
class OutcomesAndMergeTest {

    private static final String URI = "classpath:io/wavebench/features/f.feature";

    /** A Cucumber JSON feature with one scenario per {@code line=status[:error]} entry. */
    static String cucumberJson(String... scenarios) {
        StringBuilder elements = new StringBuilder();
        for (String spec : scenarios) {
            String[] parts = spec.split("=", 2);
            String[] statusAndError = parts[1].split(":", 2);
            String error = statusAndError.length > 1 ? ",\"error_message\":\"" + statusAndError[1].replace("\"", "\\\"") + "\"" : "";
            if (elements.length() > 0) elements.append(',');
            elements.append("{\"type\":\"scenario\",\"keyword\":\"Scenario\",\"line\":").append(parts[0]).append(",\"name\":\"s").append(parts[0])
                    .append("\",\"id\":\"f;s").append(parts[0]).append("\",\"steps\":[{\"keyword\":\"Given \",\"name\":\"x\",\"result\":{\"status\":\"")
                    .append(statusAndError[0]).append("\",\"duration\":1000000").append(error).append("}}]}");
        }
        return "[{\"uri\":\"" + URI + "\",\"name\":\"F\",\"elements\":[" + elements + "]}]";
    }

    static void writeRun(Path dir, String json) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunFolder.CUCUMBER_JSON), json);
        RunFolder.writeContext(dir, new RunContext("sim", "fixtures/rigs/sim.yaml", "name: sim\n", Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofSeconds(dir.getFileName().toString().length()), Map.of("java", "17", "shard", dir.getFileName().toString())));
    }

    @Test
    void a_failure_marked_by_the_rig_is_an_infra_error_and_other_failures_are_failures() throws Exception {
        Path json = Files.createTempFile("run", ".json");
        Files.writeString(json, cucumberJson(
                "3=failed:io.wavebench.fixtures.rig.RigUnavailableException: INFRA-ERROR: rig 'bench': port /dev/serial/by-id/x cannot be opened",
                "4=failed:java.lang.AssertionError: expected VEND APPROVED, saw VEND DENIED",
                "5=skipped:org.opentest4j.TestAbortedException: ABORTED: needs reader-internals"));
        RunResult run = RunResult.readCucumberJson(json);
        assertEquals("3=INFRA_ERROR,4=FAIL,5=ABORTED", outcomes(run));
        assertEquals(List.of(URI + ":4"), run.failedLocations()); // a broken rig is not rerun
    }

    @Test
    void a_failure_that_passes_on_rerun_is_flaky_and_keeps_its_first_error(@TempDir Path dir) throws Exception {
        writeRun(dir, cucumberJson("3=passed", "4=failed:boom first", "5=failed:boom always", "6=failed:port read failed"));
        Files.createDirectories(dir.resolve(RunFolder.RERUN));
        Files.writeString(dir.resolve(RunFolder.RERUN).resolve(RunFolder.CUCUMBER_JSON), cucumberJson("4=passed", "5=failed:boom again",
                "6=failed:io.wavebench.fixtures.rig.RigUnavailableException: INFRA-ERROR: port /dev/serial/by-id/x has gone"));
        RunResult run = RunFolder.read(dir);
        assertEquals("3=PASS,4=FLAKY,5=FAIL,6=INFRA_ERROR", outcomes(run));
        assertTrue(run.scenarios().get(1).error().contains("passed when run again"), run.scenarios().get(1).error());
        assertTrue(run.scenarios().get(1).error().contains("boom first"), run.scenarios().get(1).error());
        assertEquals("boom always", run.scenarios().get(2).error());
        assertTrue(run.anyFailure());
    }

    @Test
    void shards_merge_into_one_report_with_every_scenario_once(@TempDir Path dir) throws Exception {
        writeRun(dir.resolve("a"), cucumberJson("3=passed", "9=passed"));
        writeRun(dir.resolve("bb"), cucumberJson("4=failed:boom", "6=failed:once"));
        Files.createDirectories(dir.resolve("bb/rerun"));
        Files.writeString(dir.resolve("bb/rerun/cucumber.json"), cucumberJson("4=failed:boom", "6=passed"));
        writeRun(dir.resolve("ccc"), cucumberJson("5=passed", "7=passed"));
        Path evidence = dir.resolve("bb/evidence").resolve(EvidenceNames.slug(URI, 4, "s4"));
        Files.createDirectories(evidence);
        Files.writeString(evidence.resolve("mdb-trace.txt"), "trace\n");

        Path out = dir.resolve("merged");
        LivingSpecReport.Written written = ReportMerge.merge(List.of(dir.resolve("a"), dir.resolve("bb"), dir.resolve("ccc")), out, null);

        RunResult merged = RunResult.readCucumberJson(out.resolve(RunFolder.CUCUMBER_JSON));
        assertEquals(List.of(3, 4, 5, 6, 7, 9), merged.scenarios().stream().map(ScenarioResult::line).sorted().toList());
        assertEquals("3=PASS,4=FAIL,5=PASS,6=FLAKY,7=PASS,9=PASS", outcomes(RunFolder.read(out))); // reads back with the shards' outcomes
        assertEquals("trace\n", Files.readString(out.resolve("evidence").resolve(EvidenceNames.slug(URI, 4, "s4")).resolve("mdb-trace.txt")));
        RunContext context = RunFolder.readContext(out);
        assertEquals(Duration.ofSeconds(3), context.wall()); // the longest shard ("ccc")
        String mergedFrom = context.facts().get("merged from");
        assertTrue(mergedFrom.contains("a: 2 scenarios") && mergedFrom.contains("bb: 2 scenarios") && mergedFrom.contains("(shard ccc)"), mergedFrom);
        String index = Files.readString(written.index());
        assertTrue(index.contains("s4") && index.contains("s9"), index);
        assertEquals(List.of(), SiteCheck.check(out));
        assertTrue(Files.readString(written.junitXml()).contains("tests=\"6\""));
    }

    @Test
    void shards_that_ran_the_same_scenario_are_refused(@TempDir Path dir) throws Exception {
        writeRun(dir.resolve("a"), cucumberJson("3=passed"));
        writeRun(dir.resolve("b"), cucumberJson("3=passed", "4=passed"));
        Exception e = assertThrows(IllegalArgumentException.class, () -> ReportMerge.merge(List.of(dir.resolve("a"), dir.resolve("b")), dir.resolve("out"), null));
        assertTrue(e.getMessage().contains("ran in both") && e.getMessage().contains(URI + ":3"), e.getMessage());
    }

    @Test
    void a_folder_that_is_not_a_run_is_named() {
        Exception e = assertThrows(IOException.class, () -> RunFolder.read(Path.of("/nonexistent/run")));
        assertTrue(e.getMessage().contains("/nonexistent/run is not a wavebench run folder"), e.getMessage());
    }

    static String outcomes(RunResult run) {
        return run.scenarios().stream().map(s -> s.line() + "=" + s.outcome()).collect(Collectors.joining(","));
    }
}
