package io.wavebench.drivers.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.audio.loopback.LoopbackCable;
import io.wavebench.drivers.audio.loopback.LoopbackCables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

/** What each audio fault does to the samples, through a microphone and through a speaker, and that a seed makes it reproducible. */
class FaultyAudioTest {

    private static final float RATE = 48_000f;
    private static final int N = 48_000; // one second

    /** A microphone that hands out a fixed recording in reads of {@code chunk} samples, then ends. */
    private static class Recording implements AudioIn {
        private final float[] samples;
        private final int chunk;
        private int at;
        private boolean closed;

        Recording(float[] samples, int chunk) {
            this.samples = samples;
            this.chunk = chunk;
        }

        @Override public String mixerName() { return "test recording"; }
        @Override public AudioFormat format() { return Pcm16.monoFormat(RATE); }
        @Override public void open() {}

        @Override
        public int read(float[] buffer) {
            if (closed || at >= samples.length) return -1;
            int n = Math.min(Math.min(chunk, buffer.length), samples.length - at);
            System.arraycopy(samples, at, buffer, 0, n);
            at += n;
            return n;
        }

        @Override public void close() { closed = true; }
    }

    /** A speaker that keeps what it is given. */
    private static final class Tape implements AudioOut {
        final List<float[]> played = new ArrayList<>();

        @Override public String mixerName() { return "test tape"; }
        @Override public AudioFormat format() { return Pcm16.monoFormat(RATE); }
        @Override public void open() {}
        @Override public void play(float[] samples) { played.add(samples); }
        @Override public void close() {}

        float[] all() {
            float[] out = new float[played.stream().mapToInt(p -> p.length).sum()];
            int at = 0;
            for (float[] p : played) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        }
    }

    private static float[] constant(float value, int n) {
        float[] s = new float[n];
        Arrays.fill(s, value);
        return s;
    }

