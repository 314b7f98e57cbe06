package io.wavebench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario with what the run left beside it: its evidence files, its measurements, what the rig
 * saw when it did not pass ({@value #RIG_SAW}), and its key in the history.
 */
record ScenarioView(ScenarioResult result, Evidence evidence, List<Measurement> measurements, String rigSaw, String historyKey) {

    /**
     * Written in a scenario's evidence folder only when it did not pass: a few short lines on what
     * the air, the reader and the bus showed at the end, so a failure says whose fault it is.
     */
    static final String RIG_SAW = "rig-saw.txt";

    static ScenarioView of(Path reportDir, ScenarioResult s) throws IOException {
        return of(reportDir, s, OutlineExamples.NONE);
    }

    static ScenarioView of(Path reportDir, ScenarioResult s, OutlineExamples outlines) throws IOException {
        Path folder = Evidence.folder(reportDir, s);
        Path rigSaw = folder.resolve(RIG_SAW);
        return new ScenarioView(s, Evidence.of(reportDir, s), MeasurementsFile.read(folder),
                Files.isRegularFile(rigSaw) ? Files.readString(rigSaw).strip() : null, outlines.historyKey(s));
    }

    /** The anchor of the scenario's section on its feature page. */
    String anchor() {
        return "s-" + result.slug();
    }

    /** The judged figures that failed their limits. */
    List<Measurement> failedFigures() {
        return measurements.stream().filter(m -> m.verdict() == Measurement.Verdict.FAIL).toList();
    }
}
