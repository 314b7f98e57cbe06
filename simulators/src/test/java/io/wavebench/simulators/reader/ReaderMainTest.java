package io.wavebench.simulators.reader;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.simulators.token.Ed25519;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        assertEquals(ReaderPolicy.READER_ID, o.readerId());
    }

    @Test
    void what_the_reader_cannot_run_with_is_named() {
        String[] base = {"--mdb", "/dev/pts/9", "--microphone", "unix:/tmp/air.sock", "--journal", "j.db"};
        assertMessage("--issuer-key ID:HEX|ID:FILE is required", base);
        assertMessage("neither 64 hex digits nor a readable file", concat(base, "--issuer-key", "1:abc"));
        assertMessage("key id 300 is not a u8", concat(base, "--issuer-key", "300:" + HEX));
        assertMessage("wants ID:HEX or ID:FILE", concat(base, "--issuer-key", HEX));
        assertMessage("--transport must be pty or uart", concat(base, "--issuer-key", "1:" + HEX, "--transport", "usb"));
        assertMessage("Unknown options: '--port', 'x'", concat(base, "--port", "x"));
        assertMessage("Missing required parameter for option '--journal'", new String[] {"--journal"});
        assertMessage("--mdb PATH is required", new String[] {"--microphone", "unix:/a", "--journal", "j", "--issuer-key", "1:" + HEX});
    }

    @Test
    void a_provisioning_file_gives_id_keys_backend_kiosk_and_clock_and_the_command_line_wins_over_it() throws Exception {
        Path file = dir.resolve("reader.json");
        new Provisioning(Provisioning.FORMAT, "bench-reader-7", URI.create("http://127.0.0.1:18080"),
                List.of(Provisioning.Key.of(4, key(1).getPublic())), Provisioning.Key.of(2, key(63).getPublic()),
                new Provisioning.Kiosk("kiosk-9", 7, "CINEMA 7"), new Provisioning.ClockCheck(90, 45)).write(file);
        ReaderMain.Options o = ReaderMain.parse(new String[] {"--mdb", "/dev/pts/9", "--microphone", "unix:/tmp/air.sock", "--state", dir.toString(),
            "--provision", file.toString(), "--profiles", "robust,ultrasonic,robust", "--printer", "/dev/pts/11", "--camera", "x11:0@640x480+10+20",
            "--cinema-name", "CINEMA SEVEN", "--sync-every", "500ms"});
        assertEquals("bench-reader-7", o.readerId());
        assertEquals(dir.resolve(ReaderMain.JOURNAL_FILE), o.journal(), "--state DIR keeps the journal at DIR/journal.sqlite");
        assertArrayEquals(RAW, Ed25519.rawPublicKey(o.issuerKeys().get(4)));
        assertEquals(URI.create("http://127.0.0.1:18080/"), o.backend());
        assertEquals(List.of(ModemProfile.ROBUST, ModemProfile.ULTRASONIC), o.profiles(), "each profile once, in the order given");
        assertEquals(Duration.ofSeconds(90), o.skewAllowance());
        assertEquals(Duration.ofSeconds(45), o.tokenFreshness());
        assertEquals("kiosk-9", o.kiosk().kioskId());
        assertEquals("CINEMA SEVEN", o.kiosk().cinemaName(), "the command line wins over the file");
        assertArrayEquals(Ed25519.rawPublicKey(key(63).getPublic()), Ed25519.rawPublicKey(o.kiosk().ticketingKeys().get(2)));
        assertEquals(Duration.ofMillis(500), o.syncEvery());
        assertEquals(TwoWay.OFF, o.twoWay());
        assertEquals(Duration.ofMillis(80), o.lineBuffer(), "audio lines open with 80 ms buffers unless told");
    }

    @Test
    void the_microphone_hears_wavebench_unless_another_sound_protocol_is_named_and_then_its_modes() {
        String[] base = {"--mdb", "/dev/pts/9", "--microphone", "unix:/tmp/air.sock", "--journal", "j.db", "--issuer-key", "1:" + HEX};
        assertEquals("wavebench robust", ReaderMain.parse(base).listening().toString());
        assertEquals("wavebench fast+ultrasonic", ReaderMain.parse(concat(base, "--profiles", "fast,ultrasonic")).listening().toString());
        assertEquals("ggwave audible-fast", ReaderMain.parse(concat(base, "--protocol", "ggwave")).listening().toString(), "its default mode");
        assertEquals("ggwave audible-fastest+ultrasound-fast",
                ReaderMain.parse(concat(base, "--protocol", "ggwave", "--profiles", "audible-fastest,ultrasound-fast")).listening().toString());
        assertMessage("no sound protocol 'chirp' on the class path; known: wavebench, ggwave", concat(base, "--protocol", "chirp"));
        assertMessage("sound protocol 'ggwave' has no mode 'robust'", concat(base, "--protocol", "ggwave", "--profile", "robust"));
        assertMessage("--protocol ggwave is heard one way only", concat(base, "--protocol", "ggwave", "--speaker", "default"));
    }

    @Test
    void what_the_whole_reader_cannot_run_with_is_named() {
        String[] base = {"--mdb", "/dev/pts/9", "--microphone", "unix:/tmp/air.sock", "--issuer-key", "1:" + HEX};
        assertMessage("give --journal FILE or --state DIR, not both", concat(base, "--journal", "j.db", "--state", "s"));
        assertMessage("--two-way require needs --speaker MIXER", concat(base, "--state", "s", "--two-way", "require"));
        assertMessage("two-way mode must be off, offer or require", concat(base, "--state", "s", "--two-way", "always"));
        assertMessage("--camera must be x11[:SCREEN][@WxH+X+Y] (an X display's pixels) or none", concat(base, "--state", "s", "--camera", "usb0"));
        assertMessage("region '640x480' is not WxH+X+Y", concat(base, "--state", "s", "--camera", "x11@640x480"));
        assertMessage("--printer needs --kiosk-id ID", concat(base, "--state", "s", "--printer", "/dev/pts/3", "--camera", "x11"));
        assertMessage("--printer needs --ticketing-key", concat(base, "--state", "s", "--printer", "/dev/pts/3", "--camera", "x11", "--kiosk-id", "k",
                "--cinema-id", "7", "--cinema-name", "C"));
        assertMessage("--printer needs --camera", new String[] {"--printer", "/dev/pts/3", "--kiosk-id", "k", "--cinema-id", "7", "--cinema-name", "C",
                "--ticketing-key", "1:" + HEX});
        assertMessage("--microphone with no --mdb", new String[] {"--printer", "/dev/pts/3", "--microphone", "m", "--camera", "x11", "--kiosk-id", "k",
                "--cinema-id", "7", "--cinema-name", "C", "--ticketing-key", "1:" + HEX});
        assertMessage("unknown modem profile", concat(base, "--state", "s", "--profiles", "robust,loud"));
    }

    /** As a bench sees it: a command line the reader cannot run with exits 2, saying why and how it is used. */
    @Test
    void a_command_line_it_cannot_run_with_exits_2_with_the_reason_and_the_usage() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> args : List.of(List.of("--mdb", "/dev/pts/9", "--bogus", "x"),
                List.of("--mdb", "/dev/pts/9", "--microphone", "unix:/tmp/air.sock", "--journal", "j.db"),
                List.of("--printer", "/dev/pts/3", "--commands", "sometimes"))) {
            List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"), ReaderMain.class.getName()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ReaderMain " + args + " did not exit");
            assertEquals(2, p.exitValue(), "exit code of ReaderMain " + args + "; stderr: " + err);
            assertTrue(err.contains("Usage: ReaderMain") && err.contains("--issuer-key=ID:KEY"), err);
        }
    }

    private static void assertMessage(String expected, String[] args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReaderMain.parse(args));
        assertTrue(e.getMessage().contains(expected), () -> "wanted '" + expected + "' in: " + e.getMessage());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
