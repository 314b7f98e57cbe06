package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wavebench.reports.Measurement;
import io.wavebench.reports.MeasurementsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The closing summary names each judged figure that FAILed, with the scenario whose evidence holds it. */
class TimingFiguresTest {

    @Test
    void a_judged_figure_over_its_limit_is_named_and_one_taken_side_by_side_is_not(@TempDir Path report) throws Exception {
        Path fast = report.resolve("evidence").resolve("modem-profiles-L12-a-purchase-in-the-fast-profile");
        write(fast, judged("vend latency", 444, 1, Measurement.Verdict.FAIL), judged("token air time", 180, 1, Measurement.Verdict.PASS));
        write(report.resolve("evidence").resolve("vend-session-L8-x"), judged("vend latency", 500, 4, Measurement.Verdict.NOT_JUDGED));

        TimingFigures figures = TimingFigures.of(report);

        assertEquals(1, figures.fail());
        assertEquals(1, figures.notJudged());
        assertEquals(List.of("vend latency: 444 ms, limit ≤ 300 ms (modem-profiles-L12-a-purchase-in-the-fast-profile)"), figures.failed());
    }

    /** A scenario's measurements.json, as the run writes it. */
    /** A latency figure with a limit of 300 ms, as the run that took it stated it. */
    private static Measurement judged(String name, double ms, int sideBySide, Measurement.Verdict verdict) {
        return new Measurement(name, ms, "ms", new Measurement.Limit(Measurement.Limit.Bound.AT_MOST, 300), sideBySide, verdict);
    }

    private static void write(Path evidence, Measurement... measurements) throws IOException {
        Files.createDirectories(evidence);
        Files.writeString(evidence.resolve(MeasurementsFile.NAME), MeasurementsFile.toJson(List.of(measurements)));
    }
}
