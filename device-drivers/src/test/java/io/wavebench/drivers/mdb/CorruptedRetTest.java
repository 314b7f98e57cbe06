package io.wavebench.drivers.mdb;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.serial.InMemorySerialLink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A RET the noise turned into 00 (MDB 4.2 §2.2): the VMC got a data reply with a bad checksum and
 * asked for it again, the reader read an ACK and dropped the reply. The VMC hears nothing; were it
 * to send its command again the reader would answer it afresh and the reply — in the MDB soak a
 * VEND APPROVED — would be gone for good, with the VMC waiting for it and the reader for VEND
 * SUCCESS. So silence after RET is answered with RET again, and the reader honours a RET that
 * arrives after its handshake window while its last answer is still that data reply.
 */
class CorruptedRetTest {

    private static final Duration WAIT = Duration.ofMillis(1000);
    private static final int ACK_STAR = MdbBlock.ACK | MdbTransport.MODE_BIT;
    private static final int[] APPROVED = MdbBlock.peripheralWords(new CashlessResponse.VendApproved(150).encode());
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

    private int[] receive(PtyMdbTransport side, int count) {
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = side.receive(WAIT);
            assertTrue(words[i] >= 0, "word " + i + " of " + count + " did not arrive");
        }
        return words;
    }

    /** A reader with one data reply, for the first POLL; every later command gets a plain ACK. */
    private static PeripheralPort.CommandHandler firstPollAnswers(CashlessResponse reply) {
        boolean[] answered = {false};
        return c -> {
            if (c instanceof CashlessCommand.Poll && !answered[0]) {
                answered[0] = true;
                return Optional.of(reply);
            }
            return Optional.empty();
        };
    }

    @Test
    void the_reader_sends_its_data_reply_again_for_a_ret_after_it_took_a_corrupted_one_for_an_ack() {
        MdbTrace trace = new MdbTrace();
        PeripheralPort port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, trace, Duration.ofMillis(30), Duration.ofMillis(100));
        PeripheralPort.CommandHandler handler = firstPollAnswers(new CashlessResponse.VendApproved(150));
        vmcSide.send(MdbBlock.vmcWords(new CashlessCommand.Poll().encode()));
        vmcSide.send(MdbBlock.ACK); // the VMC's RET, turned into 00 on the line
        assertTrue(port.serveOnce(handler, WAIT));
        assertArrayEquals(APPROVED, receive(vmcSide, APPROVED.length));
        vmcSide.send(MdbBlock.RET); // the VMC heard nothing and asks again
        assertTrue(port.serveOnce(handler, WAIT));
        assertArrayEquals(APPROVED, receive(vmcSide, APPROVED.length), "sent again on the second RET; reader trace:\n" + trace.toText());
        vmcSide.send(MdbBlock.ACK);
        assertTrue(port.serveOnce(handler, WAIT));
        vmcSide.send(MdbBlock.vmcWords(new CashlessCommand.Poll().encode()));
        assertTrue(port.serveOnce(handler, WAIT));
        assertArrayEquals(new int[] {ACK_STAR}, receive(vmcSide, 1), "settled: the next POLL has nothing");
        vmcSide.send(MdbBlock.RET); // a RET after a block that got a plain ACK asks for nothing
        assertTrue(port.serveOnce(handler, WAIT));
        assertEquals(-1, vmcSide.receive(Duration.ofMillis(100)), "no data reply to send again; reader trace:\n" + trace.toText());
    }

    @Test
    void an_aa_among_the_words_of_a_block_that_lost_its_address_byte_is_no_ret() {
        MdbTrace trace = new MdbTrace();
        PeripheralPort port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, trace, Duration.ofMillis(30), Duration.ofMillis(100));
        PeripheralPort.CommandHandler handler = firstPollAnswers(new CashlessResponse.BeginSession(10000));
        vmcSide.send(MdbBlock.vmcWords(new CashlessCommand.Poll().encode()));
        assertTrue(port.serveOnce(handler, WAIT));
        receive(vmcSide, MdbBlock.peripheralWords(new CashlessResponse.BeginSession(10000).encode()).length);
        vmcSide.send(MdbBlock.ACK);
        // VEND REQUEST 13 00 00 96 00 0C B5 (the soak's): its address byte lost, its CHK turned into AA.
        vmcSide.send(0x00, 0x00, 0x96, 0x00, 0x0C, 0xAA);
        while (port.serveOnce(handler, Duration.ofMillis(20))) {
            // the stray words, one by one
        }
        assertEquals(-1, vmcSide.receive(Duration.ofMillis(100)), "BEGIN SESSION not sent again; reader trace:\n" + trace.toText());
    }

    @Test
    void the_vmc_answers_silence_after_its_ret_with_ret_again_not_with_its_command() throws Exception {
        MdbTrace trace = new MdbTrace();
        VmcMaster master = new VmcMaster(vmcSide, trace, Duration.ofMillis(100));
        CompletableFuture<List<CashlessResponse>> result = CompletableFuture.supplyAsync(() -> master.transact(new CashlessCommand.Poll()));
        assertArrayEquals(MdbBlock.vmcWords(new CashlessCommand.Poll().encode()), receive(readerSide, 2));
        readerSide.send(MdbBlock.withWrongChecksum(APPROVED));
        assertEquals(MdbBlock.RET, readerSide.receive(WAIT));
        // The reader took that RET for an ACK (the line turned it into 00): it says nothing.
        int next = readerSide.receive(WAIT);
        if (next == MdbBlock.RET) {
            readerSide.send(APPROVED);
            assertEquals(MdbBlock.ACK, readerSide.receive(WAIT));
        } else {
            receive(readerSide, 1); // the rest of the POLL the VMC sent instead: nothing is pending any more
            readerSide.send(ACK_STAR);
        }
        assertEquals(List.of(new CashlessResponse.VendApproved(150)), result.get(5, TimeUnit.SECONDS), "VMC trace:\n" + trace.toText());
    }
}
