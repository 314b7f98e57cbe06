package io.wavebench.drivers.mdb;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.drivers.serial.SerialSettings;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PtyMdbTransportTest {

    private static final Duration WAIT = Duration.ofMillis(500);
    private InMemorySerialLink[] links;
    private PtyMdbTransport vmc;
    private PtyMdbTransport reader;

    @BeforeEach
    void open() {
        links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/reader");
        vmc = new PtyMdbTransport(links[0]);
        reader = new PtyMdbTransport(links[1]);
        vmc.open();
        reader.open();
    }

    @AfterEach
    void close() {
        vmc.close();
        reader.close();
    }

    @Test
    void each_word_travels_as_mode_byte_then_data_byte() {
        vmc.send(0x112, 0x12);
        byte[] raw = new byte[8];
        // read the raw line on a second pair to see the bytes themselves
        InMemorySerialLink[] probe = InMemorySerialLink.pair("a", "b");
        probe[0].open(SerialSettings.MDB_PTY);
        probe[1].open(SerialSettings.MDB_PTY);
        new PtyMdbTransport(probe[0]).send(0x112, 0x12);
        assertEquals(4, probe[1].read(raw, WAIT));
        assertArrayEquals(new byte[] {0x01, 0x12, 0x00, 0x12}, Arrays.copyOf(raw, 4));
        assertEquals(0x112, reader.receive(WAIT));
        assertEquals(0x012, reader.receive(WAIT));
    }

    @Test
    void silence_is_minus_one() {
        assertEquals(-1, reader.receive(Duration.ofMillis(5)));
        assertEquals(-1, reader.receive(Duration.ZERO));
    }

    @Test
    void a_bad_mode_byte_is_a_framing_error_naming_port_and_bytes_then_it_resynchronizes() {
        links[0].write(new byte[] {0x01, 0x12, 0x42, 0x00, 0x12});
        assertEquals(0x112, reader.receive(WAIT));
        MdbFramingException e = assertThrows(MdbFramingException.class, () -> reader.receive(WAIT));
        assertTrue(e.getMessage().contains("/dev/pts/reader"), e.getMessage());
        assertTrue(e.getMessage().contains("got 42"), e.getMessage());
        assertTrue(e.getMessage().contains("01 12 42 00 12"), e.getMessage());
        assertEquals(0x012, reader.receive(WAIT));
    }

    @Test
    void a_word_split_across_reads_is_joined() {
        links[0].write(new byte[] {0x01});
        assertEquals(-1, reader.receive(Duration.ZERO));
        links[0].write(new byte[] {(byte) 0xAA}); // well within the inter-byte limit
        assertEquals(0x1AA, reader.receive(WAIT));
    }

    @Test
    void a_mode_byte_left_alone_past_the_inter_byte_limit_is_dropped_so_acks_cannot_stay_misaligned() {
        // The 01 of an ACK (01 00) was lost on the line: the lone 00 must not pair with the next ACK's 01.
        links[0].write(new byte[] {0x00});
        MdbFramingException e = assertThrows(MdbFramingException.class, () -> reader.receive(WAIT));
        assertTrue(e.getMessage().contains("no data byte within 5 ms"), e.getMessage());
        links[0].write(new byte[] {0x01, 0x00, 0x01, 0x00});
        assertEquals(0x100, reader.receive(WAIT));
        assertEquals(0x100, reader.receive(WAIT));
    }

    @Test
    void words_must_fit_nine_bits() {
        assertThrows(IllegalArgumentException.class, () -> vmc.send(0x200));
    }
}
