package io.wavebench.drivers.audio;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Test helper: reads an {@link AudioIn} on its own thread until the capture is closed, keeping
 * everything heard. Waits use the monitor with a deadline and say what was seen on timeout.
 */
final class Recorder implements AutoCloseable {

    private final AudioIn in;
    private final Thread thread;
    private float[] heard = new float[48_000];
    private int size;
    private boolean ended;
    private RuntimeException failure;

    Recorder(AudioIn in) {
        this.in = in;
        this.thread = new Thread(this::run, "recorder " + in.mixerName());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        float[] buffer = new float[1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) append(buffer, n);
        } catch (RuntimeException e) {
            synchronized (this) {
                failure = e;
            }
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    private synchronized void append(float[] buffer, int n) {
        if (size + n > heard.length) heard = Arrays.copyOf(heard, Math.max(heard.length * 2, size + n));
        System.arraycopy(buffer, 0, heard, size, n);
        size += n;
        notifyAll();
    }

    synchronized float[] heard() {
        return Arrays.copyOf(heard, size);
    }

    /**
     * Waits until what was heard satisfies {@code condition}; fails naming {@code what}. The
     * condition runs outside the lock, so the capture thread keeps reading meanwhile: with a short
     * line buffer a capture held up while a long recording is searched would overrun.
     */
    float[] await(String what, Duration timeout, Predicate<float[]> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            float[] now;
            int seen;
            synchronized (this) {
                now = Arrays.copyOf(heard, size);
                seen = size;
            }
            if (condition.test(now)) return now;
            synchronized (this) {
                if (failure != null) throw new AssertionError("recorder failed while awaiting " + what, failure);
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new AssertionError("timed out after " + timeout.toMillis() + " ms awaiting " + what + " on "
                        + in.mixerName() + (ended ? " (capture ended)" : "") + "; heard " + size + " samples, last: "
                        + Arrays.toString(Arrays.copyOfRange(heard, Math.max(0, size - 8), size)));
                }
                if (size == seen) {
                    try {
                        wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        throw new AssertionError("interrupted awaiting " + what, e);
                    }
                }
            }
        }
    }

    float[] awaitSamples(int count, Duration timeout) {
        return await(count + " samples", timeout, h -> h.length >= count);
    }

    /** Waits until {@code signal} appears intact; returns the offset where it starts. */
    int awaitSignal(float[] signal, Duration timeout) {
        float[] heardNow = await("the played signal (" + signal.length + " samples) intact", timeout,
            h -> Signals.indexOf(h, signal) >= 0);
        return Signals.indexOf(heardNow, signal);
    }

    /** Closes the capture and waits for the reading thread to see -1. */
    boolean closeAndJoin(Duration timeout) throws InterruptedException {
        in.close();
        thread.join(timeout.toMillis());
        return !thread.isAlive();
    }

    boolean ended() {
        return !thread.isAlive();
    }

    @Override
    public void close() {
        in.close();
    }
}
