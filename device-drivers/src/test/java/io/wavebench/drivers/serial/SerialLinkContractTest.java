package io.wavebench.drivers.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link SerialLink} contract, run against every backing the machine has (DESIGN §3). A
 * subclass supplies two open, connected ends and knows how to pull the plug on one.
 */
abstract class SerialLinkContractTest {

    static final SerialSettings SETTINGS = SerialSettings.MDB_PTY;
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    protected SerialLink a;
    protected SerialLink b;

    /** Two ends of one cable, both open: what one writes, the other reads. */
    protected abstract SerialLink[] openConnectedEnds();

    /** A not-yet-opened link on the same port as {@code end} (the same object where a backing has no ports). */
    protected abstract SerialLink samePortAs(SerialLink end);

    /** Pulls the cable out of {@code end}'s device. */
    protected abstract void unplug(SerialLink end);

    /** Releases what {@link #openConnectedEnds()} made besides the links. */
    protected void releaseCable() {}

    @BeforeEach
    void plugIn() {
        SerialLink[] ends = openConnectedEnds();
        a = ends[0];
        b = ends[1];
    }

    @AfterEach
    void unplugAll() {
        a.close();
        b.close();
        releaseCable();
    }

    @Test
    void bytes_make_the_round_trip_in_both_directions() {
        a.write(new byte[] {0x10, 0x20, 0x30});
        assertArrayEquals(new byte[] {0x10, 0x20, 0x30}, readExactly(b, 3));
        b.write(new byte[] {(byte) 0xAA, 0x00});
        assertArrayEquals(new byte[] {(byte) 0xAA, 0x00}, readExactly(a, 2));
    }

    @Test
    void every_byte_value_passes_unchanged_and_in_order() {
        // Raw mode: CR, LF, XON/XOFF, ^C, ^D, DEL and 0xFF are data like any other byte.
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        a.write(all);
        assertArrayEquals(all, readExactly(b, 256), "A -> B");
        byte[] reversed = new byte[256];
        for (int i = 0; i < 256; i++) reversed[i] = (byte) (255 - i);
        b.write(reversed);
        assertArrayEquals(reversed, readExactly(a, 256), "B -> A");
    }

    @Test
    void a_64_kib_burst_arrives_complete_and_in_order() {
        byte[] burst = new byte[64 * 1024];
        new Random(20260501L).nextBytes(burst);
        a.write(burst);
        assertArrayEquals(burst, readExactly(b, burst.length));
    }

    @Test
    void read_returns_zero_after_its_timeout_when_nothing_is_sent() {
        long start = System.nanoTime();
        int n = b.read(new byte[16], Duration.ofMillis(150));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, n);
        assertTrue(waitedMillis >= 140 && waitedMillis < 2_000, "waited " + waitedMillis + " ms for a 150 ms timeout");
    }

    @Test
    void opening_a_port_twice_fails_naming_the_port() {
        SerialLink again = samePortAs(a);
        try {
            SerialLinkException e = assertThrows(SerialLinkException.class, () -> again.open(SETTINGS));
            assertEquals(a.name(), e.port());
            assertTrue(e.getMessage().contains(a.name()), e.getMessage());
            assertTrue(a.isOpen(), "the first opener keeps the port");
            a.write(new byte[] {0x42});
            assertArrayEquals(new byte[] {0x42}, readExactly(b, 1), "the first opener still works");
        } finally {
            if (again != a) again.close();
        }
    }

    @Test
    void read_and_write_after_close_fail_naming_the_port() {
        b.write(new byte[] {0x01, 0x02});
        assertArrayEquals(new byte[] {0x01, 0x02}, readExactly(a, 2));
        a.close();
        assertFalse(a.isOpen());
        SerialLinkException onRead = assertThrows(SerialLinkException.class, () -> a.read(new byte[4], Duration.ofMillis(10)));
        SerialLinkException onWrite = assertThrows(SerialLinkException.class, () -> a.write(new byte[] {1}));
        for (SerialLinkException e : new SerialLinkException[] {onRead, onWrite}) {
            assertEquals(a.name(), e.port());
            assertTrue(e.getMessage().contains(a.name()) && e.getMessage().contains("closed"), e.getMessage());
            assertTrue(e.getMessage().contains("01 02"), "last bytes seen belong in the message: " + e.getMessage());
        }
        a.close(); // closing twice does nothing
    }

    @Test
    void an_unplugged_device_fails_reads_and_writes_naming_the_port() {
        b.write(new byte[] {0x7E});
        assertArrayEquals(new byte[] {0x7E}, readExactly(a, 1));
        unplug(a);
        // Detection may be asynchronous (a hung-up tty), so a waiting read must end in the error, not in 0.
        SerialLinkException onRead = assertThrows(SerialLinkException.class, () -> a.read(new byte[4], DEADLINE));
        SerialLinkException onWrite = assertThrows(SerialLinkException.class, () -> a.write(new byte[] {1}));
        for (SerialLinkException e : new SerialLinkException[] {onRead, onWrite}) {
            assertEquals(a.name(), e.port());
            assertTrue(e.getMessage().contains("unplugged"), e.getMessage());
            assertTrue(e.getMessage().contains("7e"), "last bytes seen belong in the message: " + e.getMessage());
        }
    }

    /** Reads until {@code n} bytes came or the deadline passed; returns what came, so a short read fails the byte comparison. */
    static byte[] readExactly(SerialLink link, int n) {
        ByteArrayOutputStream got = new ByteArrayOutputStream(n);
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (got.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            int r = link.read(buffer, Duration.ofNanos(left));
            got.write(buffer, 0, Math.min(r, n - got.size()));
        }
        return got.toByteArray();
    }
}