    private static float[] ramp(int n) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = (i % 20_000 + 1) / 40_000f;
        return s;
    }

    private static float[] sine(double hz, float amplitude, int n) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        return s;
    }

    /** Everything the microphone gives, read in buffers of {@code buffer} samples. */
    private static float[] readAll(AudioIn in, int buffer) {
        float[] all = new float[0];
        float[] b = new float[buffer];
        for (int n; (n = in.read(b)) >= 0; ) {
            assertTrue(n > 0, "a read gives at least one sample");
            all = Arrays.copyOf(all, all.length + n);
            System.arraycopy(b, 0, all, all.length - n, n);
        }
        return all;
    }

    private static double rms(float[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += s[i] * s[i];
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void without_faults_the_microphone_reads_through_and_the_speaker_plays_the_callers_array() {
        float[] in = ramp(N);
        FaultyAudioIn mic = new FaultyAudioIn(new Recording(in, 1000), 1);
        assertArrayEquals(in, readAll(mic, 700));
        assertEquals(new AudioFaults.Counts(N, 0, 0, 0, 0), mic.faults().counts());

        Tape tape = new Tape();
        new FaultyAudioOut(tape, 1).play(in);
        assertSame(in, tape.played.get(0), "uncopied");
    }

    @Test
    void a_dropout_silences_exactly_the_stated_stretch_of_capture() {
        FaultyAudioIn mic = new FaultyAudioIn(new Recording(constant(0.5f, N), 480), 1);
        mic.faults().dropout(Duration.ofMillis(100), Duration.ofMillis(200));
        float[] heard = readAll(mic, 1024);
        assertEquals(N, heard.length, "a dropout keeps time");
        for (int i = 0; i < N; i++) {
            float want = i >= 4_800 && i < 14_400 ? 0f : 0.5f;
            if (heard[i] != want) throw new AssertionError("sample " + i + ": " + heard[i] + ", want " + want);
        }
        assertEquals(9_600, mic.faults().counts().silenced());
    }

    @Test
    void a_gap_loses_the_stated_samples_and_the_stream_closes_up() {
        float[] in = ramp(N);
        FaultyAudioIn mic = new FaultyAudioIn(new Recording(in, 480), 1);
        mic.faults().gap(Duration.ofMillis(100), Duration.ofMillis(50));
        float[] heard = readAll(mic, 100); // smaller than what a gap-spanning read gives back: the rest waits
        assertEquals(N - 2_400, heard.length);
        assertEquals(in[4_799], heard[4_799]);
        assertEquals(in[4_800 + 2_400], heard[4_800], "what follows the gap comes early");
        assertEquals(2_400, mic.faults().counts().removed());
    }

    @Test
    void a_gap_that_swallows_whole_reads_still_gives_each_read_a_sample() {
        FaultyAudioIn mic = new FaultyAudioIn(new Recording(ramp(N), 100), 1);
        mic.faults().gap(Duration.ofMillis(500));
        assertEquals(N - 24_000, readAll(mic, 100).length);
    }

    @Test
    void a_click_is_one_full_scale_sample_where_it_was_asked_for() {
        Tape tape = new Tape();
        FaultyAudioOut speaker = new FaultyAudioOut(tape, 3);
        speaker.faults().click(Duration.ofMillis(10));
        speaker.play(new float[N]);
        float[] played = tape.all();
        for (int i = 0; i < N; i++) assertEquals(i == 480 ? 1f : 0f, Math.abs(played[i]), "sample " + i);
        assertEquals(1, speaker.faults().counts().clicks());
    }

    @Test
    void clicks_at_a_rate_come_about_that_often() {
        FaultyAudioIn mic = new FaultyAudioIn(new Recording(new float[10 * N], 4800), 4);
        mic.faults().clicks(20);
        float[] heard = readAll(mic, 4800);
        long clicks = 0;
        for (float v : heard) if (Math.abs(v) == 1f) clicks++;
        assertEquals(mic.faults().counts().clicks(), clicks);
        assertTrue(clicks > 150 && clicks < 250, "about 200 in 10 s: " + clicks);
    }

    @Test
    void clipping_holds_the_signal_at_the_level() {
        FaultyAudioIn mic = new FaultyAudioIn(new Recording(sine(1000, 0.9f, N), 960), 1);
        mic.faults().clipAt(0.5);
        float[] heard = readAll(mic, 960);
        float max = 0;
        for (float v : heard) max = Math.max(max, Math.abs(v));
        assertEquals(0.5f, max);
        assertTrue(mic.faults().counts().clipped() > N / 2, mic.faults().counts().toString());
    }

    @Test
    void a_gain_step_changes_the_level_from_then_on() {
        Tape tape = new Tape();
        FaultyAudioOut speaker = new FaultyAudioOut(tape, 1);
        speaker.play(sine(1000, 0.5f, N));
        speaker.faults().gainDb(-20);
        speaker.play(sine(1000, 0.5f, N));
        float[] played = tape.all();
        assertEquals(0.1, rms(played, N, 2 * N) / rms(played, 0, N), 1e-4);
    }

    @Test
    void added_noise_has_the_stated_level_and_the_same_seed_gives_the_same_noise() {
        float[] first = noisy(7);
        assertEquals(0.01, rms(first, 0, N), 0.0005, "-40 dBFS RMS");
        assertArrayEquals(first, noisy(7));
        assertTrue(!Arrays.equals(first, noisy(8)), "another seed, other noise");
    }

    private static float[] noisy(long seed) {
        FaultyAudioIn mic = new FaultyAudioIn(new Recording(new float[N], 1000), seed);
        mic.faults().noiseDbfs(-40);
        return readAll(mic, 1000);
    }

    @Test
    void a_clock_offset_takes_its_share_of_the_samples_and_keeps_the_tone() {
        Tape tape = new Tape();
        FaultyAudioOut speaker = new FaultyAudioOut(tape, 1);
        speaker.faults().clockOffsetPpm(1000);
        speaker.play(sine(1000, 0.5f, 10 * N));
        float[] played = tape.all();
        // 1000 ppm: 480 samples fewer in 10 s (less the resampler's 16-sample latency, which is silence up front).
        assertEquals(10 * N - 480 - 16, played.length, 1);
        assertEquals(0.5 / Math.sqrt(2), rms(played, N, 9 * N), 0.005);
    }

    @Test
    void clean_cancels_what_was_set_and_what_was_scheduled() {
        FaultyAudioIn mic = new FaultyAudioIn(new Recording(constant(0.25f, N), 480), 1);
        mic.faults().dropout(Duration.ofMillis(500), Duration.ofMillis(100)).clipAt(0.1).gainDb(6).clean();
        assertArrayEquals(constant(0.25f, N), readAll(mic, 480));
    }

    @Test
    void a_bad_setting_is_refused_naming_the_device() {
        FaultyAudioIn mic = new FaultyAudioIn(new Recording(new float[1], 1), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mic.faults().clipAt(1.5));
        assertTrue(e.getMessage().contains("microphone 'test recording'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> mic.faults().dropout(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> mic.faults().noiseDbfs(3));
    }

    /** A capture blocks until sound comes: a fault set meanwhile is the one that sound meets. */
    @Test
    void a_fault_set_while_a_read_blocks_applies_to_what_that_read_brings() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch faultSet = new CountDownLatch(1);
        AudioIn blocking = new Recording(constant(0.5f, 480), 480) {
            @Override
            public int read(float[] buffer) {
                reading.countDown();
                try {
                    faultSet.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return super.read(buffer);
            }
        };
        FaultyAudioIn mic = new FaultyAudioIn(blocking, 1);
        CompletableFuture<float[]> heard = CompletableFuture.supplyAsync(() -> {
            float[] b = new float[480];
            int n = mic.read(b);
            return Arrays.copyOf(b, n);
        });
        reading.await();
        mic.faults().dropout(Duration.ofMillis(10));
        faultSet.countDown();
        assertArrayEquals(new float[480], heard.get(5, TimeUnit.SECONDS));
        assertEquals(480, mic.faults().counts().silenced());
    }

    @Test
    void close_ends_a_faulted_capture() {
        FaultyAudioIn mic = new FaultyAudioIn(new Recording(ramp(N), 480), 1);
        mic.faults().gap(Duration.ofMillis(5));
        float[] b = new float[100];
        assertTrue(mic.read(b) > 0);
        mic.close();
        assertEquals(-1, mic.read(b), "a closed faulted capture ends");
    }

    /** Over the javax.sound loopback cable: a speaker's dropout is silence on the air, exactly as long as asked. */
    @Test
    void a_speaker_dropout_reaches_a_javasound_microphone_as_silence() {
        String mixer = "wavebench loopback 1";
        LoopbackCable cable = LoopbackCables.cable(mixer);
        cable.reset();
        cable.mode(LoopbackCable.Mode.FAST);
        try (JavaSoundAudioIn raw = new JavaSoundAudioIn(mixer, RATE, Duration.ofSeconds(5));
             FaultyAudioOut speaker = new FaultyAudioOut(new JavaSoundAudioOut(mixer), 5)) {
            raw.open();
            Recorder mic = new Recorder(raw);
            speaker.open();
            float[] signal = Signals.random(9, 24_000);
            speaker.faults().dropout(Duration.ofMillis(100), Duration.ofMillis(100));
            speaker.play(signal);
            float[] heard = mic.awaitSamples(24_000, Duration.ofSeconds(5));
            float[] expected = signal.clone();
            Arrays.fill(expected, 4_800, 9_600, 0f);
            assertArrayEquals(expected, Arrays.copyOf(heard, 24_000));
        } finally {
            cable.reset();
        }
    }
}
