package io.wavebench.features.steps;

import io.wavebench.drivers.audio.AudioLinkException;
import io.wavebench.drivers.serial.SerialLinkException;
import io.wavebench.fixtures.evidence.Sounding;
import io.wavebench.fixtures.observe.RigClock;
import io.wavebench.fixtures.rig.RigAssembler;
import io.wavebench.fixtures.rig.RigFileException;
import io.wavebench.fixtures.rig.RigLanes;
import io.wavebench.fixtures.rig.RigPreflight;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.fixtures.rig.RigUnavailableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.wavebench.simulators.phone.SimulatedPhone;
import io.wavebench.simulators.reader.SimulatedReader;

/**
 * The rig one scenario stands on, shared by its step classes through PicoContainer (a new one per
 * scenario). Assembled from the rig file named by {@code -Dwavebench.rig} (default: the simulated
 * rig) on first use; {@link Hooks} takes it down after the scenario.
 *
 * <p>Before assembling, the rig's preflight (run once per JVM) must have passed, and assembling
 * must not fail on a port or a mixer: either makes the scenario INFRA-ERROR, not FAIL (DESIGN §3).
 * Scenarios running side by side each take a lane of the rig ({@link RigLanes}): its own loopback
 * mixers on the simulated rig; on a rig with real devices there is one lane, so they take turns.
 */
public final class ScenarioRig {

    private static final Map<String, RigLanes> LANES = new ConcurrentHashMap<>();

    private RigSession session;
    private RigLanes.Lane lane;
    /** What the phone sounded last: the recording a replay attacker would hold. */
    private SimulatedPhone.Sounded lastSounded;
    /** On the rig's clock, when the last sound any step played had left the speaker (play() drains), or -1. */
    private volatile long lastSoundEndedNanos = -1;
    /** Every sound a step played in this scenario, oldest first: what the air carried, for the evidence of what the rig saw. */
    private final java.util.List<Sounding> soundings = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The modem profile a scenario asked for before the rig was assembled, or null for the rig file's. */
    private String modemProfile;

    /**
     * Puts phone and reader on a modem profile for this scenario: before anything assembles the
     * rig. The simulated reader can be set to any profile; a real reader listens for the one its
     * rig file states, so asking it for another ABORTS the scenario (DESIGN §3: a capability the
     * rig lacks), rather than failing a reader that was never set up for it.
     */
    synchronized void useModemProfile(String profile) {
        if (session != null) throw new IllegalStateException("the modem profile is chosen before the rig is assembled: put this step first");
        io.wavebench.drivers.modem.ModemProfile.fromCliName(profile); // an unknown name fails here, with the known ones
        var rig = RigOutcomes.rig();
        // A reader the rig does not assemble listens for what it was set up with, which its rig file states.
        var listens = io.wavebench.fixtures.process.ReaderCommand.profiles(rig);
        if (rig.roles().reader().backing().isBlackBox() && listens.stream().noneMatch(profile::equalsIgnoreCase)) {
            org.junit.jupiter.api.Assumptions.abort("ABORTED: needs a reader listening for the '" + profile + "' profile; the reader of rig '"
                    + rig.name() + "' listens for " + listens + " (roles.reader.profiles, else acoustic.profile)");
        }
        modemProfile = profile;
    }

    public synchronized RigSession session() {
        if (session == null) {
            String location = RigOutcomes.rigLocation();
            RigPreflight.Report preflight = RigPreflight.once(location, RigOutcomes.rig());
            if (!preflight.ok()) throw new RigUnavailableException(preflight.failuresLine());
            var gone = RigPreflight.missingPorts(RigOutcomes.rig());
            if (!gone.isEmpty()) throw new RigUnavailableException("rig '" + RigOutcomes.rig().name() + "': port " + String.join(", ", gone) + " has gone since the preflight (adapter unplugged?)");
            lane = LANES.computeIfAbsent(location, RigLanes::new).acquire();
            try {
                var laneRig = modemProfile == null ? lane.rig() : lane.rig().withModemProfile(modemProfile);
                session = RigAssembler.assemble(laneRig, Long.getLong("wavebench.seed", 2026L));
            } catch (SerialLinkException | AudioLinkException | RigFileException e) {
                String which = "rig '" + lane.rig().name() + "' (" + location + ", lane " + lane.number() + ")";
                lane.close();
                lane = null;
                throw new RigUnavailableException(which + " could not be assembled: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                lane.close();
                lane = null;
                throw e;
            }
        }
        return session;
    }

    /**
     * The simulated reader's insides, for {@code @needs:reader-internals} steps (telling it to
     * misbehave on the bus); a real reader has none to give. No assertion reads them: a {@code Then}
     * observes the reader from outside ({@link Cursors}).
     */
    SimulatedReader readerInternals() {
        RigSession session = session();
        return session.readerInternals().orElseThrow(() -> new IllegalStateException("needs:reader-internals: the reader of rig '"
                + session.rig().name() + "' is real hardware; its insides cannot be read or told what to do"));
    }

    synchronized boolean assembled() {
        return session != null;
    }

    /** A token the phone sounded: the recording a replay attacker would hold. Call as play() returns. */
    void remember(SimulatedPhone.Sounded sounded) {
        lastSounded = sounded;
        sounded(sounded.samples().length);
    }

    java.util.List<Sounding> soundings() {
        return java.util.List.copyOf(soundings);
    }

    /**
     * Any sound a step played (a token, a forgery, a recording) has just left the speaker: the
     * reader's time to answer it counts from here ({@link Cursors#readerAnswerTime()}).
     */
    void soundEnded() {
        sounded(-1);
    }

    /** A sound of this many samples (-1: not known here, e.g. a recording or a forgery) has just left the speaker. */
    private void sounded(int samples) {
        lastSoundEndedNanos = RigClock.nanos();
        var acoustic = session == null ? null : session.rig().acoustic();
        if (acoustic != null) soundings.add(new Sounding(acoustic.profile(), samples < 0 ? Double.NaN : samples / (double) acoustic.sampleRateOrDefault(), lastSoundEndedNanos));
    }

    long lastSoundEndedNanos() {
        return lastSoundEndedNanos;
    }

    SimulatedPhone.Sounded lastSounded() {
        if (lastSounded == null) throw new IllegalStateException("no payment has been sounded in this scenario yet");
        return lastSounded;
    }

    synchronized void close() {
        try {
            if (session != null) session.close();
        } finally {
            session = null;
            if (lane != null) lane.close();
            lane = null;
        }
    }
}
