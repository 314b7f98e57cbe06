package io.wavebench.simulators.reader;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.simulators.token.Ed25519;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader process's command line: what it runs with, and a named error for what it cannot. */
class ReaderMainTest {

    private static final byte[] RAW = Ed25519.rawPublicKey(key(1).getPublic());
    private static final String HEX = HexFormat.of().formatHex(RAW);

    @TempDir
    Path dir;

    @Test
    void the_issuer_key_comes_as_hex_or_as_a_file_of_hex_or_raw_bytes() throws Exception {
        Path hexFile = Files.writeString(dir.resolve("issuer.hex"), HEX + "\n");
        Path rawFile = Files.write(dir.resolve("issuer.bin"), RAW);
        ReaderMain.Options o = ReaderMain.parse(new String[] {"--mdb", "/dev/pts/9", "--microphone", "unix:/tmp/air.sock", "--journal", "j.db",
            "--issuer-key", "1:" + HEX, "--issuer-key", "2:" + hexFile, "--issuer-key", "3:" + rawFile, "--profile", "fast", "--session-timeout", "500ms"});
        for (int id = 1; id <= 3; id++) assertArrayEquals(RAW, Ed25519.rawPublicKey(o.issuerKeys().get(id)), "key " + id);
        assertEquals(ModemProfile.FAST, o.profile());
        assertEquals(Duration.ofMillis(500), o.sessionTimeout());
        assertEquals("pty", o.transport());
        assertEquals("sim-reader-1", o.readerId());
    }

    @Test
    void what_the_reader_cannot_run_with_is_named() {
        String[] base = {"--mdb", "/dev/pts/9", "--microphone", "unix:/tmp/air.sock", "--journal", "j.db"};
        assertMessage("--issuer-key ID:HEX|ID:FILE is required", base);
        assertMessage("neither 64 hex digits nor a readable file", concat(base, "--issuer-key", "1:abc"));
        assertMessage("key id 300 is not a u8", concat(base, "--issuer-key", "300:" + HEX));
        assertMessage("wants ID:HEX or ID:FILE", concat(base, "--issuer-key", HEX));
        assertMessage("--transport must be pty or uart", concat(base, "--issuer-key", "1:" + HEX, "--transport", "usb"));
        assertMessage("unknown option --port", concat(base, "--port", "x"));
        assertMessage("--journal needs a value", new String[] {"--journal"});
        assertMessage("--mdb PATH is required", new String[] {"--microphone", "unix:/a", "--journal", "j", "--issuer-key", "1:" + HEX});
    }

    private static void assertMessage(String expected, String[] args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReaderMain.parse(args));
        assertTrue(e.getMessage().contains(expected), () -> "wanted '" + expected + "' in: " + e.getMessage());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
