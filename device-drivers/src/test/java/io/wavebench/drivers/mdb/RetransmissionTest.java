package io.wavebench.drivers.mdb;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.serial.InMemorySerialLink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MDB 4.2 §2.2 retransmission rules on the peripheral's side, and the named faults of both link
 * layers. The VMC side is scripted word by word so each lost handshake is exact.
 */
class RetransmissionTest {

    private static final Duration WAIT = Duration.ofMillis(1000);
    private final List<CashlessCommand> handled = new CopyOnWriteArrayList<>();
    private final MdbTrace readerTrace = new MdbTrace();
    private PtyMdbTransport vmcSide;
    private PtyMdbTransport readerSide;
    private PeripheralPort port;
    private Thread server;

    @BeforeEach
    void open() {
        InMemorySerialLink[] links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/reader");
        vmcSide = new PtyMdbTransport(links[0]);
        readerSide = new PtyMdbTransport(links[1]);
        vmcSide.open();
        readerSide.open();
        port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, readerTrace, Duration.ofMillis(30), Duration.ofMillis(100));
        // A reader that answers SETUP with its config and POLL with BEGIN SESSION once, else ACK.
        int[] polls = {0};
        server = new Thread(() -> port.serve(c -> {
            handled.add(c);
            if (c instanceof CashlessCommand.SetupConfig) return Optional.of(new CashlessResponse.ReaderConfig(1, 0x1978, 1, 2, 2, 0));
            if (c instanceof CashlessCommand.Poll && polls[0]++ == 0) return Optional.of(new CashlessResponse.BeginSession(500));
            return Optional.empty();
        }), "peripheral");
        server.start();
    }

    @AfterEach
    void close() throws InterruptedException {
        port.stop();
        server.join(2000);
        vmcSide.close();
        readerSide.close();
    }

    private void send(CashlessCommand c) {
        vmcSide.send(MdbBlock.vmcWords(c.encode()));
    }

    private void expect(int... words) {
        for (int w : words) assertEquals(w, vmcSide.receive(WAIT), () -> "reader trace:\n" + readerTrace.toText());
    }

    private static final int ACK_STAR = MdbBlock.ACK | MdbTransport.MODE_BIT;

    private long count(Class<?> type) {
        return handled.stream().filter(type::isInstance).count();
    }

    @Test
    void a_vend_request_repeated_after_a_lost_ack_is_acked_again_but_acted_on_once() {
        CashlessCommand vend = new CashlessCommand.VendRequest(150, 12);
        send(vend);
        expect(ACK_STAR); // the VMC never saw it (noise): it repeats the same block
        send(vend);
        expect(ACK_STAR);
        send(new CashlessCommand.Poll()); // the poll is fresh
        expect(MdbBlock.peripheralWords(new CashlessResponse.BeginSession(500).encode()));
        vmcSide.send(MdbBlock.ACK);
        send(vend); // after another block it is a new request again
        expect(ACK_STAR);
        send(new CashlessCommand.Poll());
        expect(ACK_STAR);
        assertEquals(2, count(CashlessCommand.VendRequest.class), "handled: " + handled);
        assertTrue(readerTrace.toText().contains("retransmitted by the VMC: answered again, not acted on"), readerTrace.toText());
    }

    @Test
    void a_data_reply_is_repeated_for_a_repeated_command_and_not_recomputed() {
        CashlessCommand setup = new CashlessCommand.SetupConfig(1, 16, 2, 2);
        int[] config = MdbBlock.peripheralWords(new CashlessResponse.ReaderConfig(1, 0x1978, 1, 2, 2, 0).encode());
        send(setup);
        expect(config); // no ACK: as if the reply was lost
        send(setup);
        expect(config);
        vmcSide.send(MdbBlock.ACK);
        assertEquals(1, count(CashlessCommand.SetupConfig.class));
    }

    @Test
    void polls_and_resets_are_never_taken_for_retransmissions() {
        send(new CashlessCommand.Poll());
        expect(MdbBlock.peripheralWords(new CashlessResponse.BeginSession(500).encode()));
        vmcSide.send(MdbBlock.ACK);
        send(new CashlessCommand.Poll());
        expect(ACK_STAR);
        send(new CashlessCommand.Reset());
        expect(ACK_STAR);
        send(new CashlessCommand.Reset());
        expect(ACK_STAR);
        assertEquals(2, count(CashlessCommand.Poll.class));
        assertEquals(2, count(CashlessCommand.Reset.class));
    }

    @Test
    void a_new_command_settles_a_reply_whose_ack_was_lost() {
        send(new CashlessCommand.Poll());
        expect(MdbBlock.peripheralWords(new CashlessResponse.BeginSession(500).encode()));
        // The VMC took BEGIN SESSION but its ACK was lost; it moves on to VEND REQUEST.
        send(new CashlessCommand.VendRequest(150, 12));
        expect(ACK_STAR);
        send(new CashlessCommand.Poll());
        expect(ACK_STAR); // not BEGIN SESSION again
        assertTrue(readerTrace.toText().contains("BEGIN SESSION funds=500 taken as received"), readerTrace.toText());
    }

    @Test
    void reader_fault_no_ack_acts_on_the_command_and_stays_silent() {
        port.inject(MdbFault.NO_ACK);
        send(new CashlessCommand.Poll()); // POLLs are exempt: the fault waits for the next command
        expect(MdbBlock.peripheralWords(new CashlessResponse.BeginSession(500).encode()));
        vmcSide.send(MdbBlock.ACK);
        send(new CashlessCommand.ReaderEnable());
        assertEquals(-1, vmcSide.receive(Duration.ofMillis(100)), "ACK withheld");
        assertEquals(1, count(CashlessCommand.ReaderEnable.class));
        send(new CashlessCommand.ReaderEnable());
        expect(ACK_STAR);
        assertEquals(1, count(CashlessCommand.ReaderEnable.class), "the repeat is not acted on");
    }

    @Test
    void reader_fault_bad_checksum_is_cured_by_ret() {
        port.inject(MdbFault.BAD_CHECKSUM);
        send(new CashlessCommand.Poll());
        int[] good = MdbBlock.peripheralWords(new CashlessResponse.BeginSession(500).encode());
        int[] bad = MdbBlock.withWrongChecksum(good);
        expect(bad);
        vmcSide.send(MdbBlock.RET);
        expect(good);
        vmcSide.send(MdbBlock.ACK);
    }

    @Test
    void reader_faults_silence_and_out_of_sequence() {
        port.inject(MdbFault.SILENCE);
        port.inject(MdbFault.OUT_OF_SEQUENCE);
        send(new CashlessCommand.ReaderEnable());
        assertEquals(-1, vmcSide.receive(Duration.ofMillis(100)), "SILENCE: no answer at all");
        assertEquals(0, count(CashlessCommand.ReaderEnable.class));
        send(new CashlessCommand.ReaderEnable());
        expect(MdbBlock.peripheralWords(new CashlessResponse.CommandOutOfSequence().encode()));
        vmcSide.send(MdbBlock.ACK);
        assertEquals(0, count(CashlessCommand.ReaderEnable.class), "OUT_OF_SEQUENCE: not passed on");
    }

    @Test
    void vmc_fault_bad_checksum_is_naked_and_the_retransmission_goes_through() {
        MdbTrace trace = new MdbTrace();
        VmcMaster master = new VmcMaster(vmcSide, trace, Duration.ofMillis(100));
        master.inject(MdbFault.BAD_CHECKSUM);
        assertEquals(List.of(), master.transact(new CashlessCommand.ReaderEnable()));
        assertEquals(1, count(CashlessCommand.ReaderEnable.class));
        String text = trace.toText();
        assertTrue(text.contains("fault BAD_CHECKSUM") && text.contains("NAK") && text.contains("retransmission 1"), text);
    }

    @Test
    void vmc_fault_no_ack_makes_the_reader_repeat_its_reply_at_the_next_poll() {
        VmcMaster master = new VmcMaster(vmcSide, new MdbTrace(), Duration.ofMillis(100));
        master.inject(MdbFault.NO_ACK);
        assertEquals(List.of(new CashlessResponse.BeginSession(500)), master.transact(new CashlessCommand.Poll()));
        assertEquals(List.of(new CashlessResponse.BeginSession(500)), master.transact(new CashlessCommand.Poll()), "repeated: it was never ACKed");
        assertEquals(List.of(), master.transact(new CashlessCommand.Poll()));
        assertEquals(2, count(CashlessCommand.Poll.class), "the repeat came from the link layer, not the handler");
    }

    @Test
    void vmc_link_layer_refuses_faults_it_cannot_show() {
        VmcMaster master = new VmcMaster(vmcSide, new MdbTrace(), Duration.ofMillis(100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> master.inject(MdbFault.SILENCE));
        assertTrue(e.getMessage().contains("/dev/pts/vmc"), e.getMessage());
    }
}
