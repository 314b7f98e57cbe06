package io.wavebench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a scenario's measurements.json as a run would (the report itself only reads them), and
 * makes the measurements a run would state: the verdict is given, as the writer judged it.
 */
final class WrittenMeasurements {

    private WrittenMeasurements() {}

    static void append(Path evidenceDir, Measurement m) throws IOException {
        List<Measurement> all = new ArrayList<>(MeasurementsFile.read(evidenceDir));
        all.add(m);
        Files.createDirectories(evidenceDir);
        Files.writeString(evidenceDir.resolve(MeasurementsFile.NAME), MeasurementsFile.toJson(all));
    }

    /** A figure with an upper limit, taken alone, as judged by its writer. */
    static Measurement atMost(String name, double value, String unit, double limit, Measurement.Verdict verdict) {
        return new Measurement(name, value, unit, new Measurement.Limit(Measurement.Limit.Bound.AT_MOST, limit), 1, verdict);
    }

    static Measurement atLeast(String name, double value, String unit, double limit, Measurement.Verdict verdict) {
        return new Measurement(name, value, unit, new Measurement.Limit(Measurement.Limit.Bound.AT_LEAST, limit), 1, verdict);
    }

    static Measurement noted(String name, double value, String unit) {
        return new Measurement(name, value, unit, null, 1, Measurement.Verdict.NO_LIMIT);
    }

    /** The same figure taken with {@code scenarios} at once, as its writer states it: not judged. */
    static Measurement sideBySide(Measurement m, int scenarios) {
        return new Measurement(m.name(), m.value(), m.unit(), m.limit(), scenarios,
                m.limit() == null ? Measurement.Verdict.NO_LIMIT : Measurement.Verdict.NOT_JUDGED);
    }
}
