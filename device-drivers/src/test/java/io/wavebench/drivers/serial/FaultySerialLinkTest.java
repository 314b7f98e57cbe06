package io.wavebench.drivers.serial;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each fault does to the bytes, and that a seed makes it reproducible. */
class FaultySerialLinkTest {

    private static final int N = 20_000;
    private InMemorySerialLink[] ends;
    private FaultySerialLink faulty;

    @BeforeEach
    void cable() {
        ends = InMemorySerialLink.pair("/dev/ttyUSB-test", "far");
        faulty = new FaultySerialLink(ends[0], 42);
        faulty.open(SerialSettings.MDB_PTY);
        ends[1].open(SerialSettings.MDB_PTY);
    }

    @AfterEach
    void close() {
        faulty.close();
        ends[1].close();
    }

    private byte[] sendAndCollect(SerialLink from, SerialLink to, int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) data[i] = (byte) i;
        from.write(data);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int r;
        while ((r = to.read(buf, Duration.ofMillis(50))) > 0) got.write(buf, 0, r);
        return got.toByteArray();
    }

    @Test
    void corrupts_about_the_stated_share_of_written_bytes_and_counts_them() {
        faulty.corrupt(0.01);
        byte[] got = sendAndCollect(faulty, ends[1], N);
        assertEquals(N, got.length);
        int differ = 0;
        for (int i = 0; i < N; i++) if (got[i] != (byte) i) differ++;
        assertEquals(faulty.counts().corrupted(), differ, "every corruption changes the byte");
        assertTrue(differ > 140 && differ < 260, "about 1 % of 20,000: " + differ);
    }

    @Test
    void drops_bytes_it_reads_too() {
        faulty.drop(0.05);
        byte[] got = sendAndCollect(ends[1], faulty, N);
        assertEquals(N - faulty.counts().dropped(), got.length);
        assertTrue(faulty.counts().dropped() > 800 && faulty.counts().dropped() < 1200, faulty.counts().toString());
    }

    @Test
    void the_same_seed_gives_the_same_faults() {
        faulty.corrupt(0.02).drop(0.01);
        byte[] first = sendAndCollect(faulty, ends[1], 5000);
        FaultySerialLink again = new FaultySerialLink(ends[0], 42).corrupt(0.02).drop(0.01);
        byte[] second = sendAndCollect(again, ends[1], 5000);
        assertArrayEquals(first, second);
    }

    @Test
    void without_faults_writes_pass_unchanged_and_are_counted() {
        byte[] got = sendAndCollect(faulty, ends[1], N);
        assertEquals(N, got.length);
        for (int i = 0; i < N; i++) assertEquals((byte) i, got[i], "byte " + i);
        faulty.write(new byte[0]);
        assertEquals(new FaultySerialLink.Counts(N, 0, 0), faulty.counts());
        faulty.corrupt(0.5).clean();
        assertArrayEquals(new byte[] {0, 1, 2, 3}, sendAndCollect(faulty, ends[1], 4), "after clean() nothing is disturbed");
    }

    @Test
    void delay_holds_a_write_back() {
        faulty.delay(Duration.ofMillis(30));
        long t0 = System.nanoTime();
        faulty.write(new byte[] {1});
        assertTrue(System.nanoTime() - t0 >= 29_000_000L);
        assertEquals(1, ends[1].read(new byte[4], Duration.ofMillis(100)));
    }

    @Test
    void unplug_fails_naming_the_port_and_replug_loses_what_came_meanwhile() {
        faulty.unplug();
        SerialLinkException e = assertThrows(SerialLinkException.class, () -> faulty.write(new byte[] {1}));
        assertTrue(e.getMessage().contains("/dev/ttyUSB-test") && e.getMessage().contains("unplugged"), e.getMessage());
        assertThrows(SerialLinkException.class, () -> faulty.read(new byte[4], Duration.ZERO));
        ends[1].write(new byte[] {9, 9, 9});
        faulty.replug();
        assertEquals(0, faulty.read(new byte[4], Duration.ofMillis(20)), "bytes sent while unplugged are gone");
        ends[1].write(new byte[] {7});
        byte[] one = new byte[4];
        assertEquals(1, faulty.read(one, Duration.ofMillis(100)));
        assertEquals(7, one[0]);
    }

    @Test
    void a_rate_outside_0_to_1_is_refused_naming_the_port() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> faulty.corrupt(1.5));
        assertTrue(e.getMessage().contains("/dev/ttyUSB-test"), e.getMessage());
    }
}
