package io.wavebench.features.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * How many scenarios ran at once while this one ran, and the turn a {@code @timing} scenario
 * takes alone (DESIGN §3 "measurements with limits", §6 targets).
 *
 * <p>Timing figures — vend latency (≤ 300 ms), the reader's MDB response time (≤ 5 ms) — are
 * about the reader. Taken while three other scenarios share two cores, they are about the
 * sharing: on a loaded host the same reader measured 1.6 ms alone and 33 ms at four side by side.
 * So every figure records how many scenarios ran at once while it was taken, and {@link Hooks}
 * holds it against its limit only when that is one. Scenarios tagged {@code @timing} are there to
 * be measured: each waits until every other scenario of the run has finished and keeps the others
 * out until it is done, so its figures are always judged. The others share the machine as before.
 *
 * <p>A fair read/write lock does it: other scenarios hold the read side, a {@code @timing} one the
 * write side; once a {@code @timing} scenario waits, scenarios that start later queue behind it,
 * so it waits for at most the scenarios already running. Only this JVM's scenarios are counted:
 * other programs on the machine are not, which is why the run's facts state the load average.
 */
public final class SideBySide {

    static final String TIMING = "@timing";

    private static final ReentrantReadWriteLock TURNS = new ReentrantReadWriteLock(true);
    /** Guarded by itself. */
    private static final Set<SideBySide> RUNNING = new HashSet<>();

    private Lock turn;
    /** The most scenarios running at once (this one included) at any moment since this one began. Guarded by RUNNING. */
    private int peak;

    /** Order 1: after the capability check (order 0) and before anything assembles a rig. */
    @Before(order = 1)
    public void takeATurn(Scenario scenario) throws InterruptedException {
        Lock wanted = scenario.getSourceTagNames().contains(TIMING) ? TURNS.writeLock() : TURNS.readLock();
        wanted.lockInterruptibly();
        turn = wanted;
        synchronized (RUNNING) {
            RUNNING.add(this);
            int now = RUNNING.size();
            for (SideBySide s : RUNNING) s.peak = Math.max(s.peak, now);
        }
    }

    /** Order 0 of the After hooks runs last: after the evidence is kept and the rig taken down. */
    @After(order = 0)
    public void endTheTurn() {
        synchronized (RUNNING) {
            RUNNING.remove(this);
        }
        Lock held = turn;
        turn = null;
        if (held != null) held.unlock();
    }

    /** The most scenarios that ran at once, this one included, while this one ran (1: it ran alone). */
    public int peak() {
        synchronized (RUNNING) {
            return Math.max(1, peak);
        }
    }
}
