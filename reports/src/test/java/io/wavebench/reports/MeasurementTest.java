package io.wavebench.reports;

import static io.wavebench.reports.WrittenMeasurements.atLeast;
import static io.wavebench.reports.WrittenMeasurements.atMost;
import static io.wavebench.reports.WrittenMeasurements.noted;
import static io.wavebench.reports.WrittenMeasurements.sideBySide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.reports.Measurement.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measurements as the report reads them from the measurements.json a scenario writes (DESIGN §3):
 * each with the verdict its writer stated, which the report shows and never judges again.
 */
class MeasurementTest {

    @TempDir
    Path dir;

    @Test
    void the_report_shows_the_verdict_the_file_states_even_where_it_would_judge_otherwise() throws IOException {
        Files.createDirectories(dir);
        // 444 ms against ≤ 300 ms, stated PASS: a writer with its own rule (a bench script's) is shown as it said.
        Files.writeString(dir.resolve(MeasurementsFile.NAME), """
                [{"name":"vend latency","value":444,"unit":"ms","limit":{"bound":"AT_MOST","value":300},"verdict":"PASS"},
                 {"name":"in-band SNR","value":7.1,"unit":"dB","limit":{"bound":"AT_LEAST","value":3}}]""");
        List<Measurement> read = MeasurementsFile.read(dir);
        assertEquals(Verdict.PASS, read.get(0).verdict());
        assertEquals(Verdict.NOT_STATED, read.get(1).verdict(), "no verdict in the file: not stated, not guessed");
        assertEquals("not stated", read.get(1).verdictText());
    }

    @Test
    void a_figure_taken_side_by_side_is_shown_with_its_limit_and_why_it_was_not_judged() {
        Measurement shared = sideBySide(atMost("MDB response time", 12.3, "ms", 5, Verdict.FAIL), 4);
        assertEquals("≤ 5 ms", shared.limitText(), "the limit is still shown");
        assertEquals("not judged (taken with 4 side by side)", shared.verdictText());
        assertEquals("FAIL", atMost("MDB response time", 12.3, "ms", 5, Verdict.FAIL).verdictText());
        assertThrows(IllegalArgumentException.class, () -> sideBySide(shared, 0));
    }

    @Test
    void values_and_limits_read_as_people_write_them() {
        assertEquals("142 ms", atMost("x", 142, "ms", 300, Verdict.PASS).valueText());
        assertEquals("≤ 300 ms", atMost("x", 142, "ms", 300, Verdict.PASS).limitText());
        assertEquals("8.5 dB", atLeast("x", 8.5, "dB", 3, Verdict.PASS).valueText());
        assertEquals("0.0123 s", noted("x", 0.012345, "s").valueText());
        assertEquals("1234.6 ms", noted("x", 1234.56, "ms").valueText());
        assertEquals("—", noted("x", 1, "").limitText());
    }

    @Test
    void the_file_appends_and_reads_back_every_field() throws IOException {
        Path scenario = dir.resolve("evidence/x-L1-y");
        assertEquals(List.of(), MeasurementsFile.read(scenario), "no file, no measurements");
        Measurement latency = atMost("vend latency", 96.5, "ms", 300, Verdict.PASS);
        Measurement snr = atLeast("in-band SNR", 7.1, "dB", 3, Verdict.PASS);
        Measurement airtime = noted("airtime", 0.93, "s");
        Measurement shared = sideBySide(atMost("MDB response time", 7.5, "ms", 5, Verdict.FAIL), 3);
        WrittenMeasurements.append(scenario, latency);
        WrittenMeasurements.append(scenario, snr);
        WrittenMeasurements.append(scenario, airtime);
        WrittenMeasurements.append(scenario, shared);
        assertEquals(List.of(latency, snr, airtime, shared), MeasurementsFile.read(scenario));
        assertEquals(Verdict.NOT_JUDGED, MeasurementsFile.read(scenario).get(3).verdict());
    }

    @Test
    void a_damaged_file_is_named_in_the_error() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MeasurementsFile.NAME), "[{\"name\":\"x\",\"value\":1,\"limit\":{\"bound\":\"SOMETIMES\",\"value\":2}}]");
        IOException e = assertThrows(IOException.class, () -> MeasurementsFile.read(dir));
        assertTrue(e.getMessage().contains(MeasurementsFile.NAME), e.getMessage());
        Files.writeString(dir.resolve(MeasurementsFile.NAME), "[{\"name\":\"x\",\"value\":1,\"verdict\":\"GOOD ENOUGH\"}]");
        IOException verdict = assertThrows(IOException.class, () -> MeasurementsFile.read(dir));
        assertTrue(verdict.getMessage().contains(MeasurementsFile.NAME) && verdict.getMessage().contains("GOOD ENOUGH"), verdict.getMessage());
    }
}
