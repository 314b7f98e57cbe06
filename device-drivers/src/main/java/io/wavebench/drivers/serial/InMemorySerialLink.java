package io.wavebench.drivers.serial;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The in-memory backing of {@link SerialLink}: two ends of a null-modem cable inside one JVM, for
 * unit tests. It keeps the same contract as a real port (open before use, reads time out, a
 * closed or unplugged peer is an error with the port name) so code tested on it behaves the same
 * on a pty.
 */
public final class InMemorySerialLink implements SerialLink {

    private final String name;
    private final Pipe incoming;
    private final Pipe outgoing;
    private volatile boolean open;

    private InMemorySerialLink(String name, Pipe incoming, Pipe outgoing) {
        this.name = name;
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    /** Two linked ends: what one writes, the other reads. */
    public static InMemorySerialLink[] pair(String nameA, String nameB) {
        Pipe aToB = new Pipe();
        Pipe bToA = new Pipe();
        return new InMemorySerialLink[] {
            new InMemorySerialLink(nameA, bToA, aToB), new InMemorySerialLink(nameB, aToB, bToA)
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open(SerialSettings settings) {
        if (open) throw new SerialLinkException(name, "open() called on an open link", null);
        open = true;
        incoming.readerOpen = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] bytes) {
        requireOpen("write");
        outgoing.put(bytes);
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        requireOpen("read");
        return incoming.take(buffer, timeout, name, () -> open);
    }

    /** Simulates pulling the cable: both ends fail on their next read or write. */
    public void unplug() {
        incoming.broken = true;
        outgoing.broken = true;
        incoming.signalAll();
        outgoing.signalAll();
    }

    @Override
    public void close() {
        open = false;
        incoming.readerOpen = false;
        incoming.signalAll();
    }

    private void requireOpen(String operation) {
        if (!open) throw new SerialLinkException(name, operation + "() on a closed link", incoming.lastSeen());
        if (incoming.broken) throw new SerialLinkException(name, "device unplugged during " + operation + "()", incoming.lastSeen());
    }

    /** One direction of the cable: a growable byte queue with a condition for waiting readers. */
    private static final class Pipe {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private byte[] data = new byte[256];
        private int head;
        private int tail;
        private final LastBytes lastSeen = new LastBytes(); // guarded by lock
        volatile boolean readerOpen;
        volatile boolean broken;

        void put(byte[] bytes) {
            lock.lock();
            try {
                if (!readerOpen) return; // like a real line: bytes sent to a closed port are lost
                if (tail + bytes.length > data.length) {
                    int size = tail - head;
                    byte[] grown = size + bytes.length > data.length ? new byte[Math.max(data.length * 2, size + bytes.length)] : data;
                    System.arraycopy(data, head, grown, 0, size);
                    data = grown;
                    head = 0;
                    tail = size;
                }
                System.arraycopy(bytes, 0, data, tail, bytes.length);
                tail += bytes.length;
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }

        int take(byte[] buffer, Duration timeout, String name, BooleanSupplier stillOpen) {
            lock.lock();
            try {
                long nanos = timeout.toNanos();
                while (head == tail) {
                    if (broken) throw new SerialLinkException(name, "device unplugged while reading", lastSeen());
                    if (!stillOpen.getAsBoolean()) throw new SerialLinkException(name, "link closed while reading", lastSeen());
                    if (nanos <= 0) return 0;
                    nanos = arrived.awaitNanos(nanos);
                }
                int n = Math.min(buffer.length, tail - head);
                System.arraycopy(data, head, buffer, 0, n);
                head += n;
                lastSeen.add(buffer, 0, n);
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } finally {
                lock.unlock();
            }
        }

        byte[] lastSeen() {
            lock.lock();
            try {
                return lastSeen.bytes();
            } finally {
                lock.unlock();
            }
        }

        void signalAll() {
            lock.lock();
            try {
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "InMemorySerialLink[" + name + (open ? ", open" : ", closed") + "]";
    }

}
