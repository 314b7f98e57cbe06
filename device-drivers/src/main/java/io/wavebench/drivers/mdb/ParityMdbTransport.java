package io.wavebench.drivers.mdb;

import io.wavebench.drivers.serial.SerialSettings.Parity;
import java.time.Duration;

/**
 * MDB bus words on a real UART (DESIGN §5.3), the mode bit carried as the parity bit: 9600 baud,
 * 8 data bits, MARK parity for a byte with the mode bit (8M1), SPACE without (8S1).
 *
 * <p><b>Sending</b> switches the parity per run of bytes with the same mode bit and waits for each
 * run to leave the UART first ({@link ParityLine#writeAndDrain}): a VMC block is one MARK byte and
 * a SPACE run, a peripheral block a SPACE run and one MARK byte (the CHK).
 *
 * <p><b>Receiving</b> is at 8N1: the mode bit falls where the stop bit is expected, so the data
 * byte arrives intact but its mode bit is lost (a mode bit of 0 is a framing error the kernel lets
 * through when parity checking is off). jSerialComm cannot do better: with parity on it sets
 * {@code INPCK|IGNPAR}, so bytes of the other parity are silently dropped, and it has no
 * {@code PARMRK}. The mode bit is therefore restored from MDB's framing (MDB 4.2 §2.2), using that
 * bytes of one block follow each other within 1 ms:
 * <ul>
 *   <li>{@link Role#VMC} (hears peripherals, whose last byte carries the mode bit): a byte with no
 *       other byte after it within {@link #gap()} gets the mode bit;
 *   <li>{@link Role#PERIPHERAL} (hears the VMC, whose first byte carries it): the first byte after
 *       a silence of at least {@link #gap()}, or after we transmitted, gets the mode bit, except
 *       the VMC's handshakes: 00 (ACK; also the VMC's own address, so never a block's start), and
 *       AA (RET) or FF (NAK) right after our answer, or alone after a silence (every VMC command
 *       block has at least two bytes).
 * </ul>
 * This is good enough to drive a real device from a bench PC whose adapter honours MDB's
 * inter-byte limit (set the adapter's latency timer low); an adapter that carries the ninth bit
 * itself is exact. See the README's bench section.
 */
public final class ParityMdbTransport implements MdbTransport {

    /** Which side of the bus this transport is: it decides which byte of a block has the mode bit. */
    public enum Role { VMC, PERIPHERAL }

    /** Three character times at 9600 baud (≈1.15 ms each): longer than MDB's 1 ms inter-byte limit. */
    public static final Duration DEFAULT_GAP = Duration.ofMillis(3);

    private final ParityLine line;
    private final Role role;
    private final Duration gap;
    private final byte[] scratch = new byte[64];
    private final byte[] raw = new byte[256];
    private int head;
    private int tail;
    private boolean headAfterSilence = true; // the first byte ever comes after silence
    private boolean headAfterSend; // the head byte is the first one after our own transmission
    private boolean boundary; // a VMC handshake byte was just taken: whatever comes next starts a block
    private long lastByteNanos;
    private boolean sentSinceLastByte;

    public ParityMdbTransport(ParityLine line, Role role) {
        this(line, role, DEFAULT_GAP);
    }

    public ParityMdbTransport(ParityLine line, Role role, Duration gap) {
        this.line = line;
        this.role = role;
        this.gap = gap;
    }

    public Duration gap() {
        return gap;
    }

    @Override
    public String name() {
        return line.name();
    }

    @Override
    public void open() {
        line.open();
        line.parity(Parity.NONE);
    }

    @Override
    public void send(int... words) {
        int i = 0;
        while (i < words.length) {
            boolean mode = checkWord(words[i]);
            int j = i;
            while (j < words.length && checkWord(words[j]) == mode) j++;
            byte[] run = new byte[j - i];
            for (int k = i; k < j; k++) run[k - i] = (byte) words[k];
            line.parity(mode ? Parity.MARK : Parity.SPACE);
            line.writeAndDrain(run);
            i = j;
        }
        line.parity(Parity.NONE); // listen at 8N1: both kinds of byte get through
        sentSinceLastByte = true; // half duplex: what comes next begins a new block (or is a handshake)
    }

    private boolean checkWord(int w) {
        if (w < 0 || w > 0x1FF) throw new IllegalArgumentException(name() + ": not a 9-bit MDB word: 0x" + Integer.toHexString(w));
        return (w & MODE_BIT) != 0;
    }

    @Override
    public int receive(Duration timeout) {
        if (head == tail && !fill(timeout)) return -1;
        int b = raw[head] & 0xFF;
        boolean afterSilence = headAfterSilence;
        boundary = false;
        boolean mode;
        if (role == Role.VMC) {
            mode = !(tail - head > 1 || fill(gap)); // the last byte before a pause ends the peripheral's block
        } else if (!afterSilence) {
            mode = false; // inside a block: decided at once, so the reader's 5 ms budget is not spent here
        } else if (b == MdbBlock.ACK) {
            mode = false; // 00 is the VMC's own address: never the start of a block, so the VMC's ACK
        } else if (b == MdbBlock.RET || b == MdbBlock.NAK) {
            // Right after our answer it is the VMC's RET or NAK; otherwise it may address 0xA8 or 0xF8.
            mode = !headAfterSend && (tail - head > 1 || fill(gap));
        } else {
            mode = true;
        }
        head++;
        // A handshake is a block of its own: the VMC may send its next command right after it.
        boolean handshake = role == Role.PERIPHERAL && afterSilence && !mode && (b == MdbBlock.ACK || b == MdbBlock.RET || b == MdbBlock.NAK);
        headAfterSilence = handshake; // for a next byte already buffered
        boundary = handshake; // for one still to come
        headAfterSend = false;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
        return mode ? MODE_BIT | b : b;
    }

    /** Reads what the line has; marks whether the first new byte came after a silence of {@link #gap}. */
    private boolean fill(Duration timeout) {
        boolean empty = head == tail;
        if (tail + scratch.length > raw.length) {
            System.arraycopy(raw, head, raw, 0, tail - head);
            tail -= head;
            head = 0;
        }
        int n = line.read(scratch, timeout);
        if (n <= 0) return false;
        long now = System.nanoTime();
        if (empty) {
            headAfterSilence = boundary || sentSinceLastByte || lastByteNanos == 0 || now - lastByteNanos >= gap.toNanos();
            boundary = false;
            headAfterSend = sentSinceLastByte;
        }
        sentSinceLastByte = false;
        lastByteNanos = now;
        System.arraycopy(scratch, 0, raw, tail, n);
        tail += n;
        return true;
    }

    @Override
    public void close() {
        line.close();
    }

    @Override
    public String toString() {
        return "ParityMdbTransport[" + name() + ", " + role + "]";
    }
}
