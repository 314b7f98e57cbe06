package io.wavebench.drivers.serial;

import com.sun.jna.Memory;
import io.wavebench.drivers.serial.PosixPty.PollSet;
import io.wavebench.drivers.serial.PosixPty.Pty;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-process null-modem cable between two real ttys, so CI needs neither a serial port nor
 * socat (DESIGN §1, nightly CI). Two ptys are opened with {@code openpty}; a relay thread copies
 * what arrives on master A to master B and back. {@link #pathA()} and {@link #pathB()} are
 * ordinary /dev/pts/N paths that this JVM or another process opens with jSerialComm by path (ptys
 * are not listed by {@code getCommPorts()}, DESIGN §7).
 *
 * <p>The pair keeps its own descriptor of each slave open for its whole life. Without it, a
 * master whose slave nobody holds reports POLLHUP/EIO on every poll, and the relay would spin
 * between one user closing the port and the next opening it.
 *
 * <p>A pty cannot carry parity or a ninth bit (Linux drops it silently), so MDB over a pair uses
 * the two-byte framing of DESIGN §5.3. Baud rate is ignored: bytes move as fast as the relay.
 *
 * <p>Flow control: unlike a real line, the cable never loses bytes. When the far end is not read,
 * the ptys' buffers and the relay's fill up (about 34 KiB) and then the writer blocks until the far
 * end reads or the pair is closed or unplugged.
 *
 * <p>Every open pair is listed by {@link #openPairs()} so {@code wavebench devices} can show
 * virtual ports next to real ones.
 */
public final class VirtualSerialPair implements AutoCloseable {

    /** One side of the cable. */
    public enum End { A, B }

    private static final List<VirtualSerialPair> OPEN = new CopyOnWriteArrayList<>();
    private static final int CHUNK = 16 * 1024;
    private static final long UNPLUG_WAIT_SECONDS = 5;

    private final String label;
    private final Pty[] ptys;
    /** Masters as the relay sees them; -1 once that end is unplugged. Touched only by the relay thread. */
    private final int[] masters;
    private final int[] wake;
    private final Thread relay;
    private final CountDownLatch[] unplugged = {new CountDownLatch(1), new CountDownLatch(1)};
    private final boolean[] unplugRequested = new boolean[2];
    private volatile boolean closing;
    private volatile Throwable relayFailure;

    private VirtualSerialPair(String label, Pty a, Pty b, int[] wake) {
        this.label = label;
        this.ptys = new Pty[] {a, b};
        this.masters = new int[] {a.master(), b.master()};
        this.wake = wake;
        this.relay = new Thread(this::relayLoop, "vserial-relay " + label);
        relay.setDaemon(true);
    }

    /** Opens a pair labelled with its two paths. */
    public static VirtualSerialPair open() {
        return open(null);
    }

    /**
     * Opens a pair of raw ptys joined by a relay.
     *
     * @param label what the pair is for (e.g. "mdb"), shown by {@code wavebench devices}; null for none
     * @throws SerialLinkException when the OS will not give out ptys
     */
    public static VirtualSerialPair open(String label) {
        Pty a = null;
        Pty b = null;
        int[] wake = null;
        try {
            a = PosixPty.openRaw();
            b = PosixPty.openRaw();
            wake = PosixPty.pipe();
            PosixPty.setNonBlocking(wake[0]);
            VirtualSerialPair pair = new VirtualSerialPair(
                    label != null ? label : a.slavePath() + "<->" + b.slavePath(), a, b, wake);
            pair.relay.start();
            OPEN.add(pair);
            return pair;
        } catch (RuntimeException | Error e) {
            for (Pty pty : new Pty[] {a, b}) {
                if (pty != null) {
                    PosixPty.closeQuietly(pty.master());
                    PosixPty.closeQuietly(pty.slave());
                }
            }
            if (wake != null) {
                PosixPty.closeQuietly(wake[0]);
                PosixPty.closeQuietly(wake[1]);
            }
            throw new SerialLinkException("virtual serial pair", "openpty failed: " + e.getMessage(), null, e);
        }
    }

    /** Pairs opened in this JVM and not yet closed, oldest first. */
    public static List<VirtualSerialPair> openPairs() {
        return List.copyOf(OPEN);
    }

    public String label() {
        return label;
    }

    /** The tty at end A, e.g. /dev/pts/3. */
    public String pathA() {
        return ptys[0].slavePath();
    }

    /** The tty at end B. */
    public String pathB() {
        return ptys[1].slavePath();
    }

    public String path(End end) {
        return ptys[end.ordinal()].slavePath();
    }

    /**
     * Pulls the cable out of one end, like unplugging a USB-serial adapter: the relay stops and
     * that end's pty is hung up, so whoever holds {@link #path(End)} open gets a hang-up (read
     * fails, write fails with EIO) and a {@link JSerialCommLink} on it reports "device unplugged".
     * The other end sees only silence, as a device on a cut cable would. Cannot be undone: open a
     * new pair to plug back in. Returns once the hang-up has happened.
     */
    public void unplug(End end) {
        if (closing) throw new SerialLinkException(path(end), "unplug() on a closed virtual pair", null);
        synchronized (unplugRequested) {
            unplugRequested[end.ordinal()] = true;
        }
        poke();
        try {
            if (!unplugged[end.ordinal()].await(UNPLUG_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SerialLinkException(path(end), "relay did not hang up within " + UNPLUG_WAIT_SECONDS
                        + " s (relay " + (relay.isAlive() ? "alive" : "dead: " + relayFailure) + ")", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the relay and closes every descriptor; users of the paths then see a hang-up. */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        OPEN.remove(this);
        poke();
        try {
            relay.join(TimeUnit.SECONDS.toMillis(UNPLUG_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Only now, with the relay gone, can no fd be reused under its poll.
        for (int i = 0; i < 2; i++) {
            if (unplugged[i].getCount() > 0) {
                PosixPty.closeQuietly(ptys[i].master());
                PosixPty.closeQuietly(ptys[i].slave());
            }
        }
        PosixPty.closeQuietly(wake[0]);
        PosixPty.closeQuietly(wake[1]);
    }

    private void poke() {
        Memory one = new Memory(1);
        one.setByte(0, (byte) 1);
        PosixPty.write(wake[1], one, 1); // EAGAIN means a wake-up is already pending: fine
    }

    // ---- relay thread -------------------------------------------------------------------------

    /** Bytes read from one master and not yet written to the other. */
    private static final class Direction {
        final int from;
        final int to;
        final Memory buffer = new Memory(CHUNK);
        int offset;
        int length;

        Direction(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    private void relayLoop() {
        Direction[] directions = {new Direction(0, 1), new Direction(1, 0)};
        PollSet set = new PollSet(3);
        Memory drain = new Memory(64);
        try {
            while (!closing) {
                short[] events = new short[2];
                for (Direction d : directions) {
                    if (d.length == 0 && masters[d.from] >= 0) events[d.from] |= PosixPty.POLLIN;
                    if (d.length > 0 && masters[d.to] >= 0) events[d.to] |= PosixPty.POLLOUT;
                }
                set.set(0, masters[0], events[0]);
                set.set(1, masters[1], events[1]);
                set.set(2, wake[0], PosixPty.POLLIN);
                PosixPty.poll(set, -1);
                if (set.revents(2) != 0) {
                    while (PosixPty.read(wake[0], drain, 64) > 0) {
                        // drained; the flags say why we were woken
                    }
                    if (closing) return;
                    hangUpRequestedEnds();
                }
                for (int end = 0; end < 2; end++) {
                    short revents = set.revents(end);
                    // POLLHUP/ERR without data should not happen while we hold the slave; if it does,
                    // treat it as an unplug rather than poll the same dead fd forever (the EIO loop).
                    if ((revents & (PosixPty.POLLHUP | PosixPty.POLLERR | PosixPty.POLLNVAL)) != 0
                            && (revents & PosixPty.POLLIN) == 0) {
                        hangUp(end);
                    }
                }
                for (Direction d : directions) pump(d);
            }
        } catch (Throwable t) {
            relayFailure = t;
        }
    }

    /** Reads what is waiting on the source master (non-blocking), then writes what the peer takes. */
    private void pump(Direction d) {
        if (d.length == 0 && masters[d.from] >= 0) {
            int n = PosixPty.read(masters[d.from], d.buffer, CHUNK);
            if (n > 0) {
                d.offset = 0;
                d.length = n;
            } else if (n != -PosixPty.EAGAIN) {
                hangUp(d.from); // EOF or EIO on a master: that end is gone
            }
        }
        if (d.length > 0) {
            if (masters[d.to] < 0) {
                d.length = 0; // the far end is unplugged: bytes fall on the floor, as on a cut cable
                return;
            }
            int n = PosixPty.write(masters[d.to], d.buffer.share(d.offset), d.length);
            if (n > 0) {
                d.offset += n;
                d.length -= n;
            } else if (n != -PosixPty.EAGAIN) {
                hangUp(d.to);
                d.length = 0;
            }
        }
    }

    private void hangUpRequestedEnds() {
        for (int end = 0; end < 2; end++) {
            boolean requested;
            synchronized (unplugRequested) {
                requested = unplugRequested[end];
            }
            if (requested) hangUp(end);
        }
    }

    /** Closing the master hangs up the slave: its holders read EOF/EIO and see POLLHUP. */
    private void hangUp(int end) {
        if (masters[end] < 0) return;
        masters[end] = -1;
        PosixPty.closeQuietly(ptys[end].master());
        PosixPty.closeQuietly(ptys[end].slave());
        unplugged[end].countDown();
    }

    @Override
    public String toString() {
        return "VirtualSerialPair[" + label + ": " + pathA() + " <-> " + pathB() + (closing ? ", closed" : "") + "]";
    }
}
