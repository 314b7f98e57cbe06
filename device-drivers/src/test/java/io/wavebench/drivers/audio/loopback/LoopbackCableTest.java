package io.wavebench.drivers.audio.loopback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.audio.JavaSoundAudioIn;
import io.wavebench.drivers.audio.JavaSoundAudioOut;
import io.wavebench.drivers.audio.Pcm16;
import io.wavebench.drivers.audio.loopback.LoopbackCable.Mode;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is particular to the loopback cable: its clock, its bounds, its configuration. */
class LoopbackCableTest {

    private static final String MIXER = "wavebench loopback 2";
    private static final float RATE = 48_000f;
    private final LoopbackCable cable = LoopbackCables.cable(MIXER);

    @AfterEach
    void resetCable() {
        cable.mixer().close();
        cable.reset();
    }

    private float[] readSamples(JavaSoundAudioIn in, int count) {
        float[] all = new float[count];
        float[] buffer = new float[512];
        for (int got = 0; got < count; ) {
            int n = in.read(buffer);
            if (n < 0) throw new AssertionError("capture ended after " + got + " of " + count + " samples");
            int keep = Math.min(n, count - got);
            System.arraycopy(buffer, 0, all, got, keep);
            got += keep;
        }
        return all;
    }

    @Test
    void clocked_capture_delivers_silence_when_nothing_plays() {
        cable.mode(Mode.CLOCKED);
        try (JavaSoundAudioIn mic = new JavaSoundAudioIn(MIXER)) {
            mic.open();
            assertArrayEquals(new float[2_400], readSamples(mic, 2_400));
        }
    }

    @Test
    void clocked_silence_goes_through_the_channel_so_noise_is_heard_between_transmissions() {
        cable.mode(Mode.CLOCKED).channel((samples, offset, length) -> {
            float[] out = new float[length];
            for (int i = 0; i < length; i++) out[i] = samples[offset + i] + 0.25f; // a "noise" floor
            return out;
        });
        try (JavaSoundAudioIn mic = new JavaSoundAudioIn(MIXER)) {
            mic.open();
            float[] heard = readSamples(mic, 1_000);
            float[] floor = new float[1_000];
            Arrays.fill(floor, 0.25f);
            assertArrayEquals(floor, heard);
        }
    }

    @Test
    void clocked_cable_sums_two_speakers_like_the_air() throws Exception {
        cable.mode(Mode.CLOCKED);
        float[] a = new float[4_800];
        float[] b = new float[4_800];
        Arrays.fill(a, 0.25f);
        Arrays.fill(b, -0.0625f);
        // Speaker buffers that hold each 0.1 s sound whole: both land at once and overlap for most of
        // their length. The microphone is read only after both have played: its buffer holds it all.
        try (JavaSoundAudioIn mic = new JavaSoundAudioIn(MIXER, 48_000f, Duration.ofSeconds(2));
             JavaSoundAudioOut first = new JavaSoundAudioOut(MIXER, 48_000f, Duration.ofMillis(500));
             JavaSoundAudioOut second = new JavaSoundAudioOut(MIXER, 48_000f, Duration.ofMillis(500))) {
            mic.open();
            first.open();
            second.open();
            // Both writes land in their buffers within one clock block of each other; 0.1 s of
            // each overlaps for most of its length, however the threads are scheduled.
            CompletableFuture<Void> playing = CompletableFuture.runAsync(() -> first.play(a));
            second.play(b);
            playing.get(5, TimeUnit.SECONDS);
            float[] heard = readSamples(mic, 24_000);
            long mixed = 0;
            for (float x : heard) if (Math.abs(x - 0.1875f) < 1e-3) mixed++;
            assertTrue(mixed > 4_000, "samples carrying both speakers' sum (0.1875): " + mixed + " of 4800");
        }
    }

    @Test
    void clocked_time_advances_at_about_the_sample_rate() {
        // Loose on purpose (DESIGN §6: the benchmark decides, not a timed unit test): audio cannot
        // arrive much faster than real time, and must not crawl.
        cable.mode(Mode.CLOCKED);
        try (JavaSoundAudioIn mic = new JavaSoundAudioIn(MIXER); JavaSoundAudioOut speaker = new JavaSoundAudioOut(MIXER)) {
            mic.open();
            speaker.open();
            long start = System.nanoTime();
            readSamples(mic, (int) (RATE * 0.3));
            double readSeconds = (System.nanoTime() - start) / 1e9;
            assertTrue(readSeconds > 0.2 && readSeconds < 3, "0.3 s of capture took " + readSeconds + " s");

            start = System.nanoTime();
            speaker.play(new float[(int) (RATE * 0.3)]);
            double playSeconds = (System.nanoTime() - start) / 1e9;
            assertTrue(playSeconds > 0.2 && playSeconds < 3, "playing 0.3 s took " + playSeconds + " s");
        }
    }

