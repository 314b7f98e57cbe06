package io.wavebench.drivers.audio.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.audio.AudioLinkException;
import io.wavebench.drivers.audio.JavaSoundAudioIn;
import io.wavebench.drivers.audio.JavaSoundAudioOut;
import io.wavebench.drivers.audio.loopback.LoopbackCable;
import io.wavebench.drivers.audio.loopback.LoopbackCables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirShareTest {

    private static final String MIXER = "wavebench loopback 4";
    private final LoopbackCable cable = LoopbackCables.cable(MIXER);

    @TempDir
    Path dir;

    @AfterEach
    void resetCable() {
        cable.reset();
    }

    @Test
    void another_process_hears_exactly_what_is_played_into_the_air_and_a_restarted_listener_hears_again() {
        cable.mode(LoopbackCable.Mode.FAST);
        // Multiples of 1/32768: the 16-bit PCM on the wire carries them exactly.
        float[] sound = new float[4_800];
        for (int i = 0; i < sound.length; i++) sound[i] = Math.round(8_000 * Math.sin(i * 0.05)) / 32768f;
        Path socket = dir.resolve("air.sock");
        try (AirShare share = AirShare.start(fastCableMicrophone(), socket);
             JavaSoundAudioOut phone = new JavaSoundAudioOut(MIXER)) {
            phone.open();
            try (SocketAudioIn reader = new SocketAudioIn(socket)) {
                reader.open();
                assertEquals(48_000f, reader.format().getSampleRate());
                within(Duration.ofSeconds(5), () -> share.listeners() == 1);
                phone.play(sound);
                assertArrayEquals(sound, readExactly(reader, sound.length));
            }
            // The first listener is gone (as a killed reader would be); a new one hears the next sound.
            try (SocketAudioIn restarted = SocketAudioIn.named("unix:" + socket)) {
                restarted.open();
                // The first listener may still be counted until a write to it fails: wait for the new one itself.
                within(Duration.ofSeconds(5), () -> share.listenersAccepted() == 2);
                phone.play(sound);
                within(Duration.ofSeconds(5), () -> share.listeners() == 1);
                assertArrayEquals(sound, readExactly(restarted, sound.length));
            }
        }
    }

    @Test
    void reads_of_changing_sizes_hear_the_same_samples() {
        // SocketAudioIn reuses its byte buffer and grows it when a caller's buffer is larger.
        cable.mode(LoopbackCable.Mode.FAST);
        float[] sound = new float[4_800];
        for (int i = 0; i < sound.length; i++) sound[i] = Math.round(6_000 * Math.sin(i * 0.03)) / 32768f;
        Path socket = dir.resolve("air-sizes.sock");
        try (AirShare share = AirShare.start(fastCableMicrophone(), socket);
             JavaSoundAudioOut phone = new JavaSoundAudioOut(MIXER);
             SocketAudioIn reader = new SocketAudioIn(socket)) {
            phone.open();
            reader.open();
            within(Duration.ofSeconds(5), () -> share.listeners() == 1);
            phone.play(sound);
            float[] all = new float[sound.length];
            int[] sizes = {1, 333, 7, 1_000, 2, 4_096};
            for (int got = 0, i = 0; got < all.length; i++) {
                float[] block = new float[sizes[i % sizes.length]];
                int n = reader.read(block);
                if (n < 0) throw new AssertionError("ended after " + got);
                int keep = Math.min(n, all.length - got);
                System.arraycopy(block, 0, all, got, keep);
                got += keep;
            }
            assertArrayEquals(sound, all);
        }
    }

    @Test
    void no_share_at_the_path_is_a_named_error() {
        Path socket = dir.resolve("nobody.sock");
        AudioLinkException e = assertThrows(AudioLinkException.class, () -> new SocketAudioIn(socket).open());
        assertTrue(e.getMessage().contains("unix:" + socket) && e.getMessage().contains("air share"), e.getMessage());
    }

    /**
     * A FAST cable has no clock: a whole sound reaches the microphone at once, so its buffer must
     * hold one (a bench microphone's 80 ms would drop most of it).
     */
    private static JavaSoundAudioIn fastCableMicrophone() {
        return new JavaSoundAudioIn(MIXER, 48_000f, Duration.ofSeconds(5));
    }

    private static float[] readExactly(SocketAudioIn in, int count) {
        float[] all = new float[count];
        float[] block = new float[333];
        for (int got = 0; got < count; ) {
            int n = in.read(block);
            if (n < 0) throw new AssertionError("ended after " + got);
            int keep = Math.min(n, count - got);
            System.arraycopy(block, 0, all, got, keep);
            got += keep;
        }
        return all;
    }

    /** Polls {@code condition} every few milliseconds (sleeping, not spinning a core) until it holds or {@code limit} passes. */
    private static void within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) throw new AssertionError("not within " + limit);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
