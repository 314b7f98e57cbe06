package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wavebench report merge} with what a shard can now leave: outline rows sharing a name, a
 * shard stopped short whose own message stream is empty (its dry run's plan has the outlines),
 * and shards whose preflight texts differ though both passed.
 */
class ReportMergeOutlinesTest {

    @TempDir
    Path dir;

    @Test
    void a_merged_report_names_rows_uniquely_validates_and_keys_its_history_per_row() throws Exception {
        Path a = dir.resolve("a");
        SampleRun.write(a);
        RunFolder.writeContext(a, context(Map.of(RunContext.PREFLIGHT, "8 checks passed", RunContext.COMMIT, "3f2a1bc")));
        Path b = dir.resolve("b");
        Files.createDirectories(b.resolve("plan"));
        Files.writeString(b.resolve("cucumber.json"), "[" + SampleRun.TRUST_JSON.formatted(SampleRun.TRUST_URI, SampleRun.CLOCK_OUTLINE, "too slow") + "]");
        Files.writeString(b.resolve("cucumber.ndjson"), ""); // stopped before Cucumber wrote its stream
        Files.writeString(b.resolve("plan/cucumber.ndjson"), SampleRun.TRUST_NDJSON.formatted(SampleRun.TRUST_URI, SampleRun.CLOCK_OUTLINE));
        RunFolder.writeContext(b, context(Map.of(RunContext.PREFLIGHT, "7 checks passed", RunContext.COMMIT, "3f2a1bc",
                RunContext.STOPPED, "SIGTERM after 4 of 5 scenarios")));

        History history = new History(dir.resolve("history"));
        LivingSpecReport.Written written = ReportMerge.merge(List.of(a, b), dir.resolve("out"), history);

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(getClass().getResource("/junit-10.xsd")).newValidator()
                .validate(new StreamSource(written.junitXml().toFile()));
        String xml = Files.readString(written.junitXml());
        assertTrue(xml.contains("name=\"" + SampleRun.CLOCK_OUTLINE + " - Far off - #2.1\""), "the plan names the stopped shard's rows");
        RunRecord record = history.load().get(0);
        assertEquals(12, new HashSet<>(record.scenarios().stream().map(RunRecord.Entry::key).toList()).size(), "one key per scenario and row");
        assertFalse(record.rigBroken(), "both shards' preflights passed, in other words");
        assertTrue(record.stopped().contains("SIGTERM after 4 of 5 scenarios"), record.stopped());
        assertEquals("3f2a1bc", record.commit());
        assertEquals(List.of(), SiteCheck.check(dir.resolve("out")));
    }

    private static RunContext context(Map<String, String> extra) {
        RunContext sample = SampleRun.context();
        Map<String, String> facts = new LinkedHashMap<>(sample.facts());
        facts.putAll(extra);
        return new RunContext(sample.rigName(), sample.rigLocation(), sample.rigFileText(), sample.started(), Duration.ofSeconds(5), facts);
    }
}
