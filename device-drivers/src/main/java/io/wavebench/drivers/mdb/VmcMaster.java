package io.wavebench.drivers.mdb;

import io.wavebench.drivers.mdb.MdbTrace.Checksum;
import io.wavebench.drivers.mdb.MdbTrace.Direction;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The bus master's link layer (MDB 4.2 §2.2) for one cashless device: sends a command block,
 * waits for the reply, checks it, acknowledges it, and repeats what went wrong. It knows blocks
 * and retries, not what a vending machine does with the answers.
 *
 * <ul>
 *   <li>A lone ACK (00*) is an empty reply; a lone NAK (FF*) or silence for the response timeout
 *       makes it send the command again.
 *   <li>A data reply with a good checksum is ACKed (00, mode bit clear: MDB 4.2 §2.5 draws the
 *       VMC's handshake without it) and decoded. A bad checksum is answered with RET (AA), which
 *       asks the peripheral to repeat the same data; silence after a RET with RET again (the
 *       peripheral may have read it as an ACK).
 *   <li>Each retransmission counts as an attempt; after the last one a {@link
 *       MdbNoResponseException} names the port, the command and the last words seen.
 *   <li>After an exchange that took more than one attempt, the next command waits until the line
 *       has been quiet for one response timeout: a peripheral that answered late may still be
 *       sending a copy of its reply, which would otherwise be read as the next command's answer.
 * </ul>
 *
 * <p>MDB allows 5 ms for a response (MDB 4.2 §3.1); a rig over USB adapters or a loaded CI
 * machine may need more, hence the parameter. Not thread-safe: one bus thread drives it.
 */
public final class VmcMaster {

    public static final int DEFAULT_ATTEMPTS = 3;
    private static final int LAST_WORDS = 12;
    /** A few late blocks' worth: a line that keeps talking longer is not waited out. */
    private static final int MAX_LATE_WORDS = 4 * MdbBlock.MAX_LENGTH;

    private final MdbTransport transport;
    private final MdbTrace trace;
    private final Duration responseTimeout;
    private final int maxAttempts;
    private final int address;
    private final int[] reply = new int[MdbBlock.MAX_LENGTH + 1];
    private final int[] lastWords = new int[LAST_WORDS];
    private long lastWordCount;
    private final Queue<MdbFault> faults = new ConcurrentLinkedQueue<>();
    private volatile boolean lastReplyUnacknowledged;
    /**
     * System.nanoTime until which the line must stay quiet before the next command, after an
     * exchange that took more than one attempt; 0 when there is none (see {@link #letLateRepliesGoBy}).
     */
    private long quietUntil;

    public VmcMaster(MdbTransport transport, MdbTrace trace, Duration responseTimeout) {
        this(transport, trace, responseTimeout, DEFAULT_ATTEMPTS, CashlessCommand.CASHLESS_1);
    }

    public VmcMaster(MdbTransport transport, MdbTrace trace, Duration responseTimeout, int maxAttempts, int address) {
        if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        this.transport = transport;
        this.trace = trace;
        this.responseTimeout = responseTimeout;
        this.maxAttempts = maxAttempts;
        this.address = address;
    }

    public MdbTrace trace() {
        return trace;
    }

    public String port() {
        return transport.name();
    }

    /**
     * Misbehaves once: {@link MdbFault#NO_ACK} takes the next good data reply without ACKing it
     * (the reader must repeat it at the next POLL); {@link MdbFault#BAD_CHECKSUM} sends the next
     * command with a wrong CHK (the reader must NAK it; the retransmission is correct). The other
     * faults concern what a VMC says, not its link layer: see the simulated VMC.
     */
    public void inject(MdbFault fault) {
        if (fault != MdbFault.NO_ACK && fault != MdbFault.BAD_CHECKSUM) {
            throw new IllegalArgumentException(port() + ": the VMC's link layer has no fault " + fault + "; only NO_ACK and BAD_CHECKSUM");
        }
        faults.add(fault);
    }

    /**
     * Whether the last exchange's data reply went unacknowledged ({@link MdbFault#NO_ACK}): the
     * peripheral still holds it and repeats it at the next POLL (MDB 4.2 §2.2).
     */
    public boolean lastReplyUnacknowledged() {
        return lastReplyUnacknowledged;
    }

    private boolean takeFault(MdbFault fault) {
        return faults.peek() == fault && faults.remove(fault);
    }

    /**
     * Sends {@code command} and returns the peripheral's responses: empty for a plain ACK, one or
     * more for a data reply (MDB 4.2 §7.3.1 lets a reply carry several).
     *
     * @throws MdbNoResponseException when no valid reply came within the attempts
     * @throws MdbDecodeException when the last attempt's reply checked but is not a cashless
     *     response, each time asked for again with RET and never ACKed (a peripheral bug, or a lost
     *     00 byte that MDB's additive checksum cannot see)
     */
    public List<CashlessResponse> transact(CashlessCommand command) {
        int[] commandWords = MdbBlock.vmcWords(command.encode(address));
        String meaning = command.toString();
        String problem = "none";
        boolean resendCommand = true;
        MdbDecodeException undecodable = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            undecodable = null; // only the last attempt's reply decides what is thrown
            long sentAt;
            if (resendCommand) {
                if (attempt == 1) letLateRepliesGoBy();
                drainStale();
                int[] out = commandWords;
                boolean corrupt = takeFault(MdbFault.BAD_CHECKSUM);
                if (corrupt) {
                    out = MdbBlock.withWrongChecksum(commandWords);
                }
                transport.send(out);
                sentAt = System.nanoTime(); // before tracing, so the trace's own cost is not in the response time
                trace.record(Direction.VMC_TO_READER, out, (attempt == 1 ? meaning : meaning + " (retransmission " + (attempt - 1) + ")")
                        + (corrupt ? " (fault BAD_CHECKSUM)" : ""), corrupt ? Checksum.BAD : Checksum.OK);
            } else {
                int[] ret = {MdbBlock.RET};
                transport.send(ret);
                sentAt = System.nanoTime();
                trace.record(Direction.VMC_TO_READER, ret, "RET", Checksum.NONE);
            }
            boolean askedWithRet = !resendCommand;
            resendCommand = true;
            int n;
            try {
                n = readReply(sentAt);
            } catch (MdbFramingException e) {
                problem = e.getMessage();
                trace.record(Direction.READER_TO_VMC, new int[0], "framing error: " + e.getMessage(), Checksum.NONE);
                continue;
            }
            if (n == 0) {
                problem = "no response within " + responseTimeout.toMillis() + " ms";
                trace.record(Direction.READER_TO_VMC, new int[0], "(no response to " + (askedWithRet ? "RET" : meaning) + ")", Checksum.NONE);
                // MDB 4.2 §2.2: silence after RET is asked about with RET again, not with the
                // command: one corrupted byte turns RET (AA) into ACK (00), and a peripheral that
                // read an ACK has dropped its reply; the command would be answered afresh and that
                // reply (a VEND APPROVED) lost, the VMC waiting for it and the reader for VEND SUCCESS.
                if (askedWithRet) resendCommand = false;
                continue;
            }
            if (!MdbBlock.hasModeBit(reply[n - 1])) {
                problem = "reply cut off after " + n + " word(s)";
                trace.record(Direction.READER_TO_VMC, reply, n, "incomplete block", Checksum.NONE);
                continue;
            }
            if (n == 1) {
                int w = reply[0] & 0xFF;
                if (w == MdbBlock.ACK) {
                    trace.record(Direction.READER_TO_VMC, reply, 1, "ACK", Checksum.NONE);
                    return List.of();
                }
                problem = w == MdbBlock.NAK ? "peripheral sent NAK" : "unexpected lone word " + MdbBlock.hex(reply, 1);
                trace.record(Direction.READER_TO_VMC, reply, 1, w == MdbBlock.NAK ? "NAK" : "unexpected word", Checksum.NONE);
                continue;
            }
            byte[] data = new byte[n - 1];
            for (int i = 0; i < n - 1; i++) data[i] = (byte) reply[i];
            if (MdbBlock.checksum(data) != (reply[n - 1] & 0xFF)) {
                problem = "bad checksum on " + MdbBlock.hex(reply, n);
                trace.record(Direction.READER_TO_VMC, reply, n, describe(data), Checksum.BAD);
                resendCommand = false; // MDB 4.2 §2.2: RET asks for the same data again
                continue;
            }
            List<CashlessResponse> responses;
            try {
                responses = CashlessResponse.decodeAll(data);
            } catch (MdbDecodeException e) {
                // MDB's checksum is a plain sum: a lost 00 byte leaves it right. A reply that checks
                // but does not parse is asked for again (RET), never ACKed: ACKing a VEND APPROVED
                // the VMC cannot read would let the reader book a sale that was never vended.
                undecodable = e;
                problem = "reply checks but does not decode: " + e.getMessage();
                trace.record(Direction.READER_TO_VMC, reply, n, "undecodable: " + e.getMessage(), Checksum.OK);
                resendCommand = false;
                continue;
            }
            int[] ack = {MdbBlock.ACK};
            boolean withhold = takeFault(MdbFault.NO_ACK);
            lastReplyUnacknowledged = withhold;
            if (!withhold) transport.send(ack);
            trace.record(Direction.READER_TO_VMC, reply, n, responses.size() == 1 ? responses.get(0).toString() : responses.toString(), Checksum.OK);
            if (withhold) trace.record(Direction.VMC_TO_READER, new int[0], "(fault NO_ACK: ACK withheld)", Checksum.NONE);
            else trace.record(Direction.VMC_TO_READER, ack, "ACK", Checksum.NONE);
            if (attempt > 1) expectLateReplies();
            return responses;
        }
        expectLateReplies();
        if (undecodable != null) throw undecodable;
        throw new MdbNoResponseException(port(), meaning, maxAttempts, problem, lastWordsHex());
    }

    /**
     * An exchange that took more than one attempt may have answers still on their way: a
     * peripheral that answered the first attempt late (MDB 4.2 §3.1) also answers the
     * retransmission, repeating a reply whose ACK it had not yet seen (§2.2). Such a copy, arriving
     * after the next command went out, would be read as that command's answer: a late VEND
     * APPROVED taken for VEND SUCCESS's ACK, a late BEGIN SESSION for VEND REQUEST's.
     */
    private void expectLateReplies() {
        quietUntil = System.nanoTime() + responseTimeout.toNanos();
    }

    /**
     * Before a new command after {@link #expectLateReplies}: waits until the line has been quiet
     * for one response timeout, discarding what arrives (each word restarts the wait, so a late
     * block goes whole), for at most {@value #MAX_LATE_WORDS} words.
     */
    private void letLateRepliesGoBy() {
        long until = quietUntil;
        quietUntil = 0;
        if (until == 0) return;
        for (int words = 0; words < MAX_LATE_WORDS; words++) {
            long left = until - System.nanoTime();
            if (left <= 0) return;
            int w = receiveQuietly(Duration.ofNanos(left));
            if (w < 0) return;
            remember(w);
            trace.record(Direction.READER_TO_VMC, new int[] {w}, "late word discarded (an answer to an earlier attempt)", Checksum.NONE);
            until = System.nanoTime() + responseTimeout.toNanos();
        }
    }

    /** Reads one reply block into {@link #reply}; returns its word count, 0 for silence. */
    private int readReply(long sentAt) {
        int first = transport.receive(responseTimeout);
        if (first < 0) return 0;
        trace.recordResponseTime(Duration.ofNanos(System.nanoTime() - sentAt));
        remember(first);
        reply[0] = first;
        int n = 1;
        // A peripheral ends its block with the mode bit (MDB 4.2 §2.2); the inter-byte limit is
        // 1 ms on the bus, relaxed here to the response timeout like the first word.
        while (!MdbBlock.hasModeBit(reply[n - 1]) && n < MdbBlock.MAX_LENGTH) {
            int w = transport.receive(responseTimeout);
            if (w < 0) break;
            remember(w);
            reply[n++] = w;
        }
        return n;
    }

    /** Words left over from an earlier, late reply would be misread as this command's answer. */
    private void drainStale() {
        int w;
        while ((w = receiveQuietly()) >= 0) {
            remember(w);
            trace.record(Direction.READER_TO_VMC, new int[] {w}, "stale word discarded", Checksum.NONE);
        }
    }

    private int receiveQuietly() {
        return receiveQuietly(Duration.ZERO);
    }

    private int receiveQuietly(Duration timeout) {
        while (true) {
            try {
                return transport.receive(timeout);
            } catch (MdbFramingException e) { // the transport dropped the bad byte; keep draining
                trace.record(Direction.READER_TO_VMC, new int[0], "framing error: " + e.getMessage(), Checksum.NONE);
            }
        }
    }

    private static String describe(byte[] data) {
        try {
            List<CashlessResponse> all = CashlessResponse.decodeAll(data);
            return all.size() == 1 ? all.get(0).toString() : all.toString();
        } catch (MdbDecodeException e) {
            return "undecodable: " + e.getMessage();
        }
    }

    private void remember(int word) {
        lastWords[(int) (lastWordCount++ % LAST_WORDS)] = word;
    }

    private String lastWordsHex() {
        int n = (int) Math.min(lastWordCount, LAST_WORDS);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = lastWords[(int) ((lastWordCount - n + i) % LAST_WORDS)];
        return MdbBlock.hex(out);
    }

    @Override
    public String toString() {
        return "VmcMaster[" + port() + ", address " + String.format("%02X", address) + "]";
    }
}
