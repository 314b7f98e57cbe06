package io.wavebench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a scenario's measurements.json as a run would (the report itself only reads them). */
final class WrittenMeasurements {

    private WrittenMeasurements() {}

    static void append(Path evidenceDir, Measurement m) throws IOException {
        List<Measurement> all = new ArrayList<>(MeasurementsFile.read(evidenceDir));
        all.add(m);
        Files.createDirectories(evidenceDir);
        Files.writeString(evidenceDir.resolve(MeasurementsFile.NAME), MeasurementsFile.toJson(all));
    }
}
