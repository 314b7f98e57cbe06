package io.wavebench.simulators.reader;

import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * The reader's way to the backend (DESIGN §1: an intermittent network): one {@link BackendClient}
 * on the URL it was given, and a sync every {@code syncEvery} while it is reachable — the journal
 * up and the revocations down (DESIGN §5.6), and whatever reports the kiosk function has queued.
 * While the backend cannot be reached the reader is quietly offline: one {@code OFFLINE} line in
 * its log, then one {@code ONLINE} when a sync goes through again; nothing else changes, the
 * offline rules carry on. Parts that reach the backend between syncs (a barcode, a card, a
 * ticket) use {@link #client()} and report what they found through {@link #reached}.
 */
final class Uplink implements AutoCloseable {

    /** One part's share of a sync; throws what the backend answered. */
    @FunctionalInterface
    interface Task {
        void sync(BackendClient backend);
    }

    private final String readerId;
    private final BackendClient client;
    private final Duration every;
    private final Clock clock;
    private final ReaderLog log;
    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;
    /** Null until the first attempt: the first outcome is logged either way. */
    private Boolean online;

    Uplink(String readerId, BackendClient client, Duration every, Clock clock, ReaderLog log) {
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("reader " + readerId + ": sync every must be positive, got " + every);
        this.readerId = readerId;
        this.client = client;
        this.every = every;
        this.clock = clock;
        this.log = log;
    }

    BackendClient client() {
        return client;
    }

    Duration every() {
        return every;
    }

    /** Adds a part's share to every sync, in the order added. */
    void onSync(Task task) {
        tasks.add(task);
    }

    synchronized void start() {
        if (thread != null) return;
        running = true;
        thread = new Thread(this::loop, "reader-" + readerId + "-uplink");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            syncNow();
            LockSupport.parkNanos(every.toNanos());
        }
    }

    /**
     * One sync: every part's share in turn, stopping at the first that finds the backend
     * unreachable (the others would too). Also what {@code sync} on the reader process's console does.
     *
     * @return whether the backend was reached
     */
    boolean syncNow() {
        for (Task task : tasks) {
            if (!running && thread != null) return false;
            try {
                task.sync(client);
            } catch (BackendException e) {
                if (e.error() == BackendError.BACKEND_UNREACHABLE) {
                    reached(false, e.getMessage());
                    return false;
                }
                // Reached, and refused: said once per sync, the next sync tries again.
                log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.SYNC_FAILED, e.error() + ": " + e.getMessage(), null));
            }
        }
        reached(true, client.toString());
        return true;
    }

    /** What a part found when it reached (or could not reach) the backend: a change is logged once. */
    void reached(boolean now, String detail) {
        synchronized (this) {
            if (online != null && online == now) return;
            online = now;
        }
        log.add(new ReaderEvent(clock.instant(), now ? ReaderEvent.Kind.ONLINE : ReaderEvent.Kind.OFFLINE, detail, null));
    }

    /** Whether the last attempt reached the backend. */
    synchronized boolean online() {
        return Boolean.TRUE.equals(online);
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t == null) return;
        LockSupport.unpark(t);
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
