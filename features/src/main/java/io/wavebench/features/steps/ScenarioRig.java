package io.wavebench.features.steps;

import io.wavebench.fixtures.rig.Rig;
import io.wavebench.fixtures.rig.RigAssembler;
import io.wavebench.fixtures.rig.RigFiles;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.simulators.phone.SimulatedPhone;

/**
 * The rig one scenario stands on, shared by its step classes through PicoContainer (a new one per
 * scenario). Assembled from the rig file named by {@code -Dwavebench.rig} (default: the simulated
 * rig) on first use; {@link Hooks} takes it down after the scenario.
 */
public final class ScenarioRig {

    private RigSession session;
    /** What the phone sounded last: the recording a replay attacker would hold. */
    private SimulatedPhone.Sounded lastSounded;
    /** System.nanoTime() when the last remembered sound had left the speaker (play() drains), or -1. */
    private long lastSoundEndedNanos = -1;

    public synchronized RigSession session() {
        if (session == null) {
            Rig rig = RigFiles.load(System.getProperty("wavebench.rig", RigFiles.DEFAULT));
            session = RigAssembler.assemble(rig, Long.getLong("wavebench.seed", 2026L));
        }
        return session;
    }

    synchronized boolean assembled() {
        return session != null;
    }

    void remember(SimulatedPhone.Sounded sounded) {
        lastSoundEndedNanos = System.nanoTime(); // called as play() returns: the sound has just ended
        lastSounded = sounded;
    }

    long lastSoundEndedNanos() {
        return lastSoundEndedNanos;
    }

    SimulatedPhone.Sounded lastSounded() {
        if (lastSounded == null) throw new IllegalStateException("no payment has been sounded in this scenario yet");
        return lastSounded;
    }

    synchronized void close() {
        if (session != null) session.close();
        session = null;
    }
}
