package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wavebench.reports.RunContext;
import io.wavebench.reports.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A run stopped half-way the way CI stops one (SIGTERM on a timeout or a cancel) keeps a report,
 * a well-formed junit.xml and a history entry of the scenarios that finished, marks the rest
 * NOT-RUN, leaves nothing half-written, and exits non-zero within CI's grace period.
 */
class StoppedRunTest {

    private static final int PLANNED = 8; // slow.feature

    @Test
    void a_run_stopped_by_sigterm_finishes_its_report_from_the_scenarios_that_finished(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("run-stopped");
        Path history = dir.resolve("history");
        try (ChildRun run = ChildRun.start(dir, "--tags", "@slow", "--threads", "1", "--reruns", "0",
                "--report", report.toString(), "--history", history.toString())) {
            assertTrue(run.awaitLines(l -> l.matches("\\[\\d+/" + PLANNED + "] .*"), 3, Duration.ofSeconds(120)),
                    "three scenarios never finished; console:\n" + run.consoleText());
            long signalled = System.nanoTime();
            run.process.destroy(); // SIGTERM on Linux
            int status = run.exitStatus(Duration.ofSeconds(30));
            Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);

            assertEquals(143, status, "128 + SIGTERM; console:\n" + run.consoleText());
            assertTrue(stopping.compareTo(Duration.ofSeconds(8)) < 0, "CI kills ~10 s after SIGTERM; stopping took " + stopping);
            assertTrue(run.console().stream().anyMatch(l -> l.startsWith("wavebench run: stopped by SIGTERM after ") && l.contains("index.html")),
                    run.consoleText());
        }

        long finished;
        try (Stream<Path> results = Files.list(report.resolve(RunFolder.RESULTS))) {
            finished = results.count();
        }
        assertTrue(finished >= 3 && finished < PLANNED, finished + " scenarios finished");
        assertTrue(Files.isRegularFile(report.resolve("index.html")));
        assertTrue(Files.readString(report.resolve("index.html")).contains("NOT-RUN"));

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.resolve("junit.xml").toFile()); // well-formed, or this throws
        NodeList cases = junit.getElementsByTagName("testcase");
        assertEquals(PLANNED, cases.getLength());
        int failures = 0, skipped = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getElementsByTagName("failure").getLength() > 0) failures++;
            if (c.getElementsByTagName("skipped").getLength() > 0) skipped++;
        }
        assertEquals(1, failures, "the quick one that fails, first of the suite");
        assertEquals(PLANNED - finished, skipped, "the scenarios not run");

        List<Path> records;
        try (Stream<Path> files = Files.walk(history)) { // one folder per rig and tag selection below it
            records = files.filter(Files::isRegularFile).toList();
        }
        assertEquals(1, records.size(), records.toString());
        JsonNode record = new ObjectMapper().readTree(records.get(0).toFile());
        long notRun = 0, ran = 0;
        for (JsonNode s : record.path("scenarios")) {
            if (s.path("outcome").asText().equals("NOT_RUN")) notRun++;
            else ran++;
        }
        assertEquals(finished, ran, record.toString());
        assertEquals(PLANNED - finished, notRun);

        assertTrue(RunFolder.readContext(report).facts().get(RunContext.STOPPED).startsWith("SIGTERM after " + finished + " of " + PLANNED));
        try (Stream<Path> all = Files.walk(report)) {
            List<Path> halfWritten = all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), halfWritten, "nothing half-written");
        }
    }
}