    @Test
    void clock_runs_only_while_a_line_is_started() throws Exception {
        cable.mode(Mode.CLOCKED);
        assertFalse(cable.clockRunning());
        TargetDataLine line = (TargetDataLine) cable.mixer().getLine(new DataLine.Info(TargetDataLine.class, Pcm16.monoFormat(RATE)));
        line.open();
        assertFalse(cable.clockRunning(), "open but not started");
        line.start();
        assertTrue(cable.clockRunning());
        line.stop();
        assertFalse(cable.clockRunning());
        line.start();
        cable.mode(Mode.FAST);
        assertFalse(cable.clockRunning(), "FAST has no clock");
        cable.mode(Mode.CLOCKED);
        assertTrue(cable.clockRunning());
        line.close();
        assertFalse(cable.clockRunning());
    }

    @Test
    void clocked_write_blocks_when_the_speaker_buffer_is_full_and_drain_waits_for_the_clock() throws Exception {
        cable.mode(Mode.CLOCKED);
        SourceDataLine speaker = AudioSystem.getSourceDataLine(Pcm16.monoFormat(RATE), cable.mixer().getMixerInfo());
        speaker.open(Pcm16.monoFormat(RATE), 4_800); // 50 ms
        assertEquals(4_800, speaker.getBufferSize());
        assertEquals(4_800, speaker.available());
        byte[] tenth = new byte[9_600]; // 100 ms: more than fits
        CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> speaker.write(tenth, 0, tenth.length));
        assertThrowsTimeout(write, "write of 100 ms into a 50 ms buffer of a stopped line must block");
        speaker.start();
        assertEquals(9_600, write.get(3, TimeUnit.SECONDS));
        speaker.drain();
        assertEquals(4_800, speaker.available(), "drained: buffer empty");
        assertEquals(4_800, speaker.getLongFramePosition(), "every written frame was played");
        speaker.close();
    }

    @Test
    void capture_buffer_is_bounded_and_overrun_is_counted() throws Exception {
        cable.mode(Mode.FAST);
        TargetDataLine mic = AudioSystem.getTargetDataLine(Pcm16.monoFormat(RATE), cable.mixer().getMixerInfo());
        mic.open(Pcm16.monoFormat(RATE), 960); // 10 ms
        mic.start();
        SourceDataLine speaker = AudioSystem.getSourceDataLine(Pcm16.monoFormat(RATE), cable.mixer().getMixerInfo());
        speaker.open();
        speaker.start();
        byte[] pcm = Pcm16.encode(ramp(4_800));
        speaker.write(pcm, 0, pcm.length);

        assertEquals(960, mic.available(), "capture holds at most its buffer");
        assertEquals(4_800 - 480, cable.overrunFrames());
        assertEquals(4_800, mic.getLongFramePosition(), "position counts every frame the mic heard");
        byte[] newest = new byte[960];
        assertEquals(960, mic.read(newest, 0, newest.length));
        assertArrayEquals(Arrays.copyOfRange(pcm, pcm.length - 960, pcm.length), newest, "oldest audio was dropped");
        cable.reset();
        assertEquals(0, cable.overrunFrames());
    }

    @Test
    void fast_read_blocks_until_something_is_written() throws Exception {
        cable.mode(Mode.FAST);
        try (JavaSoundAudioIn mic = new JavaSoundAudioIn(MIXER); JavaSoundAudioOut speaker = new JavaSoundAudioOut(MIXER)) {
            mic.open();
            speaker.open();
            float[] buffer = new float[100];
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> mic.read(buffer));
            assertThrowsTimeout(read, "FAST read with nothing played must block");
            speaker.play(new float[] {0.5f, -0.5f});
            assertEquals(2, read.get(3, TimeUnit.SECONDS));
            assertEquals(0.5f, buffer[0]);
            assertEquals(-0.5f, buffer[1]);
        }
    }

    @Test
    void switching_to_fast_passes_what_waits_in_the_speaker_buffer() throws Exception {
        // A gate: silence vanishes, so the capture holds only what the speaker really played.
        cable.mode(Mode.CLOCKED).channel((samples, offset, length) -> {
            for (int i = 0; i < length; i++) {
                if (samples[offset + i] != 0) return Arrays.copyOfRange(samples, offset, offset + length);
            }
            return new float[0];
        });
        TargetDataLine mic = AudioSystem.getTargetDataLine(Pcm16.monoFormat(RATE), cable.mixer().getMixerInfo());
        mic.open();
        mic.start();
        SourceDataLine speaker = AudioSystem.getSourceDataLine(Pcm16.monoFormat(RATE), cable.mixer().getMixerInfo());
        speaker.open();
        byte[] pcm = Pcm16.encode(new float[] {0.25f, 0.5f});
        speaker.write(pcm, 0, pcm.length); // speaker not started: it waits in the buffer

        cable.mode(Mode.FAST);

        byte[] heard = new byte[4];
        assertEquals(4, mic.read(heard, 0, 4));
        assertArrayEquals(pcm, heard);
        assertEquals(2, speaker.getLongFramePosition());
    }

    /** Distinct exact 16-bit values, so any drop or reorder shows. */
    private static float[] ramp(int length) {
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) samples[i] = (i - length / 2) / 32768f;
        return samples;
    }

    private static void assertThrowsTimeout(CompletableFuture<?> future, String message) throws Exception {
        try {
            Object result = future.get(150, TimeUnit.MILLISECONDS);
            throw new AssertionError(message + ", but it returned " + result);
        } catch (TimeoutException expected) {
            // still blocked, as it should be
        }
    }
}
