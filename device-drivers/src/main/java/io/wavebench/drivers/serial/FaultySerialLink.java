package io.wavebench.drivers.serial;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting decorator any {@link SerialLink} can wear (DESIGN §3): it corrupts and drops
 * bytes at stated rates, delays writes, and can be unplugged and plugged back in. Faults hit the
 * bytes this end writes and the bytes it reads, so one decorated end disturbs both directions of
 * the cable, as noise on the line would. All rates are per byte and drawn from one seeded
 * {@link Random}: the same seed and the same traffic give the same faults.
 *
 * <ul>
 *   <li><b>corrupt</b>: the byte is XORed with a random non-zero value (EMI on the line);
 *   <li><b>drop</b>: the byte never arrives (a UART overrun, a glitch eaten as a break);
 *   <li><b>delay</b>: each write is held back that long (a USB adapter's latency timer);
 *   <li><b>unplug/replug</b>: while unplugged, reads and writes fail naming the port, like a pulled
 *       USB adapter; whatever arrived meanwhile is lost; replug makes the link usable again.
 * </ul>
 *
 * <p>The settings may change while the link is in use (a scenario turns noise on mid-session).
 * Thread-safe as the inner link is: one reader, writers from any thread.
 */
public final class FaultySerialLink implements SerialLink {

    private final SerialLink inner;
    private final Random random;
    private volatile double corruptRate;
    private volatile double dropRate;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean unplugged;
    private final AtomicLong bytesSeen = new AtomicLong();
    private final AtomicLong bytesCorrupted = new AtomicLong();
    private final AtomicLong bytesDropped = new AtomicLong();
    private final LastBytes lastSeen = new LastBytes(); // guarded by this

    /** What the faults did so far. */
    public record Counts(long bytes, long corrupted, long dropped) {
        @Override
        public String toString() {
            return bytes + " bytes, " + corrupted + " corrupted, " + dropped + " dropped";
        }
    }

    public FaultySerialLink(SerialLink inner, long seed) {
        this.inner = inner;
        this.random = new Random(seed);
    }

    /** Corrupts each byte with probability {@code rate} (0..1). */
    public FaultySerialLink corrupt(double rate) {
        corruptRate = requireRate("corrupt", rate);
        return this;
    }

    /** Drops each byte with probability {@code rate} (0..1). */
    public FaultySerialLink drop(double rate) {
        dropRate = requireRate("drop", rate);
        return this;
    }

    /** Holds each write back by {@code delay} before it goes on the line. */
    public FaultySerialLink delay(Duration delay) {
        if (delay.isNegative()) throw new IllegalArgumentException(name() + ": delay must not be negative: " + delay);
        this.delay = delay;
        return this;
    }

    /** No more corruption, drops or delay (an unplugged link stays unplugged). */
    public FaultySerialLink clean() {
        corruptRate = 0;
        dropRate = 0;
        delay = Duration.ZERO;
        return this;
    }

    /** Pulls the plug: reads and writes fail until {@link #replug()}. */
    public void unplug() {
        unplugged = true;
    }

    /** Plugs back in; bytes that arrived while unplugged are discarded, as a fresh port would not have them. */
    public void replug() {
        if (!unplugged) return;
        byte[] scratch = new byte[256];
        while (inner.isOpen() && inner.read(scratch, Duration.ZERO) > 0) {
            // discarded
        }
        unplugged = false;
    }

    public boolean isUnplugged() {
        return unplugged;
    }

    public Counts counts() {
        return new Counts(bytesSeen.get(), bytesCorrupted.get(), bytesDropped.get());
    }

    /** The link under the faults. */
    public SerialLink inner() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void open(SerialSettings settings) {
        inner.open(settings);
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void write(byte[] bytes) {
        requirePlugged("write");
        Duration d = delay;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        double c = corruptRate;
        double dr = dropRate;
        if (c == 0 && dr == 0) {
            // No faults to inject: count the bytes and hand the caller's array on, uncopied.
            bytesSeen.addAndGet(bytes.length);
            if (bytes.length > 0) inner.write(bytes);
            return;
        }
        byte[] out = bytes.clone();
        int n = disturb(out, out.length, c, dr);
        if (n > 0) inner.write(n == out.length ? out : Arrays.copyOf(out, n));
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            requirePlugged("read");
            int n = inner.read(buffer, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (n == 0) return 0;
            if (unplugged) continue; // arrived while the plug was out: lost
            n = disturb(buffer, n, corruptRate, dropRate);
            remember(buffer, n);
            if (n > 0 || System.nanoTime() >= deadline) return n;
        }
    }

    /** Corrupts and drops in place at rates {@code c} and {@code d}; returns how many bytes are left. */
    private int disturb(byte[] data, int length, double c, double d) {
        bytesSeen.addAndGet(length);
        if (c == 0 && d == 0) return length;
        int kept = 0;
        synchronized (random) {
            for (int i = 0; i < length; i++) {
                byte b = data[i];
                if (d > 0 && random.nextDouble() < d) {
                    bytesDropped.incrementAndGet();
                    continue;
                }
                if (c > 0 && random.nextDouble() < c) {
                    b ^= (byte) (1 + random.nextInt(255));
                    bytesCorrupted.incrementAndGet();
                }
                data[kept++] = b;
            }
        }
        return kept;
    }

    private void requirePlugged(String operation) {
        if (unplugged) throw new SerialLinkException(name(), "device unplugged (fault injected), during " + operation + "()", lastSeen());
    }

    private synchronized void remember(byte[] data, int n) {
        lastSeen.add(data, 0, n);
    }

    private synchronized byte[] lastSeen() {
        return lastSeen.bytes();
    }

    @Override
    public void close() {
        inner.close();
    }

    private double requireRate(String what, double rate) {
        if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException(name() + ": " + what + " rate must be 0..1: " + rate);
        return rate;
    }

    @Override
    public String toString() {
        return "FaultySerialLink[" + inner + ", corrupt " + corruptRate + ", drop " + dropRate + ", delay " + delay.toMillis() + " ms"
                + (unplugged ? ", unplugged" : "") + "]";
    }
}
