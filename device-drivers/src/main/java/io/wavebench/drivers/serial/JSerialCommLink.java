package io.wavebench.drivers.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The jSerialComm backing of {@link SerialLink}: a real UART, a USB-serial adapter or a pty (for
 * example one end of a {@link VirtualSerialPair}), opened by path. Nothing is touched until
 * {@link #open(SerialSettings)} (DESIGN §3: a rig is assembled and checked before hardware opens).
 *
 * <p>Reading: a daemon thread blocks in jSerialComm's read and queues what arrives, so
 * {@link #read(byte[], Duration)} can wait with sub-millisecond precision. jSerialComm's own read
 * timeouts are termios VTIME, in tenths of a second, far too coarse for MDB's 5 ms response limit
 * (DESIGN §5.3).
 *
 * <p>Unplug: when the device goes away the tty is hung up and the blocked read fails; the reader
 * thread then closes the port once and every later read or write throws "device unplugged" with
 * the port name. jSerialComm's PORT_DISCONNECTED listener is deliberately not used: it fires in a
 * tight loop until the port is closed (DESIGN §7), and its event thread polls in 500 ms slices,
 * which would make every {@link #close()} wait up to half a second.
 *
 * <p>Writing blocks while the line cannot take more (on a {@link VirtualSerialPair} whose far end
 * nobody reads, after about 34 KiB), and a write either sends every byte or throws.
 *
 * <p>Raw mode: jSerialComm configures the line non-canonical with no CR/LF translation, no echo
 * and no XON/XOFF; we also disable flow control, so bytes 0x00..0xFF pass unchanged.
 */
public final class JSerialCommLink implements SerialLink {

    private static final int READ_CHUNK = 4096;
    /** Links open in this JVM by path: a second open of one port gets a clear message (DESIGN §7). */
    private static final Map<String, JSerialCommLink> OPEN_PORTS = new ConcurrentHashMap<>();

    private final String path;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final LastBytes lastSeen = new LastBytes(); // guarded by lock
    private byte[] queue = new byte[READ_CHUNK];
    private int head;
    private int tail;

    private enum State { NEW, OPEN, UNPLUGGED, CLOSED }

    private volatile State state = State.NEW;
    private volatile String unplugCause;
    private SerialPort port;
    private Thread reader;

    /** @param path the port's system path, e.g. /dev/ttyUSB0 or /dev/pts/3 */
    public JSerialCommLink(String path) {
        if (path == null || path.isBlank()) throw new IllegalArgumentException("serial port path is empty");
        this.path = path;
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public void open(SerialSettings settings) {
        if (state != State.NEW) {
            throw new SerialLinkException(path, "open() on a link that is " + describeState()
                    + "; make a new JSerialCommLink to reopen", lastSeen());
        }
        JSerialCommLink holder = OPEN_PORTS.putIfAbsent(path, this);
        if (holder != null) {
            throw new SerialLinkException(path, "cannot open: already open in this JVM by " + holder
                    + " (a port, pty included, can be opened only once)", null);
        }
        try {
            if (!Files.exists(Path.of(path))) {
                throw new SerialLinkException(path, "cannot open: no such port (unplugged, or a pty that was closed?)", null);
            }
            SerialPort p = SerialPort.getCommPort(path);
            p.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(settings), parity(settings));
            p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
            // Read semi-blocking with no timeout: VMIN=1, the reader thread sleeps in the kernel until a byte comes.
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 0, 0);
            if (!p.openPort()) {
                throw new SerialLinkException(path, "cannot open: " + whyOpenFailed(p.getLastErrorCode())
                        + " (jSerialComm openPort() errno " + p.getLastErrorCode() + " at native line "
                        + p.getLastErrorLocation() + ")", null);
            }
            port = p;
            state = State.OPEN;
            reader = new Thread(this::readLoop, "serial-rx " + path);
            reader.setDaemon(true);
            reader.start();
        } catch (RuntimeException e) {
            OPEN_PORTS.remove(path, this);
            throw e;
        }
    }

    @Override
    public boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public void write(byte[] bytes) {
        requireOpen("write");
        int written = 0;
        while (written < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - written, written);
            if (n <= 0) {
                requireOpen("write"); // an unplug detected meanwhile gets the clearer message
                throw new SerialLinkException(path, "write failed after " + written + " of " + bytes.length
                        + " bytes (errno " + port.getLastErrorCode() + ")", lastSeen());
            }
            written += n;
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (true) {
                requireOpen("read");
                if (head < tail) break;
                if (nanos <= 0) return 0;
                nanos = arrived.awaitNanos(nanos);
            }
            int n = Math.min(buffer.length, tail - head);
            System.arraycopy(queue, head, buffer, 0, n);
            head += n;
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** True once the device went away; the link stays unusable until a new one is opened. */
    public boolean isUnplugged() {
        return state == State.UNPLUGGED;
    }

    @Override
    public void close() {
        State was;
        lock.lock();
        try {
            was = state;
            if (was == State.CLOSED || was == State.NEW) {
                state = State.CLOSED;
                return;
            }
            state = State.CLOSED;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        if (was == State.OPEN) {
            // Wake the reader first (a switch to non-blocking wakes a blocked tty read) and let it
            // leave before the fd is closed, so it can never read a descriptor number reused by
            // someone else.
            port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
            joinReader();
            port.closePort();
        } else {
            joinReader(); // unplugged: the reader thread is closing the port; let it finish so a reopen finds it free
        }
        OPEN_PORTS.remove(path, this);
    }

    // ---- reader thread ------------------------------------------------------------------------

    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    private void readLoop() {
        byte[] chunk = new byte[READ_CHUNK];
        while (state == State.OPEN) {
            int n = port.readBytes(chunk, chunk.length);
            if (n > 0) {
                received(chunk, n);
            } else if (n < 0 && (port.getLastErrorCode() == EAGAIN || port.getLastErrorCode() == EINTR)) {
                // A spurious wake-up or a signal, not a hang-up: seen right after a pty opens in a
                // freshly started process. Read again (after a breath, in case it repeats).
                LockSupport.parkNanos(1_000_000);
            } else if (state == State.OPEN) {
                // VMIN=1 never returns 0 on a live line: 0, or -1 with any other errno (EIO), means the tty was hung up.
                deviceGone("read returned " + n + " (errno " + port.getLastErrorCode() + ")");
            }
        }
    }

    private void received(byte[] chunk, int n) {
        lock.lock();
        try {
            if (tail + n > queue.length) {
                int size = tail - head;
                byte[] target = size + n > queue.length ? new byte[Math.max(queue.length * 2, size + n)] : queue;
                System.arraycopy(queue, head, target, 0, size);
                queue = target;
                head = 0;
                tail = size;
            }
            System.arraycopy(chunk, 0, queue, tail, n);
            tail += n;
            lastSeen.add(chunk, 0, n);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the port once, on the first sign of the hang-up; later calls see UNPLUGGED. */
    private void deviceGone(String cause) {
        lock.lock();
        try {
            if (state != State.OPEN) return;
            unplugCause = cause;
            state = State.UNPLUGGED;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        port.closePort();
        OPEN_PORTS.remove(path, this);
    }

    private void joinReader() {
        if (reader == null || reader == Thread.currentThread()) return;
        try {
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void requireOpen(String operation) {
        switch (state) {
            case OPEN -> { }
            case UNPLUGGED -> throw new SerialLinkException(path, "device unplugged (" + unplugCause + "), during "
                    + operation + "()", lastSeen());
            default -> throw new SerialLinkException(path, operation + "() on a link that is " + describeState(), lastSeen());
        }
    }

    private String describeState() {
        return switch (state) {
            case NEW -> "not open yet";
            case OPEN -> "open";
            case UNPLUGGED -> "unplugged";
            case CLOSED -> "closed";
        };
    }

    private byte[] lastSeen() {
        lock.lock();
        try {
            return lastSeen.bytes();
        } finally {
            lock.unlock();
        }
    }

    /** jSerialComm reports 2 for "open in this process" and the errno of open()/flock() otherwise. */
    private static String whyOpenFailed(int errno) {
        return switch (errno) {
            case 2 -> "already open in this JVM, or no such port";
            case 11, 16 -> "busy: another process holds it (a port, pty included, can be opened only once)";
            case 13, 1 -> "permission denied (is the user in the dialout group?)";
            default -> "the OS refused";
        };
    }

    private static int stopBits(SerialSettings s) {
        return s.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int parity(SerialSettings s) {
        return switch (s.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    @Override
    public String toString() {
        return "JSerialCommLink[" + path + ", " + describeState() + "]";
    }
}
