package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.reports.BrokenDevice;
import io.wavebench.reports.Outcome;
import io.wavebench.reports.RunFolder;
import io.wavebench.reports.ScenarioResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code wavebench run} prints, read as a person at a terminal or a CI log reads it: progress
 * lines naming feature and scenario, one short block per failing scenario (no stack trace), a
 * step not written blamed on the specification with the definition Cucumber suggests, no log
 * lines (they go to the report's wavebench.log), no summary before anything ran, one at the end.
 */
class RunConsoleTest {

    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d[.,]\\d{3} .*(TRACE|DEBUG|INFO|WARN|ERROR).*");

    @Test
    void the_console_shows_progress_one_block_per_failure_and_no_log_lines(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("run-console");
        List<String> console;
        try (ChildRun run = ChildRun.start(dir, "--tags", "@defects", "--threads", "1", "--report", report.toString(), "--history", dir.resolve("h").toString())) {
            assertEquals(1, run.exitStatus(Duration.ofSeconds(120)), run.consoleText());
            console = run.console();
        }
        String text = String.join("\n", console);

        assertEquals(List.of(), console.stream().filter(l -> LOG_LINE.matcher(l).matches()).toList(), "log lines on the console:\n" + text);
        assertTrue(Files.readString(report.resolve(RunLog.FILE)).contains("RunIdentity"), "the log went to the report folder");
        assertFalse(text.contains("\tat "), "no stack trace on the console:\n" + text);
        assertFalse(text.matches("(?s).*\\d+ scenarios \\(\\d+ passed\\).*"), "no Cucumber summary (the dry run's would come before anything ran):\n" + text);

        assertTrue(console.stream().anyMatch(l -> l.matches("\\[\\d/4] PASS +Defects for testing the console › a sum that is right \\(\\d+\\.\\d s\\) · \\d+ s")), text);
        assertTrue(console.stream().anyMatch(l -> l.matches("\\[\\d/4] FAIL +Defects for testing the console › a sum the product gets wrong .*")), text);
        assertTrue(console.stream().anyMatch(l -> l.matches("\\[\\d/4] SPEC-ERROR +Defects for testing the console › a step nobody has written .*")), text);

        // one block per failing scenario: the failing step and its message once, though the scenario ran twice (rerun)
        assertEquals(1, count(console, "failed at: Then the number is 5"), text);
        assertEquals(1, count(console, "expected 5, have 4"), text);
        assertEquals(2, console.stream().filter(l -> l.startsWith("rerun [") && l.contains(" FAIL ")).count(), text);
        // what the rig saw, from the scenario's rig-saw.txt, and where its evidence is
        int saw = console.indexOf("      the rig saw:");
        assertTrue(saw > 0, text);
        assertEquals(List.of("        air: 3 soundings, SNR in band -12 dB", "        reader: LISTENING, no frame"), console.subList(saw + 1, saw + 3));
        assertTrue(console.get(saw + 3).matches("      evidence: .*/evidence/defects-L\\d+-a-purchase-the-reader-never-heard"), console.get(saw + 3));
        // the spec's fault, with the step's text and the start of the definition that would match it
        assertEquals(1, count(console, "the specification's fault: no step definition matches When the number is squared twice over"), text);
        assertTrue(console.stream().anyMatch(l -> l.contains("a definition would start: @When(\"the number is squared twice over\")")), text);

        // one closing summary, naming what failed
        assertEquals(1, count(console, "4 scenarios: 1 PASS, 2 FAIL, 1 SPEC-ERROR in "), text);
        assertEquals(1, count(console, "  SPEC-ERROR Defects for testing the console › a step nobody has written"), text);

        // the step not written is not rerun: nothing is known about the reader, and running it again cannot help
        try (Stream<Path> rerun = Files.list(report.resolve(RunFolder.RERUN).resolve(RunFolder.RESULTS))) {
            assertEquals(List.of("defects-L11-a-purchase-the-reader-never-heard.json", "defects-L6-a-sum-the-product-gets-wrong.json"),
                    rerun.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Map<String, Outcome> outcomes = RunFolder.read(report).scenarios().stream().collect(Collectors.toMap(ScenarioResult::name, ScenarioResult::outcome));
        assertEquals(Map.of("a sum the product gets wrong", Outcome.FAIL, "a purchase the reader never heard", Outcome.FAIL,
                "a step nobody has written", Outcome.SPEC_ERROR, "a sum that is right", Outcome.PASS), outcomes);
    }

    private static long count(List<String> console, String part) {
        return console.stream().filter(l -> l.contains(part)).count();
    }

    @Test
    void the_closing_summary_names_each_device_that_went_broken_with_its_reason(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), RunCommand.brokenDevicesLines(dir), "none went BROKEN: nothing said");
        Files.writeString(dir.resolve(BrokenDevice.FILE),
                "{\"rig\":\"bench\",\"device\":\"the reader on MDB port /dev/ttyUSB0\",\"since\":\"2026-12-06T19:40:00Z\","
                        + "\"reason\":\"VMC on /dev/ttyUSB0: did not reach READER_ENABLED within 10000 ms; last seen: state NO_READER\"}\n");
        assertEquals(List.of("broken: 1 device went BROKEN during the run; later scenarios that needed it were INFRA-ERROR:",
                "  BROKEN the reader on MDB port /dev/ttyUSB0 (rig 'bench') since 2026-12-06T19:40:00Z: VMC on /dev/ttyUSB0: did not reach READER_ENABLED within 10000 ms; last seen: state NO_READER"),
                RunCommand.brokenDevicesLines(dir));
    }
}
