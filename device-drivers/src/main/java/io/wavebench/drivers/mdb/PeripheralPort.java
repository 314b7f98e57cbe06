package io.wavebench.drivers.mdb;

import io.wavebench.drivers.mdb.MdbTrace.Checksum;
import io.wavebench.drivers.mdb.MdbTrace.Direction;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The peripheral's link layer (MDB 4.2 §2.2) at one bus address: assembles the VMC's command
 * blocks addressed to it, checks them, hands the decoded command to a {@link CommandHandler},
 * and sends the handler's answer — a plain ACK (00*) or a data block whose CHK carries the mode
 * bit. It knows blocks and handshakes, not what a cashless reader does.
 *
 * <ul>
 *   <li>Blocks start with a mode-bit address byte; blocks for other addresses are skipped.
 *   <li>A bad checksum is answered with NAK (FF*) and nothing is passed on; the VMC repeats.
 *   <li>After a data reply it waits for the VMC's ACK. RET makes it send the same data again, also
 *       a RET that comes after the wait, before the VMC's next block (the ACK it took may have been
 *       a corrupted RET).
 *       NAK or silence leave the reply pending: MDB 4.2 §2.2 (Example D) wants it repeated at the
 *       next POLL, so that POLL is answered with it without asking the handler. A late ACK that
 *       arrives between blocks still settles it. RESET drops it, and so does any other new
 *       command: a VMC that had not received the reply would have repeated its command or POLL,
 *       so moving on means it took the reply and only its ACK was lost.
 *   <li>A command identical to the last one it answered, with no block between, is the VMC
 *       retransmitting because our answer did not reach it (MDB 4.2 §2.2: silence for 5 ms is a
 *       NAK, and the VMC "may repeat the same command"). It gets the same answer again and is not
 *       passed to the handler: a VEND REQUEST whose ACK was lost must not start a second vend.
 *       POLL and RESET are exempt: a repeated POLL is answered afresh, a repeated RESET resets.
 *   <li>A block with the VMC's next block already waiting behind it is one we were too late for
 *       (MDB 4.2 §3.1: 5 ms; the VMC has sent again): it is dropped, neither answered nor acted on,
 *       so every answer on the line answers the block the VMC is waiting on. A reader stalled for
 *       several response timeouts answers the last POLL of the backlog once, not each of them.
 * </ul>
 *
 * <p>Named faults ({@link #inject(MdbFault)}) make it misbehave once on purpose, for tests of the
 * VMC side.
 *
 * <p>The peripheral must answer within 5 ms (MDB 4.2 §3.1): the loop does nothing but transport
 * I/O and the handler call, and records the trace after the answer is on the line. One thread
 * serves; {@link #stop()} may be called from any thread.
 */
public final class PeripheralPort {

    /** The application side: decides the answer to each command, without blocking. */
    @FunctionalInterface
    public interface CommandHandler {
        /** @return the response to send now, or empty for a plain ACK */
        Optional<CashlessResponse> onCommand(CashlessCommand command);
    }

    /** How long to wait for the VMC's ACK after a data reply (MDB: 5 ms; relaxed for CI). */
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofMillis(50);
    /** Between the bytes of one block (MDB 4.2 §3.1: 1 ms), relaxed for scheduling on a busy host. */
    public static final Duration DEFAULT_INTER_BYTE_TIMEOUT = Duration.ofMillis(20);
    private static final int MAX_RET = 3;

    private final MdbTransport transport;
    private final int address;
    private final MdbTrace trace;
    private final Duration ackTimeout;
    private final Duration interByteTimeout;
    private final byte[] block = new byte[MdbBlock.MAX_LENGTH];
    private final int[] blockWords = new int[MdbBlock.MAX_LENGTH];
    private int pushedBack = -1;
    private boolean inForeignBlock;
    private int[] pending; // an unacknowledged data reply, repeated at the next POLL
    private String pendingMeaning;
    private int[] lastDataReply; // the data reply last sent, until the VMC's next word: what a late RET asks for
    private String lastDataReplyMeaning;
    private long lastDataReplySent; // System.nanoTime when it went out
    // The poll loop allocates nothing per block: the last command is copied into a fixed array, and
    // the lone handshake words are constants (the transport and the trace copy what they keep).
    private static final int[] ACK_WORD = {MdbBlock.ACK | MdbTransport.MODE_BIT};
    private static final int[] NAK_WORD = {MdbBlock.NAK | MdbTransport.MODE_BIT};
    private final int[] lastCommand = new int[MdbBlock.MAX_LENGTH]; // the last good block addressed to us, CHK included
    private int lastCommandLength;
    private int[] lastAnswer; // what we sent for it: a lone ACK or a data block
    private String lastAnswerMeaning;
    private final Queue<MdbFault> faults = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;

    public PeripheralPort(MdbTransport transport, int address, MdbTrace trace) {
        this(transport, address, trace, DEFAULT_ACK_TIMEOUT, DEFAULT_INTER_BYTE_TIMEOUT);
    }

    public PeripheralPort(MdbTransport transport, int address, MdbTrace trace, Duration ackTimeout, Duration interByteTimeout) {
        if ((address & 0x07) != 0 || address < 0 || address > 0xF8) {
            throw new IllegalArgumentException("an MDB address has its lower three bits clear (MDB 4.2 §2.3): 0x" + Integer.toHexString(address));
        }
        this.transport = transport;
        this.address = address;
        this.trace = trace;
        this.ackTimeout = ackTimeout;
        this.interByteTimeout = interByteTimeout;
    }

    public MdbTrace trace() {
        return trace;
    }

    public String port() {
        return transport.name();
    }

    /**
     * Serves commands until {@link #stop()} or an interrupt. A link that closes or goes away ends
     * the loop with its {@code SerialLinkException}. A stopped port stays stopped (so a stop that
     * races the start of the loop is not lost).
     */
    public void serve(CommandHandler handler) {
        while (!stopped && !Thread.currentThread().isInterrupted()) serveOnce(handler, Duration.ofMillis(20));
    }

    /**
     * Misbehaves once at the next exchange the fault concerns: {@link MdbFault#NO_ACK} withholds
     * the ACK of the next command other than POLL (the command is still acted on);
     * {@link MdbFault#BAD_CHECKSUM} sends the next data reply with a wrong CHK (a RET gets the right
     * one); {@link MdbFault#SILENCE} ignores the next command addressed to it;
     * {@link MdbFault#OUT_OF_SEQUENCE} answers the next command other than POLL or RESET with
     * COMMAND OUT OF SEQUENCE without passing it on. Faults queue up in order.
     */
    public void inject(MdbFault fault) {
        faults.add(fault);
    }

    private boolean takeFault(MdbFault fault) {
        if (faults.peek() != fault) return false;
        return faults.remove(fault);
    }

    /** Ends {@link #serve} within one receive timeout (20 ms); for good. */
    public void stop() {
        stopped = true;
    }

    /**
     * Handles at most one block (or stray word) that arrives within {@code timeout}.
     *
     * @return false when nothing arrived
     */
    public boolean serveOnce(CommandHandler handler, Duration timeout) {
        int first = next(timeout);
        if (first < 0) return false;
        if (!MdbBlock.hasModeBit(first)) {
            // Between blocks only the VMC's handshake for our last reply can concern us; inside
            // another device's block a 00 is just data.
            if (pending != null && !inForeignBlock && (first & 0xFF) == MdbBlock.ACK) {
                trace.record(Direction.VMC_TO_READER, new int[] {first}, "ACK (late, settles " + pendingMeaning + ")", Checksum.NONE);
                pending = null;
            } else if (lastDataReply != null && !inForeignBlock && (first & 0xFF) == MdbBlock.RET
                    && System.nanoTime() - lastDataReplySent <= 2 * ackTimeout.toNanos()) {
                // MDB 4.2 §2.2: RET asks for the previous data again, also just after the handshake:
                // the ACK taken for that reply may have been a RET one corrupted byte turned into
                // 00, and the VMC, which never had the reply, asks again. Only as the first word
                // after the handshake and soon after the reply: an AA among the data words of a
                // block whose address byte was lost is no RET.
                int[] again = lastDataReply;
                lastDataReply = null;
                transport.send(again);
                trace.record(Direction.VMC_TO_READER, new int[] {first}, "RET (after the handshake)", Checksum.NONE);
                trace.record(Direction.READER_TO_VMC, again, lastDataReplyMeaning + " (retransmitted on RET)", Checksum.OK);
                pending = again;
                pendingMeaning = lastDataReplyMeaning;
                awaitHandshake(again);
            } else {
                lastDataReply = null; // any other word: a RET after it is not about that reply
            }
            return true;
        }
        lastDataReply = null; // the VMC's next block: a RET from now on is about its answer
        inForeignBlock = (first & 0xF8) != address;
        if (inForeignBlock) return true; // another device's block: its data bytes follow without mode bit and are skipped
        int n = assemble(first);
        if (n < 0) return true;
        int chk = blockWords[n - 1] & 0xFF;
        boolean checks = MdbBlock.checksum(block, 0, n - 1) == chk;
        if (nextBlockWaiting()) {
            // MDB 4.2 §2.2/§3.1: the VMC waits t-response for an answer, takes silence as a NAK and
            // sends again. A block already waiting behind this one means we are late and the VMC
            // gave up on it: an answer now would be read as the answer to that newer block (a late
            // copy of BEGIN SESSION taken for a VEND REQUEST's ACK, and the VMC's ACK of it for
            // ours). So it is neither answered nor acted on; the newer block (usually the same
            // command again) is.
            trace.record(Direction.VMC_TO_READER, blockWords, n, describe(n - 1) + " (too late to answer: the VMC's next block is waiting; dropped)",
                    checks ? Checksum.OK : Checksum.BAD);
            return true;
        }
        if (!checks) {
            transport.send(NAK_WORD);
            trace.record(Direction.VMC_TO_READER, blockWords, n, describe(n - 1), Checksum.BAD);
            trace.record(Direction.READER_TO_VMC, NAK_WORD, "NAK", Checksum.NONE);
            return true;
        }
        CashlessCommand command;
        try {
            command = CashlessCommand.decode(Arrays.copyOf(block, n - 1));
        } catch (MdbDecodeException e) {
            // An unknown command gets no answer; the VMC treats silence as NAK (MDB 4.2 §2.2).
            trace.record(Direction.VMC_TO_READER, blockWords, n, "undecodable: " + e.getMessage(), Checksum.OK);
            return true;
        }
        boolean poll = command instanceof CashlessCommand.Poll;
        boolean reset = command instanceof CashlessCommand.Reset;
        if (takeFault(MdbFault.SILENCE)) {
            trace.record(Direction.VMC_TO_READER, blockWords, n, command + " (fault SILENCE: not answered)", Checksum.OK);
            return true;
        }
        if (!poll && !reset && lastAnswer != null && Arrays.equals(lastCommand, 0, lastCommandLength, blockWords, 0, n)) {
            // MDB 4.2 §2.2: the VMC repeats a command whose answer it did not get; answer the same, act once.
            transport.send(lastAnswer);
            trace.record(Direction.VMC_TO_READER, blockWords, n, command + " (retransmitted by the VMC: answered again, not acted on)", Checksum.OK);
            trace.record(Direction.READER_TO_VMC, lastAnswer, lastAnswerMeaning + " (repeated)", lastAnswer.length > 1 ? Checksum.OK : Checksum.NONE);
            if (lastAnswer.length > 1) {
                pending = lastAnswer;
                pendingMeaning = lastAnswerMeaning;
                sentDataReply(lastAnswer, lastAnswerMeaning);
                awaitHandshake(lastAnswer);
            }
            return true;
        }
        System.arraycopy(blockWords, 0, lastCommand, 0, n);
        lastCommandLength = n;
        lastAnswer = null;
        if (!poll && pending != null) {
            // A new command: the VMC took our last reply and only its ACK was lost (or RESET drops it).
            if (!reset) trace.record(Direction.VMC_TO_READER, new int[0], "(new command: " + pendingMeaning + " taken as received)", Checksum.NONE);
            pending = null;
        }
        if (poll && pending != null) {
            int[] again = pending;
            transport.send(again);
            trace.record(Direction.VMC_TO_READER, blockWords, n, command.toString(), Checksum.OK);
            trace.record(Direction.READER_TO_VMC, again, pendingMeaning + " (repeated: not yet ACKed)", Checksum.OK);
            sentDataReply(again, pendingMeaning);
            awaitHandshake(again);
            return true;
        }
        Optional<CashlessResponse> response;
        if (!poll && !reset && takeFault(MdbFault.OUT_OF_SEQUENCE)) {
            response = Optional.of(new CashlessResponse.CommandOutOfSequence());
            trace.record(Direction.VMC_TO_READER, new int[0], "(fault OUT_OF_SEQUENCE: " + command + " not passed on)", Checksum.NONE);
        } else {
            response = handler.onCommand(command);
        }
        if (response.isEmpty()) {
            lastAnswer = ACK_WORD;
            lastAnswerMeaning = "ACK";
            if (!poll && takeFault(MdbFault.NO_ACK)) {
                trace.record(Direction.VMC_TO_READER, blockWords, n, command + " (fault NO_ACK: acted on, ACK withheld)", Checksum.OK);
                return true;
            }
            transport.send(ACK_WORD);
            trace.record(Direction.VMC_TO_READER, blockWords, n, command.toString(), Checksum.OK);
            trace.record(Direction.READER_TO_VMC, ACK_WORD, "ACK", Checksum.NONE);
            return true;
        }
        int[] words = MdbBlock.peripheralWords(response.get().encode());
        pending = words;
        pendingMeaning = response.get().toString();
        lastAnswer = words;
        lastAnswerMeaning = pendingMeaning;
        int[] sent = words;
        String note = "";
        if (takeFault(MdbFault.BAD_CHECKSUM)) {
            sent = MdbBlock.withWrongChecksum(words);
            note = " (fault BAD_CHECKSUM)";
        }
        transport.send(sent);
        trace.record(Direction.VMC_TO_READER, blockWords, n, command.toString(), Checksum.OK);
        trace.record(Direction.READER_TO_VMC, sent, pendingMeaning + note, note.isEmpty() ? Checksum.OK : Checksum.BAD);
        sentDataReply(words, pendingMeaning);
        awaitHandshake(words);
        return true;
    }

    /**
     * Reads the rest of a block that began with {@code first} into {@link #block} and {@link
     * #blockWords}, checksum last. MDB blocks carry no length, so the command tells it; for an
     * unknown command the block ends when the line goes quiet.
     *
     * @return the number of words including CHK, or -1 when the block broke off
     */
    private int assemble(int first) {
        block[0] = (byte) first;
        blockWords[0] = first;
        int n = 1;
        while (true) {
            int length = CashlessCommand.blockLength(block, n);
            if (length > 0 && n == length + 1) return n; // data plus CHK
            if (n == MdbBlock.MAX_LENGTH) return n;
            int w = next(interByteTimeout);
            if (w < 0) {
                if (length < 0 && n >= 2) return n; // unknown command: the quiet line ends it
                trace.record(Direction.VMC_TO_READER, blockWords, n, "incomplete block (line went quiet)", Checksum.NONE);
                return -1;
            }
            if (MdbBlock.hasModeBit(w)) { // a new address byte: the VMC gave up on this block
                pushedBack = w;
                trace.record(Direction.VMC_TO_READER, blockWords, n, "incomplete block (new block began)", Checksum.NONE);
                return -1;
            }
            block[n] = (byte) w;
            blockWords[n++] = w;
        }
    }

    private void sentDataReply(int[] words, String meaning) {
        lastDataReply = words;
        lastDataReplyMeaning = meaning;
        lastDataReplySent = System.nanoTime();
    }

    /**
     * Whether the VMC's next block has already begun (a mode-bit word is waiting): looked at without
     * waiting; a word that is there stays for the next read.
     */
    private boolean nextBlockWaiting() {
        int w = next(Duration.ZERO);
        if (w < 0) return false;
        pushedBack = w;
        return MdbBlock.hasModeBit(w);
    }

    /** After a data reply: ACK settles it, RET repeats it, NAK or silence leave it pending. */
    private void awaitHandshake(int[] words) {
        for (int rets = 0; rets <= MAX_RET; rets++) {
            int w = next(ackTimeout);
            if (w < 0) return;
            if (MdbBlock.hasModeBit(w)) { // the VMC moved on to a new block without ACKing
                pushedBack = w;
                return;
            }
            int code = w & 0xFF;
            if (code == MdbBlock.ACK) {
                pending = null;
                trace.record(Direction.VMC_TO_READER, new int[] {w}, "ACK", Checksum.NONE);
                return;
            }
            if (code != MdbBlock.RET) {
                trace.record(Direction.VMC_TO_READER, new int[] {w}, code == MdbBlock.NAK ? "NAK" : "unexpected word", Checksum.NONE);
                return;
            }
            transport.send(words);
            trace.record(Direction.VMC_TO_READER, new int[] {w}, "RET", Checksum.NONE);
            trace.record(Direction.READER_TO_VMC, words, pendingMeaning + " (retransmitted on RET)", Checksum.OK);
        }
    }

    private int next(Duration timeout) {
        if (pushedBack >= 0) {
            int w = pushedBack;
            pushedBack = -1;
            return w;
        }
        while (true) {
            try {
                return transport.receive(timeout);
            } catch (MdbFramingException e) { // the transport resynchronizes; note it and read on
                trace.record(Direction.VMC_TO_READER, new int[0], "framing error: " + e.getMessage(), Checksum.NONE);
            }
        }
    }

    private String describe(int length) {
        try {
            return CashlessCommand.decode(Arrays.copyOf(block, length)).toString();
        } catch (MdbDecodeException e) {
            return "undecodable: " + e.getMessage();
        }
    }

    @Override
    public String toString() {
        return "PeripheralPort[" + port() + ", address " + String.format("%02X", address) + "]";
    }
}
