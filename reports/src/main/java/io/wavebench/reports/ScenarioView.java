package io.wavebench.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A scenario with what the run left beside it: its evidence files and its measurements. */
record ScenarioView(ScenarioResult result, Evidence evidence, List<Measurement> measurements) {

    static ScenarioView of(Path reportDir, ScenarioResult s) throws IOException {
        return new ScenarioView(s, Evidence.of(reportDir, s), MeasurementsFile.read(Evidence.folder(reportDir, s)));
    }

    /** The anchor of the scenario's section on its feature page. */
    String anchor() {
        return "s-" + result.slug();
    }
}
