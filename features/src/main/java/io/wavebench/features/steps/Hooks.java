package io.wavebench.features.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.wavebench.drivers.audio.WavFile;
import io.wavebench.fixtures.evidence.AirRecorder;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.reports.Measurement;
import io.wavebench.reports.MeasurementsFile;
import io.wavebench.reports.Spectrogram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * After each scenario: its timing figures are measured against the rig file's limits
 * ({@link JudgedFigures}), its evidence (the sound on the air as WAV and spectrogram, the decoded
 * MDB trace, the optical and trust sides) goes into the report folder ({@link EvidenceFolder}:
 * linked from Cucumber's reports, not embedded), the reader's identity is kept once per report
 * ({@link ReaderIdentity}), and for a scenario that did not pass what the rig saw ({@link RigSaw});
 * then the rig is taken down, whatever the outcome. Last, a figure taken alone and over its
 * limit fails the scenario (DESIGN §3: figures that matter have limits), unless the run or the
 * rig file says figures are only reported.
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
        Path dir = EvidenceFolder.dirOf(scenario);
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) if (Files.isRegularFile(f)) Files.delete(f);
        }
    }

    @After
    public void keepEvidenceAndTakeDownTheRig(Scenario scenario) throws IOException {
        List<Measurement> over = List.of();
        try {
            if (rig.assembled()) {
                RigSession session = rig.session();
                List<Measurement> figures = JudgedFigures.measure(session, session.rig().figures().limits(), rig.lastSoundEndedNanos(), sideBySide.peak());
                boolean gate = JudgedFigures.gate(session.rig());
                over = gate ? JudgedFigures.overTheirLimits(figures) : List.of();
                EvidenceFolder evidence = EvidenceFolder.of(scenario, scenario.isFailed() || !over.isEmpty());
                keepEvidence(evidence, session);
                for (Measurement m : figures) MeasurementsFile.append(evidence.dir(), m);
                Path measurements = evidence.dir().resolve(MeasurementsFile.NAME);
                if (Files.exists(measurements)) {
                    scenario.attach(Files.readString(measurements), MeasurementsFile.MEDIA_TYPE, MeasurementsFile.NAME + " — measurements against limits");
                }
                if (scenario.isFailed() || !over.isEmpty()) {
                    evidence.text(RigSaw.NAME, RigSaw.of(session, rig.soundings()), "what the rig saw at the end: the air, the reader, the bus");
                }
                ReaderIdentity.seenBy(session, evidence.slug()).ifPresent(identity -> {
                    try {
                        ReaderIdentity.keepOnce(EvidenceFolder.reportDir(), identity);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("the reader's identity could not be kept in " + EvidenceFolder.reportDir().resolve(ReaderIdentity.NAME), e);
                    }
                });
            }
        } finally {
            rig.close();
        }
        // After the evidence is kept and the rig taken down: the scenario's verdict becomes FAIL, and the run's exit code with it.
        if (!over.isEmpty()) throw new AssertionError(JudgedFigures.failure(over));
    }

    /**
     * The evidence every scenario keeps (text, spectrogram, printed tickets) and what only one that
     * did not pass keeps, unless the run asked for all: the sound on the air and camera frames.
     */
    private static void keepEvidence(EvidenceFolder evidence, RigSession session) {
        List<String> notKept = new java.util.ArrayList<>();
        AirRecorder air = session.air();
        if (air != null) {
            float[] samples = air.samples();
            evidence.file("air.png", Spectrogram.png(samples, air.sampleRate(), evidence.scenarioName()), "spectrogram of the sound on the air");
            if (evidence.keepsEverything()) {
                try {
                    WavFile.write(evidence.dir().resolve("air.wav"), samples, (int) air.sampleRate());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("evidence " + evidence.dir().resolve("air.wav") + " could not be written", e);
                }
                evidence.link("air.wav", "the sound on the air");
            } else {
                notKept.add("air.wav (the sound on the air)");
            }
        }
        session.airDescription().ifPresent(channel ->
                evidence.text("air-channel.txt", channel + System.lineSeparator(), "what the air did (DESIGN §4 channel model)"));
        CodeEvidence.keep(evidence, session, notKept);
        session.vmcIfStarted().ifPresent(vmc -> evidence.text("mdb-trace.txt", vmc.trace().toText(), "the MDB bus, decoded"));
        TrustEvidence.keep(evidence, session);
        evidence.noteWhatWasNotKept(notKept);
    }
}
