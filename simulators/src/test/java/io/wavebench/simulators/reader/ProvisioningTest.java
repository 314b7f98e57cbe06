package io.wavebench.simulators.reader;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.token.Ed25519;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioning file's format, pinned by a known-answer file (STYLE: a one-sided change breaks
 * it): what {@link Provisioning#write} writes for these keys is that file byte for byte, and
 * reading the file gives the same provisioning back.
 */
class ProvisioningTest {

    private static final Path KNOWN_ANSWER = Path.of("src/test/resources/io/wavebench/simulators/reader/provisioning-known-answer.json");

    @TempDir
    Path dir;

    private static Provisioning sample() {
        return new Provisioning(Provisioning.FORMAT, "bench-reader-1", URI.create("http://127.0.0.1:18080"),
                List.of(Provisioning.Key.of(1, key(1).getPublic())), Provisioning.Key.of(1, key(63).getPublic()),
                new Provisioning.Kiosk("kiosk-1", 7, "CINEMA 7"), new Provisioning.ClockCheck(120, 60));
    }

    @Test
    void the_file_is_the_known_answer_byte_for_byte_and_reads_back_the_same() throws Exception {
        Path written = dir.resolve("reader.json");
        sample().write(written);
        assertEquals(Files.readString(KNOWN_ANSWER), Files.readString(written), "the provisioning format changed: update the known answer only on purpose");
        Provisioning read = Provisioning.read(KNOWN_ANSWER);
        assertEquals(sample(), read);
        assertArrayEquals(Ed25519.rawPublicKey(key(1).getPublic()), Ed25519.rawPublicKey(read.issuerPublicKeys().get(1)));
        assertEquals(120, read.clock().skewAllowance().toSeconds());
    }

    @Test
    void a_file_of_another_format_or_with_a_bad_key_is_refused_by_name() throws Exception {
        String known = Files.readString(KNOWN_ANSWER);
        Path other = Files.writeString(dir.resolve("other.json"), known.replace("wavebench-provisioning/1", "wavebench-provisioning/9"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Provisioning.read(other));
        assertTrue(e.getMessage().contains("format must be 'wavebench-provisioning/1'"), e.getMessage());
        Path shortKey = Files.writeString(dir.resolve("short.json"), known.replaceFirst("\"publicKey\" : \"[0-9a-f]{8}", "\"publicKey\" : \""));
        e = assertThrows(IllegalArgumentException.class, () -> Provisioning.read(shortKey));
        assertTrue(e.getMessage().contains("must be 64 lower-case hex digits"), e.getMessage());
    }
}
