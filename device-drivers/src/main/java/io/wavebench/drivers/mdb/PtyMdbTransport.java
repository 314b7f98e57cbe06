package io.wavebench.drivers.mdb;

import io.wavebench.drivers.serial.SerialLink;
import io.wavebench.drivers.serial.SerialSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * MDB bus words over a line that cannot carry parity: a pty, or the in-memory link in tests
 * (DESIGN §5.3). Linux drops parity on ptys silently, so each 9-bit word travels as two bytes:
 * {@code 0x01} or {@code 0x00} for the mode bit, then the data byte. Any other first byte is a
 * framing error: {@link #receive} throws an {@link MdbFramingException} naming the port, the bad
 * byte and the last bytes seen, drops that byte, and the next call resynchronizes on the byte
 * after it.
 *
 * <p>A mode byte whose data byte does not follow within {@link #INTER_BYTE_LIMIT} is dropped the
 * same way. Without that, one lost byte could leave the stream misaligned for good: ACKs
 * ({@code 01 00}) read one byte off are {@code 00 01} pairs, valid words that never resynchronize.
 * Each bus word is written in one piece, so its two bytes never straddle a pause.
 *
 * <p>Real UARTs carry the mode bit in MARK/SPACE parity instead; that is the other backing of
 * {@link MdbTransport}, {@link ParityMdbTransport} (DESIGN §5.3: jSerialComm alone cannot tell
 * which received byte had the mode bit, so it needs a line that reports parity errors).
 *
 * <p>Ownership: the transport owns its link; {@link #open()} opens it with 9600 8N1 if the rig
 * has not, {@link #close()} closes it. One thread receives; sends may come from any thread.
 */
public final class PtyMdbTransport implements MdbTransport {

    static final int MODE_SET = 0x01;
    static final int MODE_CLEAR = 0x00;
    private static final int LAST_SEEN = 16;
    /** MDB 4.2 §3.1 allows 1 ms between bytes; relaxed for a busy host. A word's two bytes come together. */
    static final Duration INTER_BYTE_LIMIT = Duration.ofMillis(5);

    private final SerialLink link;
    private final byte[] scratch = new byte[128];
    private byte[] buffer = new byte[512];
    private int head;
    private int tail;
    private final byte[] lastSeen = new byte[LAST_SEEN];
    private long lastSeenCount;
    private long loneSince = -1; // when a mode byte began waiting alone for its data byte

    public PtyMdbTransport(SerialLink link) {
        this.link = link;
    }

    @Override
    public String name() {
        return link.name();
    }

    @Override
    public void open() {
        if (!link.isOpen()) link.open(SerialSettings.MDB_PTY);
    }

    @Override
    public void send(int... words) {
        byte[] out = new byte[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            int w = words[i];
            if (w < 0 || w > 0x1FF) throw new IllegalArgumentException(name() + ": not a 9-bit MDB word: 0x" + Integer.toHexString(w));
            out[2 * i] = (byte) ((w & MODE_BIT) != 0 ? MODE_SET : MODE_CLEAR);
            out[2 * i + 1] = (byte) w;
        }
        link.write(out); // one write: a block's bytes leave together, well inside the 1 ms inter-byte limit
    }

    @Override
    public int receive(Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            if (tail - head >= 1) {
                int mode = buffer[head] & 0xFF;
                if (mode != MODE_SET && mode != MODE_CLEAR) {
                    head++; // drop it: the next byte is tried as a mode byte (resynchronization)
                    throw new MdbFramingException(name() + ": framing error: expected mode byte 00 or 01, got "
                            + String.format("%02X", mode) + "; dropped it to resynchronize (last bytes seen: " + lastSeenHex() + ")");
                }
                if (tail - head >= 2) {
                    int word = (mode == MODE_SET ? MODE_BIT : 0) | (buffer[head + 1] & 0xFF);
                    head += 2;
                    loneSince = -1;
                    return word;
                }
                long now = System.nanoTime();
                if (loneSince < 0) loneSince = now;
                long lonely = now - loneSince;
                if (lonely >= INTER_BYTE_LIMIT.toNanos()) {
                    head++;
                    loneSince = -1;
                    throw new MdbFramingException(name() + ": framing error: mode byte " + String.format("%02X", mode) + " with no data byte within "
                            + INTER_BYTE_LIMIT.toMillis() + " ms; dropped it to resynchronize (last bytes seen: " + lastSeenHex() + ")");
                }
                long remaining = deadline - now;
                // Wait for the data byte, but not past the inter-byte limit: then the check above drops it.
                long wait = Math.min(Math.max(0, remaining), INTER_BYTE_LIMIT.toNanos() - lonely);
                if (!fill(Duration.ofNanos(wait)) && remaining <= 0) return -1;
                continue;
            }
            long remaining = deadline - System.nanoTime();
            if (!fill(Duration.ofNanos(Math.max(0, remaining))) && remaining <= 0) return -1;
        }
    }

    /** Reads what the link has into the buffer; false when nothing came within {@code timeout}. */
    private boolean fill(Duration timeout) {
        if (buffer.length - tail < scratch.length) { // make room without allocating on the hot path
            int unread = tail - head;
            if (unread + scratch.length > buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
            System.arraycopy(buffer, head, buffer, 0, unread);
            head = 0;
            tail = unread;
        }
        int n = link.read(scratch, timeout);
        if (n <= 0) return false;
        System.arraycopy(scratch, 0, buffer, tail, n);
        tail += n;
        for (int i = 0; i < n; i++) lastSeen[(int) (lastSeenCount++ % LAST_SEEN)] = scratch[i];
        return true;
    }

    private String lastSeenHex() {
        int n = (int) Math.min(lastSeenCount, LAST_SEEN);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = lastSeen[(int) ((lastSeenCount - n + i) % LAST_SEEN)];
        return n == 0 ? "none" : HexFormat.ofDelimiter(" ").withUpperCase().formatHex(out);
    }

    @Override
    public void close() {
        link.close();
    }

    @Override
    public String toString() {
        return "PtyMdbTransport[" + name() + "]";
    }
}
