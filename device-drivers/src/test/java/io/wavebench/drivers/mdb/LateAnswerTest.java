package io.wavebench.drivers.mdb;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.serial.InMemorySerialLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A peripheral that answers late (MDB 4.2 §3.1: 5 ms): the VMC has taken its silence as a NAK and
 * sent again (§2.2), so blocks it gave up on wait in the reader's input. Each answer on the line
 * must answer the block the VMC is waiting on: a second copy of a reply is read by the VMC as the
 * answer to its next command (the MDB soak's stuck sessions: a late BEGIN SESSION taken for a VEND
 * REQUEST's ACK, or for the answer to the POLL that carried VEND APPROVED, whose ACK the reader
 * then took for its own).
 *
 * <p>The reader is stepped with {@link PeripheralPort#serveOnce} on the test thread after the
 * VMC's blocks are queued, so the stall is exact and nothing depends on scheduling.
 */
class LateAnswerTest {

    private static final Duration WAIT = Duration.ofMillis(200);
    private static final int ACK_STAR = MdbBlock.ACK | MdbTransport.MODE_BIT;
    private static final CashlessResponse BEGIN_SESSION = new CashlessResponse.BeginSession(10000);
    private static final CashlessResponse VEND_APPROVED = new CashlessResponse.VendApproved(150);

    private final List<CashlessCommand> handled = new CopyOnWriteArrayList<>();
    private final MdbTrace readerTrace = new MdbTrace();
    private PtyMdbTransport vmcSide;
    private PtyMdbTransport readerSide;
    private PeripheralPort port;
    /** What the reader has for the next POLLs, in order: a cashless reader's outbox. */
    private final List<CashlessResponse> outbox = new ArrayList<>();

    @BeforeEach
    void open() {
        InMemorySerialLink[] links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/reader");
        vmcSide = new PtyMdbTransport(links[0]);
        readerSide = new PtyMdbTransport(links[1]);
        vmcSide.open();
        readerSide.open();
        port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, readerTrace, Duration.ofMillis(30), Duration.ofMillis(100));
    }

    @AfterEach
    void close() {
        vmcSide.close();
        readerSide.close();
    }

    private Optional<CashlessResponse> handle(CashlessCommand command) {
        handled.add(command);
        if (command instanceof CashlessCommand.VendRequest) {
            outbox.add(VEND_APPROVED); // decided at once: approved on the next POLL
            return Optional.empty();
        }
        if (command instanceof CashlessCommand.Poll && !outbox.isEmpty()) return Optional.of(outbox.remove(0));
        return Optional.empty();
    }

    /** The reader runs until nothing more has arrived for it. */
    private void readerCatchesUp() {
        while (port.serveOnce(this::handle, Duration.ofMillis(20))) {
            // each call handles one block or handshake word
        }
    }

    private void send(CashlessCommand c) {
        vmcSide.send(MdbBlock.vmcWords(c.encode()));
    }

    /** Every reply block now on the VMC's side of the line, as the VMC's link layer would split them (a mode bit ends each). */
    private List<List<Integer>> repliesOnTheLine() {
        List<List<Integer>> replies = new ArrayList<>();
        List<Integer> block = new ArrayList<>();
        int w;
        while ((w = vmcSide.receive(Duration.ofMillis(50))) >= 0) {
            block.add(w);
            if (MdbBlock.hasModeBit(w)) {
                replies.add(block);
                block = new ArrayList<>();
            }
        }
        assertTrue(block.isEmpty(), "a reply cut off: " + block);
        return replies;
    }

    private static List<Integer> words(CashlessResponse r) {
        List<Integer> out = new ArrayList<>();
        for (int w : MdbBlock.peripheralWords(r.encode())) out.add(w);
        return out;
    }

    private long count(Class<?> type) {
        return handled.stream().filter(type::isInstance).count();
    }

    @Test
    void a_reader_stalled_through_three_polls_answers_only_the_last_and_once() {
        outbox.add(BEGIN_SESSION);
        // The reader is stalled: the VMC's POLL and its two retransmissions wait in its input.
        send(new CashlessCommand.Poll());
        send(new CashlessCommand.Poll());
        send(new CashlessCommand.Poll());
        readerCatchesUp();
        assertEquals(List.of(words(BEGIN_SESSION)), repliesOnTheLine(), "one answer for the POLL the VMC waits on; reader trace:\n" + readerTrace.toText());
        assertEquals(1, count(CashlessCommand.Poll.class), "the POLLs the VMC gave up on are not acted on");
        assertTrue(readerTrace.toText().contains("too late to answer"), readerTrace.toText());
    }

    @Test
    void after_a_stall_the_vend_request_is_acked_and_the_approval_is_not_settled_by_a_late_copys_ack() {
        outbox.add(BEGIN_SESSION);
        send(new CashlessCommand.Poll());
        send(new CashlessCommand.Poll());
        send(new CashlessCommand.Poll());
        // The reader wakes for the first of them only, and stalls again (the CPU went elsewhere).
        assertTrue(port.serveOnce(this::handle, Duration.ofMillis(20)));
        // The VMC takes what arrives as the answer to its last POLL: ACKs a BEGIN SESSION if one came.
        List<List<Integer>> first = repliesOnTheLine();
        if (!first.isEmpty()) {
            assertEquals(words(BEGIN_SESSION), first.get(0));
            vmcSide.send(MdbBlock.ACK);
            send(new CashlessCommand.VendRequest(150, 12));
        }
        readerCatchesUp();
        List<List<Integer>> replies = new ArrayList<>(first.isEmpty() ? List.of() : first.subList(1, first.size()));
        replies.addAll(repliesOnTheLine());
        if (first.isEmpty()) { // the stale POLLs were dropped: the last one got BEGIN SESSION
            assertEquals(List.of(words(BEGIN_SESSION)), replies, readerTrace.toText());
            vmcSide.send(MdbBlock.ACK);
            send(new CashlessCommand.VendRequest(150, 12));
            readerCatchesUp();
            replies = repliesOnTheLine();
        }
        // The VMC reads the first reply after its VEND REQUEST as its answer: it must be the ACK.
        assertFalse(replies.isEmpty(), "no answer to VEND REQUEST");
        assertEquals(List.of(ACK_STAR), replies.get(0), "the VEND REQUEST's answer; reader trace:\n" + readerTrace.toText());
        send(new CashlessCommand.Poll());
        readerCatchesUp();
        assertEquals(List.of(words(VEND_APPROVED)), repliesOnTheLine(), "the POLL after VEND REQUEST carries VEND APPROVED; reader trace:\n" + readerTrace.toText());
    }

    /** Reads one VMC block of {@code length} words on the reader's side. */
    private int[] takeBlock(int length) {
        int[] words = new int[length];
        for (int i = 0; i < length; i++) {
            words[i] = readerSide.receive(Duration.ofMillis(1000));
            assertTrue(words[i] >= 0, "word " + i + " of a " + length + "-word block did not arrive");
        }
        return words;
    }

    @Test
    void the_vmc_lets_the_late_copy_of_a_reply_go_by_before_its_next_command() throws Exception {
        MdbTrace vmcTrace = new MdbTrace();
        VmcMaster master = new VmcMaster(vmcSide, vmcTrace, Duration.ofMillis(100));
        int[] poll = MdbBlock.vmcWords(new CashlessCommand.Poll().encode(CashlessCommand.CASHLESS_1));
        int[] approved = MdbBlock.peripheralWords(VEND_APPROVED.encode());
        // A scripted reader, late as in the soak: it answers the first POLL only as the VMC's
        // retransmission arrives, and then repeats the reply for the retransmission (no ACK yet).
        CompletableFuture<int[]> reader = CompletableFuture.supplyAsync(() -> {
            assertArrayEquals(poll, takeBlock(2));
            assertArrayEquals(poll, takeBlock(2)); // silence made the VMC send again
            readerSide.send(approved); // the answer to the first POLL, late
            try {
                // The reader gets to the retransmission a little later and answers it too: after
                // the VMC has taken the first copy and moved on, within its response timeout.
                Thread.sleep(30);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            readerSide.send(approved);
            assertEquals(MdbBlock.ACK, readerSide.receive(Duration.ofMillis(1000)), "the VMC's ACK");
            int[] next = takeBlock(5); // VEND SUCCESS: 13 02 item item CHK
            readerSide.send(ACK_STAR);
            return next;
        });
        assertEquals(List.of(VEND_APPROVED), master.transact(new CashlessCommand.Poll()));
        assertEquals(List.of(), master.transact(new CashlessCommand.VendSuccess(12)),
                "VEND SUCCESS is answered by the reader's ACK, not by the late copy of VEND APPROVED; VMC trace:\n" + vmcTrace.toText());
        assertArrayEquals(MdbBlock.vmcWords(new CashlessCommand.VendSuccess(12).encode(CashlessCommand.CASHLESS_1)),
                reader.get(5, TimeUnit.SECONDS));
        assertTrue(vmcTrace.toText().contains("late word discarded"), vmcTrace.toText());
    }
}
