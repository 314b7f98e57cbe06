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
        MeasurementsFile.append(scenario, latency);
        MeasurementsFile.append(scenario, snr);
        MeasurementsFile.append(scenario, airtime);
        assertEquals(List.of(latency, snr, airtime), MeasurementsFile.read(scenario));
    }

    @Test
    void a_damaged_file_is_named_in_the_error() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MeasurementsFile.NAME), "[{\"name\":\"x\",\"value\":1,\"limit\":{\"bound\":\"SOMETIMES\",\"value\":2}}]");
        IOException e = assertThrows(IOException.class, () -> MeasurementsFile.read(dir));
        assertEquals(true, e.getMessage().contains(MeasurementsFile.NAME), e.getMessage());
    }
}
