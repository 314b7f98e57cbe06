package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measurements against limits (DESIGN §3) and the measurements.json convention scenarios write. */
class MeasurementTest {

    @TempDir
    Path dir;

    @Test
    void verdicts_pass_marginal_and_fail_on_either_side_of_a_limit() {
        assertEquals(Measurement.Verdict.PASS, Measurement.atMost("latency", 142, "ms", 300).verdict());
        assertEquals(Measurement.Verdict.MARGINAL, Measurement.atMost("latency", 280, "ms", 300).verdict(), "within 10 % under the limit");
        assertEquals(Measurement.Verdict.MARGINAL, Measurement.atMost("latency", 300, "ms", 300).verdict(), "the limit itself still passes");
        assertEquals(Measurement.Verdict.FAIL, Measurement.atMost("latency", 300.1, "ms", 300).verdict());
        assertEquals(Measurement.Verdict.PASS, Measurement.atLeast("frames decoded", 120, "%", 99).verdict());
        assertEquals(Measurement.Verdict.MARGINAL, Measurement.atLeast("frames decoded", 100, "%", 99).verdict(), "within 10 % over the limit");
        assertEquals(Measurement.Verdict.FAIL, Measurement.atLeast("decoded", 98.9, "%", 99).verdict());
        assertEquals(Measurement.Verdict.NO_LIMIT, Measurement.noted("airtime", 0.93, "s").verdict());
    }

    @Test
    void a_figure_taken_side_by_side_keeps_its_limit_but_is_not_judged_against_it() {
        Measurement alone = Measurement.atMost("MDB response time", 12.3, "ms", 5);
        Measurement shared = alone.takenWith(4);
        assertEquals(Measurement.Verdict.FAIL, alone.verdict(), "taken alone, 12.3 ms is over MDB's 5 ms");
        assertEquals(Measurement.Verdict.NOT_JUDGED, shared.verdict(), "taken with three others on two cores, it says how the CPU was shared");
        assertEquals("≤ 5 ms", shared.limitText(), "the limit is still shown");
        assertEquals("not judged (taken with 4 side by side)", shared.verdictText());
        assertEquals("FAIL", alone.verdictText());
        assertEquals(Measurement.Verdict.NO_LIMIT, Measurement.noted("slowest answer", 40, "ms").takenWith(4).verdict(), "no limit stays no limit");
        assertEquals(Measurement.Verdict.PASS, Measurement.atMost("x", 1, "ms", 5).takenWith(1).verdict(), "one side by side is alone");
        assertThrows(IllegalArgumentException.class, () -> alone.takenWith(0));
    }

    @Test
    void values_and_limits_read_as_people_write_them() {
        assertEquals("142 ms", Measurement.atMost("x", 142, "ms", 300).valueText());
        assertEquals("≤ 300 ms", Measurement.atMost("x", 142, "ms", 300).limitText());
        assertEquals("8.5 dB", Measurement.atLeast("x", 8.5, "dB", 3).valueText());
        assertEquals("0.0123 s", Measurement.noted("x", 0.012345, "s").valueText());
        assertEquals("1234.6 ms", Measurement.noted("x", 1234.56, "ms").valueText());
        assertEquals("—", Measurement.noted("x", 1, "").limitText());
    }

    @Test
    void the_file_appends_and_reads_back_every_field() throws IOException {
        Path scenario = dir.resolve("evidence/x-L1-y");
        assertEquals(List.of(), MeasurementsFile.read(scenario), "no file, no measurements");
        Measurement latency = Measurement.atMost("vend latency", 96.5, "ms", 300);
        Measurement snr = Measurement.atLeast("in-band SNR", 7.1, "dB", 3);
        Measurement airtime = Measurement.noted("airtime", 0.93, "s");
        Measurement shared = Measurement.atMost("MDB response time", 7.5, "ms", 5).takenWith(3);
        WrittenMeasurements.append(scenario, latency);
        WrittenMeasurements.append(scenario, snr);
        WrittenMeasurements.append(scenario, airtime);
        WrittenMeasurements.append(scenario, shared);
        assertEquals(List.of(latency, snr, airtime, shared), MeasurementsFile.read(scenario));
        assertEquals(Measurement.Verdict.NOT_JUDGED, MeasurementsFile.read(scenario).get(3).verdict());
    }

    @Test
    void a_damaged_file_is_named_in_the_error() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MeasurementsFile.NAME), "[{\"name\":\"x\",\"value\":1,\"limit\":{\"bound\":\"SOMETIMES\",\"value\":2}}]");
        IOException e = assertThrows(IOException.class, () -> MeasurementsFile.read(dir));
        assertEquals(true, e.getMessage().contains(MeasurementsFile.NAME), e.getMessage());
    }
}
