package io.wavebench.features.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.wavebench.fixtures.evidence.EvidenceFolder;
import io.wavebench.fixtures.evidence.Figure;
import io.wavebench.fixtures.evidence.JudgedFigures;
import io.wavebench.fixtures.scenario.ScenarioRig;
import java.io.IOException;
import java.util.List;

/**
 * After each scenario: its evidence is kept ({@link ScenarioRig#keepEvidence}: timing figures against the
 * rig file's limits, the sound on the air as WAV and spectrogram, the decoded MDB trace, the
 * optical and trust sides, the reader's identity, and for a scenario that did not pass what the
 * rig saw), linked from Cucumber's reports, not embedded; then the rig is taken down, whatever
 * the outcome. Last, a figure taken alone and over its limit fails the scenario (DESIGN §3:
 * figures that matter have limits), unless the run or the rig file says figures are only reported.
 */
public final class Hooks {

    private final ScenarioRig rig;
    /** How many scenarios ran at once while this one did: a timing figure is judged only when alone. */
    private final SideBySide sideBySide;

    public Hooks(ScenarioRig rig, SideBySide sideBySide) {
        this.rig = rig;
        this.sideBySide = sideBySide;
    }

    /** A scenario's evidence folder holds this run's files only: a report folder used again (mvn verify's) keeps none of an older run's. */
    @Before(order = 0)
    public void clearOldEvidence(Scenario scenario) throws IOException {
        EvidenceFolder.clear(nameOf(scenario));
    }

    @After
    public void keepEvidenceAndTakeDownTheRig(Scenario scenario) throws IOException {
        List<Figure> over = List.of();
        try {
            over = rig.keepEvidence(nameOf(scenario), scenario::attach, scenario.isFailed(), sideBySide.peak());
        } finally {
            rig.close();
        }
        // After the evidence is kept and the rig taken down: the scenario's verdict becomes FAIL, and the run's exit code with it.
        if (!over.isEmpty()) throw new AssertionError(JudgedFigures.failure(over));
    }

    static EvidenceFolder.ScenarioName nameOf(Scenario scenario) {
        return new EvidenceFolder.ScenarioName(scenario.getUri().toString(), scenario.getLine(), scenario.getName());
    }
}
