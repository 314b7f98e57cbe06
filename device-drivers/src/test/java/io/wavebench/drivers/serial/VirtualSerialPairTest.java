package io.wavebench.drivers.serial;

import static io.wavebench.drivers.serial.SerialLinkContractTest.SETTINGS;
import static io.wavebench.drivers.serial.SerialLinkContractTest.readExactly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the pair promises beyond the link contract: real ttys, a registry, a clean close, one-sided unplug. */
class VirtualSerialPairTest {

    @Test
    void both_ends_are_real_ttys_that_open_by_path() {
        try (VirtualSerialPair pair = VirtualSerialPair.open("tty-check")) {
            assertTrue(pair.pathA().startsWith("/dev/pts/") && Files.exists(Path.of(pair.pathA())), pair.pathA());
            assertTrue(pair.pathB().startsWith("/dev/pts/") && Files.exists(Path.of(pair.pathB())), pair.pathB());
            assertFalse(pair.pathA().equals(pair.pathB()));
        }
    }

    @Test
    void open_pairs_are_listed_until_closed_and_shown_as_virtual_ports() {
        VirtualSerialPair pair = VirtualSerialPair.open("registry-check");
        try {
            assertTrue(VirtualSerialPair.openPairs().contains(pair));
            List<SerialPorts.Port> ports = SerialPorts.list();
            assertTrue(ports.contains(new SerialPorts.Port(pair.pathA(),
                    "virtual pair registry-check, end A (peer " + pair.pathB() + ")", true)), ports.toString());
            assertTrue(ports.stream().anyMatch(p -> p.virtual() && p.path().equals(pair.pathB())), ports.toString());
        } finally {
            pair.close();
        }
        assertFalse(VirtualSerialPair.openPairs().contains(pair));
        assertTrue(SerialPorts.list().stream().noneMatch(p -> p.path().equals(pair.pathA())));
    }

    @Test
    void close_stops_the_relay_and_reader_threads() {
        VirtualSerialPair pair = VirtualSerialPair.open("thread-check");
        JSerialCommLink a = new JSerialCommLink(pair.pathA());
        JSerialCommLink b = new JSerialCommLink(pair.pathB());
        a.open(SETTINGS);
        b.open(SETTINGS);
        a.write(new byte[] {1});
        assertArrayEquals(new byte[] {1}, readExactly(b, 1));
        assertTrue(threadAlive("vserial-relay thread-check"));
        assertTrue(threadAlive("serial-rx " + pair.pathA()));
        a.close();
        b.close();
        pair.close();
        assertFalse(threadAlive("vserial-relay thread-check"), "relay thread left running");
        assertFalse(threadAlive("serial-rx " + pair.pathA()), "reader thread left running");
        assertFalse(threadAlive("serial-rx " + pair.pathB()), "reader thread left running");
    }

    @Test
    void a_link_reopens_after_close() {
        try (VirtualSerialPair pair = VirtualSerialPair.open("reopen-check")) {
            JSerialCommLink b = new JSerialCommLink(pair.pathB());
            b.open(SETTINGS);
            for (int round = 0; round < 3; round++) {
                try (JSerialCommLink a = new JSerialCommLink(pair.pathA())) {
                    a.open(SETTINGS);
                    a.write(new byte[] {(byte) round});
                    assertArrayEquals(new byte[] {(byte) round}, readExactly(b, 1), "round " + round);
                }
            }
            b.close();
        }
    }

    @Test
    void unplugging_one_end_leaves_the_other_end_silent_but_open() {
        try (VirtualSerialPair pair = VirtualSerialPair.open("one-sided-unplug");
                JSerialCommLink a = new JSerialCommLink(pair.pathA());
                JSerialCommLink b = new JSerialCommLink(pair.pathB())) {
            a.open(SETTINGS);
            b.open(SETTINGS);
            pair.unplug(VirtualSerialPair.End.A);
            assertThrows(SerialLinkException.class, () -> a.read(new byte[1], Duration.ofSeconds(5)));
            assertTrue(a.isUnplugged());
            b.write(new byte[] {0x55}); // the device on the far side cannot tell: its bytes go nowhere
            assertEquals(0, b.read(new byte[1], Duration.ofMillis(50)));
            assertTrue(b.isOpen());
        }
    }

    @Test
    void closing_the_pair_under_an_open_link_reports_it_unplugged() {
        VirtualSerialPair pair = VirtualSerialPair.open("pulled-under");
        try (JSerialCommLink a = new JSerialCommLink(pair.pathA())) {
            a.open(SETTINGS);
            pair.close();
            SerialLinkException e = assertThrows(SerialLinkException.class, () -> a.read(new byte[1], Duration.ofSeconds(5)));
            assertTrue(e.getMessage().startsWith(pair.pathA() + ": device unplugged"), e.getMessage());
        }
    }

    @Test
    void opening_a_missing_port_names_the_port() {
        // Not a closed pair's path: another build on this machine may already have that pty number.
        JSerialCommLink missing = new JSerialCommLink("/dev/pts/wavebench-no-such-port");
        SerialLinkException e = assertThrows(SerialLinkException.class, () -> missing.open(SETTINGS));
        assertEquals("/dev/pts/wavebench-no-such-port", e.port());
        assertTrue(e.getMessage().contains("no such port"), e.getMessage());
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
