package io.wavebench.drivers.mdb;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.mdb.MdbTrace.Checksum;
import io.wavebench.drivers.serial.InMemorySerialLink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VmcMaster against a scripted peripheral, and PeripheralPort against a scripted VMC. */
class LinkLayerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofMillis(1000);
    private PtyMdbTransport vmcSide;
    private PtyMdbTransport readerSide;

    @BeforeEach
    void open() {
        InMemorySerialLink[] links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/reader");
        vmcSide = new PtyMdbTransport(links[0]);
        readerSide = new PtyMdbTransport(links[1]);
        vmcSide.open();
        readerSide.open();
    }

    @AfterEach
    void close() {
        vmcSide.close();
        readerSide.close();
    }

    /** Reads one VMC block (address with mode bit … CHK) from the reader side. */
    private int[] takeBlock(int length) {
        int[] words = new int[length];
        for (int i = 0; i < length; i++) {
            words[i] = readerSide.receive(WAIT);
            assertTrue(words[i] >= 0, "word " + i + " of a " + length + "-word block did not arrive");
        }
        return words;
    }

    private CompletableFuture<List<CashlessResponse>> transactAsync(VmcMaster master, CashlessCommand command) {
        return CompletableFuture.supplyAsync(() -> master.transact(command));
    }

    @Test
    void master_retransmits_after_a_nak() throws Exception {
        MdbTrace trace = new MdbTrace();
        VmcMaster master = new VmcMaster(vmcSide, trace, TIMEOUT);
        var result = transactAsync(master, new CashlessCommand.Poll());
        assertArrayEquals(new int[] {0x112, 0x12}, takeBlock(2));
        readerSide.send(0x1FF); // NAK
        assertArrayEquals(new int[] {0x112, 0x12}, takeBlock(2));
        readerSide.send(MdbBlock.peripheralWords(new CashlessResponse.BeginSession(500).encode()));
        assertEquals(0x000, readerSide.receive(WAIT), "VMC ACKs a good data block, mode bit clear");
        assertEquals(List.of(new CashlessResponse.BeginSession(500)), result.get(2, TimeUnit.SECONDS));
        assertTrue(trace.toText().contains("NAK"), trace.toText());
        assertTrue(trace.toText().contains("POLL (retransmission 1)"), trace.toText());
        assertEquals(2, trace.responseTimes().size());
    }

    @Test
    void master_retransmits_after_a_dropped_reply() throws Exception {
        VmcMaster master = new VmcMaster(vmcSide, new MdbTrace(), TIMEOUT);
        var result = transactAsync(master, new CashlessCommand.ReaderEnable());
        takeBlock(3); // first attempt: the reply is "lost"
        assertArrayEquals(new int[] {0x114, 0x01, 0x15}, takeBlock(3));
        readerSide.send(0x100);
        assertEquals(List.of(), result.get(2, TimeUnit.SECONDS));
    }

    @Test
    void master_sends_ret_on_a_bad_checksum_and_takes_the_repeat() throws Exception {
        MdbTrace trace = new MdbTrace();
        VmcMaster master = new VmcMaster(vmcSide, trace, TIMEOUT);
        var result = transactAsync(master, new CashlessCommand.Poll());
        takeBlock(2);
        int[] good = MdbBlock.peripheralWords(new CashlessResponse.VendApproved(150).encode());
        int[] bad = good.clone();
        bad[bad.length - 1] ^= 0x01;
        readerSide.send(bad);
        assertEquals(MdbBlock.RET, readerSide.receive(WAIT));
        readerSide.send(good);
        assertEquals(0x000, readerSide.receive(WAIT));
        assertEquals(List.of(new CashlessResponse.VendApproved(150)), result.get(2, TimeUnit.SECONDS));
        assertTrue(trace.entries().stream().anyMatch(e -> e.checksum() == Checksum.BAD && e.meaning().equals("VEND APPROVED amount=150")));
    }

    @Test
    void master_never_acks_a_vend_approved_that_lost_a_zero_byte_and_asks_for_it_again() throws Exception {
        // VEND APPROVED 150 is 05 00 96 + CHK 9B. Losing the 00 leaves 05 96 9B: the additive
        // checksum still holds, the block no longer parses. An ACK here would let the reader book
        // a sale the VMC never approved (the MDB soak found it).
        MdbTrace trace = new MdbTrace();
        VmcMaster master = new VmcMaster(vmcSide, trace, TIMEOUT);
        var result = transactAsync(master, new CashlessCommand.Poll());
        takeBlock(2);
        int[] good = MdbBlock.peripheralWords(new CashlessResponse.VendApproved(150).encode());
        assertArrayEquals(new int[] {0x05, 0x00, 0x96, 0x19B}, good);
        readerSide.send(new int[] {0x05, 0x96, 0x19B});
        assertEquals(MdbBlock.RET, readerSide.receive(WAIT), "RET, not ACK");
        readerSide.send(good);
        assertEquals(0x000, readerSide.receive(WAIT));
        assertEquals(List.of(new CashlessResponse.VendApproved(150)), result.get(2, TimeUnit.SECONDS));
        assertTrue(trace.toText().contains("undecodable"), trace.toText());
    }

    @Test
    void master_names_port_command_and_last_words_when_nobody_answers() {
        VmcMaster master = new VmcMaster(vmcSide, new MdbTrace(), Duration.ofMillis(10), 2, CashlessCommand.CASHLESS_1);
        readerSide.send(0x042); // a stray word, drained and remembered
        MdbNoResponseException e = assertThrows(MdbNoResponseException.class, () -> master.transact(new CashlessCommand.Reset()));
        assertTrue(e.getMessage().contains("/dev/pts/vmc"), e.getMessage());
        assertTrue(e.getMessage().contains("RESET"), e.getMessage());
        assertTrue(e.getMessage().contains("after 2 attempt"), e.getMessage());
        assertTrue(e.getMessage().contains("42"), e.getMessage());
    }

    @Test
    void peripheral_answers_its_own_address_naks_a_bad_checksum_and_repeats_on_ret() throws Exception {
        MdbTrace trace = new MdbTrace();
        PeripheralPort port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, trace);
        PeripheralPort.CommandHandler handler = c -> c instanceof CashlessCommand.Poll
                ? Optional.of(new CashlessResponse.BeginSession(300)) : Optional.empty();
        Thread server = new Thread(() -> port.serve(handler), "peripheral");
        server.start();
        try {
            vmcSide.send(MdbBlock.vmcWords(new CashlessCommand.Poll().encode(0x08))); // the coin changer's POLL: not ours
            vmcSide.send(0x112, 0x13); // our POLL with a bad checksum
            assertEquals(0x1FF, vmcSide.receive(WAIT));
            vmcSide.send(MdbBlock.vmcWords(new CashlessCommand.ReaderEnable().encode()));
            assertEquals(0x100, vmcSide.receive(WAIT));
            vmcSide.send(MdbBlock.vmcWords(new CashlessCommand.Poll().encode()));
            int[] expected = MdbBlock.peripheralWords(new CashlessResponse.BeginSession(300).encode());
            for (int w : expected) assertEquals(w, vmcSide.receive(WAIT));
            vmcSide.send(MdbBlock.RET);
            for (int w : expected) assertEquals(w, vmcSide.receive(WAIT));
            vmcSide.send(MdbBlock.ACK);
            vmcSide.send(MdbBlock.vmcWords(new CashlessCommand.ReaderEnable().encode()));
            assertEquals(0x100, vmcSide.receive(WAIT), "after the ACK it serves the next command");
        } finally {
            port.stop();
            server.join(2000);
        }
        assertTrue(trace.toText().contains("retransmitted on RET"), trace.toText());
    }

    @Test
    void peripheral_repeats_an_unacknowledged_reply_at_the_next_poll() throws Exception {
        PeripheralPort port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace(), Duration.ofMillis(20),
                PeripheralPort.DEFAULT_INTER_BYTE_TIMEOUT);
        int[] calls = {0};
        Thread server = new Thread(() -> port.serve(c -> calls[0]++ == 0 ? Optional.of(new CashlessResponse.VendApproved(7)) : Optional.empty()));
        server.start();
        try {
            int[] expected = MdbBlock.peripheralWords(new CashlessResponse.VendApproved(7).encode());
            vmcSide.send(MdbBlock.vmcWords(new CashlessCommand.Poll().encode()));
            for (int w : expected) assertEquals(w, vmcSide.receive(WAIT));
            vmcSide.send(MdbBlock.NAK); // the VMC did not get it
            vmcSide.send(0x10B, 0x00, 0x0B); // a coin changer block (0x08 | 3) with a 00 data byte: not an ACK for us
            vmcSide.send(MdbBlock.vmcWords(new CashlessCommand.Poll().encode()));
            for (int w : expected) assertEquals(w, vmcSide.receive(WAIT));
            vmcSide.send(MdbBlock.ACK);
            vmcSide.send(MdbBlock.vmcWords(new CashlessCommand.Poll().encode()));
            assertEquals(0x100, vmcSide.receive(WAIT));
        } finally {
            port.stop();
            server.join(2000);
        }
    }

    @Test
    void master_and_peripheral_talk_and_the_trace_decodes_each_block() throws Exception {
        MdbTrace vmcTrace = new MdbTrace();
        PeripheralPort port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace());
        Thread server = new Thread(() -> port.serve(c -> c instanceof CashlessCommand.SetupConfig
                ? Optional.of(new CashlessResponse.ReaderConfig(1, 0x1156, 1, 2, 5, 0)) : Optional.empty()));
        server.start();
        try {
            VmcMaster master = new VmcMaster(vmcSide, vmcTrace, TIMEOUT);
            assertEquals(List.of(), master.transact(new CashlessCommand.Reset()));
            assertEquals(List.of(new CashlessResponse.ReaderConfig(1, 0x1156, 1, 2, 5, 0)), master.transact(new CashlessCommand.SetupConfig(1, 0, 0, 0)));
        } finally {
            port.stop();
            server.join(2000);
        }
        String text = vmcTrace.toText();
        assertTrue(text.contains("VMC>RDR  10* 10"), text);
        assertTrue(text.contains("RDR>VMC  00*"), text);
        assertTrue(text.contains("SETUP CONFIG DATA level=1"), text);
        assertTrue(text.contains("READER CONFIG DATA level=1 currency=1156"), text);
        assertTrue(text.contains("[chk ok]"), text);
        assertTrue(text.lines().allMatch(l -> l.matches("\\s*\\d+\\.\\d ms  (VMC>RDR|RDR>VMC)  .*")), text);
        assertEquals(2, vmcTrace.responseTimes().size());
    }
}
