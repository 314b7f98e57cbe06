package io.wavebench.features.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.wavebench.drivers.audio.WavFile;
import io.wavebench.fixtures.evidence.AirRecorder;
import io.wavebench.fixtures.observe.Observations;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.reports.EvidenceNames;
import io.wavebench.reports.Measurement;
import io.wavebench.reports.MeasurementsFile;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.reports.Spectrogram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * After each scenario: its evidence (the sound on the air as WAV and spectrogram, the decoded MDB
 * trace) and its measurements (vend latency, DESIGN §6) go into the report folder and are attached
 * to the Cucumber report; then the rig is taken down, whatever the outcome. Each measurement says
 * how many scenarios ran at once while it was taken ({@link SideBySide}); only one taken alone is
 * held against its limit.
 */
public final class Hooks {

    /** DESIGN §6: end of sound → VEND APPROVED on the bus ≤ 300 ms on the simulated rig. */
    static final double VEND_LATENCY_LIMIT_MS = 300;
    /** MDB 4.2 §3.1: a peripheral answers within 5 ms. */
    static final double MDB_RESPONSE_LIMIT_MS = 5;

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
        Path dir = evidenceDir(scenario);
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) if (Files.isRegularFile(f)) Files.delete(f);
        }
    }

    @After
    public void keepEvidenceAndTakeDownTheRig(Scenario scenario) throws IOException {
        try {
            if (rig.assembled()) {
                keepEvidence(scenario, rig.session());
                measureVendLatency(scenario, rig.session(), sideBySide.peak());
                measureMdbResponseTime(scenario, rig.session(), sideBySide.peak());
                Path measurements = evidenceDir(scenario).resolve(MeasurementsFile.NAME);
                if (Files.exists(measurements)) {
                    scenario.attach(Files.readString(measurements), MeasurementsFile.MEDIA_TYPE, MeasurementsFile.NAME + " — measurements against limits");
                }
            }
        } finally {
            rig.close();
        }
    }

    private static void keepEvidence(Scenario scenario, RigSession session) throws IOException {
        Path dir = evidenceDir(scenario);
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
        CodeEvidence.keep(scenario, session, dir);
        session.vmcIfStarted().ifPresent(vmc -> {
            String trace = vmc.trace().toText();
            write(dir.resolve("mdb-trace.txt"), trace);
            scenario.attach(trace, "text/plain", "mdb-trace.txt — the MDB bus, decoded");
        });
        TrustEvidence.keep(scenario, session, dir);
    }

    /**
     * End of the last payment sound → the first VEND APPROVED after it, as the VMC saw it on the
     * bus: both on the rig's one clock (the bus log stamps each event as the VMC records it).
     */
    private void measureVendLatency(Scenario scenario, RigSession session, int atOnce) throws IOException {
        long soundEnded = rig.lastSoundEndedNanos();
        var bus = session.observations().machineIfWatched(Observations.MACHINE);
        if (soundEnded < 0 || bus.isEmpty()) return;
        var approved = bus.get().all().stream()
                .filter(s -> s.event().type() == VmcEvent.Type.VEND_APPROVED && s.atNanos() >= soundEnded).findFirst();
        if (approved.isEmpty()) return;
        double ms = (approved.get().atNanos() - soundEnded) / 1e6;
        Path dir = evidenceDir(scenario);
        MeasurementsFile.append(dir, Measurement.atMost("vend latency (end of sound → VEND APPROVED)", Math.round(ms * 10) / 10.0, "ms", VEND_LATENCY_LIMIT_MS).takenWith(atOnce));
    }

    /**
     * The reader's MDB response time as the VMC saw it (end of command → first word of the answer)
     * over the scenario's exchanges: the median against MDB 4.2's 5 ms (DESIGN §5.3), the maximum
     * noted. A scenario has a few dozen answers, too few for a p99 (its p99 is its maximum, which on
     * a loaded CI host is scheduling); the p99 target is measured by `wavebench sim timing`.
     */
    private static void measureMdbResponseTime(Scenario scenario, RigSession session, int atOnce) throws IOException {
        if (session.vmcIfStarted().isEmpty()) return;
        List<Long> micros = session.vmcIfStarted().get().trace().responseTimes().stream().map(d -> d.toNanos() / 1_000).sorted().toList();
        if (micros.isEmpty()) return;
        double median = micros.get((micros.size() - 1) / 2) / 1000.0;
        double max = micros.get(micros.size() - 1) / 1000.0;
        Path dir = evidenceDir(scenario);
        MeasurementsFile.append(dir, Measurement.atMost("MDB response time, median of " + micros.size() + " answers (VMC's view)", median, "ms", MDB_RESPONSE_LIMIT_MS).takenWith(atOnce));
        MeasurementsFile.append(dir, Measurement.noted("MDB response time, slowest answer", max, "ms").takenWith(atOnce));
    }

    private static Path evidenceDir(Scenario scenario) {
        return Path.of(System.getProperty("wavebench.report.dir", "target/wavebench-report"))
                .resolve("evidence").resolve(EvidenceNames.slug(scenario.getUri().toString(), scenario.getLine(), scenario.getName()));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
