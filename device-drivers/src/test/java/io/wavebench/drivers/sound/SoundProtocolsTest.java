package io.wavebench.drivers.sound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.drivers.modem.WavebenchSoundProtocol;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sound protocols as plug-ins (DESIGN §4): found with ServiceLoader, chosen by name, wavebench's own among them. */
class SoundProtocolsTest {

    @Test
    void wavebench_is_found_by_name_with_its_profiles_as_modes() {
        SoundProtocol p = SoundProtocols.named("WAVEBENCH");
        assertTrue(p instanceof WavebenchSoundProtocol);
        assertEquals(List.of("robust", "fast", "ultrasonic"), p.modes());
        assertEquals("robust", p.defaultMode());
        assertEquals(AcousticModem.maxPayloadBytes(), p.maxPayloadBytes("fast"));
    }

    @Test
    void an_unknown_protocol_or_mode_is_refused_naming_what_there_is() {
        IllegalArgumentException protocol = assertThrows(IllegalArgumentException.class, () -> SoundProtocols.named("morse"));
        assertTrue(protocol.getMessage().contains("'morse'") && protocol.getMessage().contains("wavebench")
                && protocol.getMessage().contains("META-INF/services/io.wavebench.drivers.sound.SoundProtocol"), protocol.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> SoundProtocols.named("wavebench").transmitter("loud", 48_000));
        assertTrue(mode.getMessage().contains("'loud'") && mode.getMessage().contains("robust, fast, ultrasonic"), mode.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> SoundProtocols.named("wavebench").transmitter("ultrasonic", 16_000));
    }

    @Test
    void through_the_plug_in_the_modem_sounds_and_hears_as_it_does_directly() {
        SoundProtocol p = SoundProtocols.named("wavebench");
        byte[] payload = "a token's bytes".getBytes(StandardCharsets.US_ASCII);
        SoundTransmitter tx = p.transmitter("fast", 48_000);
        float[] sound = tx.modulate(payload);
        assertArrayEquals(AcousticModem.of(ModemProfile.FAST, 48_000).modulate(payload), sound, "the same samples as the modem's own");
        assertEquals(48_000, tx.sampleRate());
        assertTrue(tx.band().lowHz() < 1000 && tx.band().highHz() > 12_000, tx.band().toString());

        List<Heard> heard = new ArrayList<>();
        SoundReceiver rx = p.receiver(List.of("robust", "fast"), 48_000, heard::add);
        int silence = 12_345;
        float[] capture = new float[silence + sound.length + 24_000];
        System.arraycopy(sound, 0, capture, silence, sound.length);
        for (int i = 0; i < capture.length; i += 1000) rx.accept(capture, i, Math.min(1000, capture.length - i));

        assertEquals(1, heard.size(), "one message, heard by the fast receiver only: " + heard);
        Heard h = heard.get(0);
        assertEquals("wavebench", h.protocol());
        assertEquals("fast", h.mode());
        assertArrayEquals(payload, h.payload());
        assertTrue(Math.abs(h.startSample() - silence) < 200, "found where it was put: " + h.startSample());
        assertEquals(capture.length, rx.samplesFed());
    }

    @Test
    void a_mode_whose_band_a_sample_rate_cannot_carry_is_named_with_the_reason() {
        SoundProtocol wavebench = SoundProtocols.named("wavebench");
        assertEquals(Optional.empty(), wavebench.unsupportedAt("robust", 48_000));
        assertTrue(wavebench.unsupportedAt("ultrasonic", 32_000).orElseThrow().contains("cannot carry"),
                () -> wavebench.unsupportedAt("ultrasonic", 32_000).toString());
        SoundProtocol ggwave = SoundProtocols.named("ggwave");
        assertEquals(Optional.empty(), ggwave.unsupportedAt("audible-fast", 22_050));
        assertEquals(Optional.of("ggwave [U] Fast reaches 19453 Hz, beyond what 22050.0 Hz sampling carries"), ggwave.unsupportedAt("ultrasound-fast", 22_050));
    }

    @Test
    void positions_keep_counting_across_a_reset() {
        List<Heard> heard = new ArrayList<>();
        SoundReceiver rx = SoundProtocols.named("wavebench").receiver(List.of("fast"), 48_000, heard::add);
        rx.accept(new float[48_000]);
        rx.reset();
        float[] sound = SoundProtocols.named("wavebench").transmitter("fast", 48_000).modulate(new byte[] {42});
        rx.accept(sound);
        rx.accept(new float[24_000]);
        assertEquals(1, heard.size());
        assertTrue(Math.abs(heard.get(0).startSample() - 48_000) < 200, "on the receiver's one clock: " + heard.get(0).startSample());
    }

    /** A team's protocol arrives as a jar on the class path with one line in META-INF/services: nothing else to register. */
    @Test
    void a_teams_protocol_is_found_from_one_line_in_its_jar(@TempDir Path dir) throws Exception {
        assertFalse(SoundProtocols.all().containsKey("tone-keying"), "not there before the team's jar is");
        Path jar = dir.resolve("acme-sound.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + SoundProtocol.class.getName()));
            out.write((ToneKeyingProtocol.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader withJar = new URLClassLoader(new URL[] {jar.toUri().toURL()}, SoundProtocolsTest.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(withJar);
            SoundProtocol team = SoundProtocols.named("tone-keying");
            assertEquals(List.of("slow"), team.modes());
            assertEquals(48_000 / 100 * 9, team.transmitter("slow", 48_000).modulate(new byte[] {1}).length);
            assertTrue(SoundProtocols.described().stream().anyMatch(l -> l.startsWith("tone-keying (slow)")), SoundProtocols.described().toString());
            assertTrue(SoundProtocols.all().containsKey("wavebench"), "wavebench's own stays");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }
}
