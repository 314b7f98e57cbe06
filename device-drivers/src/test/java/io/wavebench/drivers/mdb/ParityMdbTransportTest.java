package io.wavebench.drivers.mdb;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.drivers.serial.SerialLink;
import io.wavebench.drivers.serial.SerialSettings;
import io.wavebench.drivers.serial.SerialSettings.Parity;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MARK/SPACE transport's framing logic without a UART: a fake line records the parity each
 * byte went out with and carries the bytes (without their ninth bit, as 8N1 receive does) over
 * an in-memory cable.
 */
class ParityMdbTransportTest {

    private static final Duration WAIT = Duration.ofMillis(500);

    /**
     * Records "MARK:12" / "SPACE:12 00" per write; bytes go over an in-memory link, one block at a
     * time (when the parity returns to NONE): on a wire the runs follow each other within a character
     * time, and a JVM on a busy CI host must not open a fake gap between them.
     */
    static final class FakeLine implements ParityLine {
        final SerialLink link;
        final List<String> writes = new ArrayList<>();
        Parity parity = Parity.NONE;

        FakeLine(SerialLink link) {
            this.link = link;
        }

        public String name() { return link.name(); }
        public void open() { link.open(SerialSettings.MDB_PTY); }
        final ByteArrayOutputStream block = new ByteArrayOutputStream();
        public void parity(Parity p) {
            parity = p;
            if (p == Parity.NONE && block.size() > 0) {
                link.write(block.toByteArray());
                block.reset();
            }
        }
        public void writeAndDrain(byte[] bytes) {
            writes.add(parity + ":" + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes));
            block.writeBytes(bytes);
        }
        public int read(byte[] buffer, Duration timeout) { return link.read(buffer, timeout); }
        public void close() { link.close(); }
    }

    private FakeLine vmcLine;
    private FakeLine readerLine;
    private ParityMdbTransport vmc;
    private ParityMdbTransport reader;

    @BeforeEach
    void open() {
        InMemorySerialLink[] cable = InMemorySerialLink.pair("/dev/ttyUSB0", "/dev/ttyUSB1");
        vmcLine = new FakeLine(cable[0]);
        readerLine = new FakeLine(cable[1]);
        vmc = new ParityMdbTransport(vmcLine, ParityMdbTransport.Role.VMC);
        reader = new ParityMdbTransport(readerLine, ParityMdbTransport.Role.PERIPHERAL);
        vmc.open();
        reader.open();
    }

    @AfterEach
    void close() {
        vmc.close();
        reader.close();
    }

    @Test
    void a_vmc_block_goes_out_as_one_mark_byte_then_space_bytes_and_the_line_returns_to_no_parity() {
        vmc.send(MdbBlock.vmcWords(new CashlessCommand.VendRequest(150, 12).encode()));
        assertEquals(List.of("MARK:13", "SPACE:00 00 96 00 0C B5"), vmcLine.writes);
        assertEquals(Parity.NONE, vmcLine.parity, "listening at 8N1 between blocks");
    }

    @Test
    void a_peripheral_block_goes_out_as_space_bytes_then_the_chk_with_mark() {
        reader.send(MdbBlock.peripheralWords(new CashlessResponse.BeginSession(500).encode()));
        assertEquals(List.of("SPACE:03 01 F4", "MARK:F8"), readerLine.writes);
        reader.send(MdbBlock.ACK | MdbTransport.MODE_BIT);
        assertEquals("MARK:00", readerLine.writes.get(2));
    }

    @Test
    void the_vmc_gives_the_mode_bit_to_the_last_byte_of_a_reply() {
        reader.send(MdbBlock.peripheralWords(new CashlessResponse.BeginSession(500).encode()));
        assertArrayEquals(new int[] {0x03, 0x01, 0xF4, 0x1F8}, receive(vmc, 4));
        reader.send(0x100); // ACK
        assertEquals(0x100, vmc.receive(WAIT));
        reader.send(MdbBlock.peripheralWords(new CashlessResponse.JustReset().encode())); // 00 00*: not an ACK
        assertArrayEquals(new int[] {0x00, 0x100}, receive(vmc, 2));
    }

    @Test
    void the_peripheral_gives_the_mode_bit_to_the_first_byte_after_silence_but_not_to_a_lone_handshake() {
        int[] reply = MdbBlock.peripheralWords(new CashlessResponse.BeginSession(500).encode());
        vmc.send(MdbBlock.vmcWords(new CashlessCommand.Poll().encode()));
        assertArrayEquals(new int[] {0x112, 0x12}, receive(reader, 2));
        reader.send(reply);
        vmc.send(MdbBlock.RET);
        assertEquals(0x0AA, reader.receive(WAIT), "a lone AA after our reply is the VMC's RET");
        reader.send(reply);
        vmc.send(MdbBlock.ACK);
        assertEquals(0x000, reader.receive(WAIT), "a lone 00 is the VMC's ACK");
        vmc.send(MdbBlock.vmcWords(new CashlessCommand.ReaderEnable().encode()));
        assertArrayEquals(new int[] {0x114, 0x01, 0x15}, receive(reader, 3), "a block after silence");
        reader.send(0x100);
        vmc.send(MdbBlock.vmcWords(new CashlessCommand.Reset().encode())); // 10* 10: begins with 00-free address
        assertArrayEquals(new int[] {0x110, 0x10}, receive(reader, 2), "a block right after our ACK");
    }

    @Test
    void the_link_layers_hold_a_session_over_it() throws Exception {
        PeripheralPort port = new PeripheralPort(reader, CashlessCommand.CASHLESS_1, new MdbTrace(), Duration.ofMillis(100), Duration.ofMillis(50));
        int[] polls = {0};
        Thread server = new Thread(() -> port.serve(c -> {
            if (c instanceof CashlessCommand.SetupConfig) return Optional.of(new CashlessResponse.ReaderConfig(1, 0x1978, 1, 2, 2, 0));
            if (c instanceof CashlessCommand.Poll && polls[0]++ == 0) return Optional.of(new CashlessResponse.JustReset());
            return Optional.empty();
        }));
        server.start();
        try {
            MdbTrace trace = new MdbTrace();
            VmcMaster master = new VmcMaster(vmc, trace, Duration.ofMillis(100));
            assertEquals(List.of(), master.transact(new CashlessCommand.Reset()));
            assertEquals(List.of(new CashlessResponse.JustReset()), master.transact(new CashlessCommand.Poll()));
            assertEquals(List.of(), master.transact(new CashlessCommand.Poll()), "the JUST RESET was ACKed, not repeated");
            assertEquals(List.of(new CashlessResponse.ReaderConfig(1, 0x1978, 1, 2, 2, 0)), master.transact(new CashlessCommand.SetupConfig(1, 0, 0, 0)));
            assertFalse(trace.toText().contains("retransmission"), trace.toText());
        } finally {
            port.stop();
            server.join(2000);
        }
    }

    private static int[] receive(MdbTransport t, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = t.receive(WAIT);
            assertTrue(out[i] >= 0, "word " + i + " did not arrive");
        }
        return out;
    }
}
