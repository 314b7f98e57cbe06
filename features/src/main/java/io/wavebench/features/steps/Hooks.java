package io.wavebench.features.steps;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.wavebench.drivers.audio.WavFile;
import io.wavebench.fixtures.evidence.AirRecorder;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.reports.EvidenceNames;
import io.wavebench.reports.Spectrogram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * After each scenario: its evidence (the sound on the air as WAV and spectrogram, the decoded MDB
 * trace) goes into the report folder and is attached to the Cucumber report; then the rig is
 * taken down, whatever the outcome.
 */
public final class Hooks {

    private final ScenarioRig rig;

    public Hooks(ScenarioRig rig) {
        this.rig = rig;
    }

    @After
    public void keepEvidenceAndTakeDownTheRig(Scenario scenario) throws IOException {
        try {
            if (rig.assembled()) keepEvidence(scenario, rig.session());
        } finally {
            rig.close();
        }
    }

    private static void keepEvidence(Scenario scenario, RigSession session) throws IOException {
        Path dir = Path.of(System.getProperty("wavebench.report.dir", "target/wavebench-report"))
                .resolve("evidence").resolve(EvidenceNames.slug(scenario.getUri().toString(), scenario.getLine(), scenario.getName()));
        Files.createDirectories(dir);
        AirRecorder air = session.air();
        if (air != null) {
            float[] samples = air.samples();
            Path wav = dir.resolve("air.wav");
            WavFile.write(wav, samples, (int) air.sampleRate());
            scenario.attach(Files.readAllBytes(wav), "audio/wav", "air.wav — the sound on the air");
            byte[] png = Spectrogram.png(samples, air.sampleRate(), scenario.getName());
            Files.write(dir.resolve("air.png"), png);
            scenario.attach(png, "image/png", "air.png — spectrogram of the sound on the air");
        }
        session.airDescription().ifPresent(channel -> {
            write(dir.resolve("air-channel.txt"), channel + System.lineSeparator());
            scenario.attach(channel, "text/plain", "air-channel.txt — what the air did (DESIGN §4 channel model)");
        });
        session.vmcIfStarted().ifPresent(vmc -> {
            String trace = vmc.trace().toText();
            write(dir.resolve("mdb-trace.txt"), trace);
            scenario.attach(trace, "text/plain", "mdb-trace.txt — the MDB bus, decoded");
        });
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
