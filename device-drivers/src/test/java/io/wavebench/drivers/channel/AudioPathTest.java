package io.wavebench.drivers.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each part of the phone's and the reader's audio path does what its settings say. */
class AudioPathTest {

    private static final int RATE = 48_000;

    private static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    private static float[] run(PathStage stage, float[] in) {
        float[] out = in.clone();
        stage.process(out, 0, out.length);
        return out;
    }

    private static float[] white(int n, double rms, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * rms);
        return x;
    }

    // ---- the mixer's resampler

    @Test
    void the_mixer_passes_in_band_tones_within_a_tenth_of_a_db_and_removes_what_is_above_its_stopband() {
        AudioPath.Resampler android = AudioPath.Resampler.ANDROID_DEFAULT;
        for (double hz : new double[] {1_000, 10_000, 17_000}) {
            float[] out = run(new MixerResampler(android, RATE), Spectra.tone(hz, 0.1, RATE, RATE));
            double gain = db(Spectra.rms(out, RATE / 4, RATE) / 0.1);
            assertEquals(0, gain, 0.1, hz + " Hz through a 44.1 kHz mixer: " + gain + " dB");
        }
        // 23 kHz exists at 48 kHz but not at 44.1: the mixer's filter must take it away, not fold it down.
        float[] out = run(new MixerResampler(android, RATE), Spectra.tone(23_000, 0.1, RATE, RATE));
        double left = db(Spectra.rms(out, RATE / 4, RATE) / 0.1);
        assertTrue(left < -80, "23 kHz left at " + left + " dB");
        // Between the edges the filter rolls off: the top of the ultrasonic band loses level.
        float[] top = run(new MixerResampler(android, RATE), Spectra.tone(20_400, 0.1, RATE, RATE));
        double atTop = db(Spectra.rms(top, RATE / 4, RATE) / 0.1);
        assertTrue(atTop < -3 && atTop > -40, "20.4 kHz through AOSP's default resampler: " + atTop + " dB");
    }

    @Test
    void the_mixer_works_the_other_way_and_a_wider_filter_keeps_the_ultrasonic_band() {
        AudioPath.Resampler wide = new AudioPath.Resampler(48_000, 20_500, 22_050, 90);
        float[] out = run(new MixerResampler(wide, 44_100), Spectra.tone(20_400, 0.1, 44_100, 44_100));
        assertEquals(0, db(Spectra.rms(out, 44_100 / 4, 44_100) / 0.1), 0.1);
    }

    // ---- the speaker limiter

    @Test
    void with_look_ahead_no_sample_leaves_above_the_ceiling() {
        AudioPath.Limiter limiter = AudioPath.Limiter.ANDROID_DEFAULT;
        float[] in = white(RATE, 0.7, 3); // peaks to ≈3.5 FS
        float[] out = run(new SpeakerLimiter(limiter, RATE), in);
        double ceiling = Math.pow(10, limiter.ceilingDb() / 20);
        double peak = 0;
        for (float v : out) peak = Math.max(peak, Math.abs(v));
        assertTrue(peak <= ceiling * (1 + 1e-6), "peak " + peak + " over the ceiling " + ceiling);
        assertTrue(peak > ceiling * 0.9, "the limiter must not squash everything: peak " + peak);
        // Without look-ahead the same settings overshoot: the ceiling holds only with look-ahead.
        AudioPath.Limiter blind = new AudioPath.Limiter(-2, 10, -1, 1, 60, 0);
        double blindPeak = 0;
        for (float v : run(new SpeakerLimiter(blind, RATE), in)) blindPeak = Math.max(blindPeak, Math.abs(v));
        assertTrue(blindPeak > ceiling * 1.2, "without look-ahead: " + blindPeak);
    }

    @Test
    void the_limiter_compresses_above_its_threshold_by_its_ratio_and_releases_in_its_release_time() {
        AudioPath.Limiter limiter = new AudioPath.Limiter(-20, 4, -1, 1, 100, 1);
        int loud = RATE / 2;
        float[] in = new float[RATE];
        // A 1 kHz tone peaking at −4 dBFS (16 dB over the threshold: 12 dB of reduction at 4:1), then at −30 dBFS.
        for (int i = 0; i < in.length; i++) {
            double amplitude = i < loud ? Math.pow(10, -4 / 20.0) : Math.pow(10, -30 / 20.0);
            in[i] = (float) (amplitude * Math.sin(2 * Math.PI * 1000 * i / RATE));
        }
        float[] out = run(new SpeakerLimiter(limiter, RATE), in);
        int lookahead = RATE / 1000;
        double reductionLoud = -db(Spectra.rms(out, loud / 2 + lookahead, loud + lookahead - 480) / Spectra.rms(in, loud / 2, loud - 480));
        assertEquals(12, reductionLoud, 0.5, "16 dB over the threshold at 4:1");
        // After the loud part the gain comes back: 90 % of the 12 dB within the release time, not much sooner.
        int releaseSamples = (int) (0.1 * RATE);
        double atRelease = -db(gainAt(in, out, loud + releaseSamples, lookahead));
        double atHalf = -db(gainAt(in, out, loud + releaseSamples / 2, lookahead));
        assertTrue(atRelease <= 1.2 + 0.3 && atRelease >= 0.6, "reduction " + atRelease + " dB at the release time");
        assertTrue(atHalf > 3, "reduction " + atHalf + " dB at half the release time: released too fast");
    }

    /** Output over input around {@code at} (input delayed by the look-ahead), over a 1 kHz period. */
    private static double gainAt(float[] in, float[] out, int at, int lookahead) {
        return Spectra.rms(out, at + lookahead, at + lookahead + 48) / Spectra.rms(in, at, at + 48);
    }

    // ---- the Bluetooth speaker

    @Test
    void bluetooth_delays_by_exactly_its_latency_and_low_passes() {
        AudioPath.Bluetooth bt = new AudioPath.Bluetooth(16_000, 150);
        float[] impulse = new float[RATE / 2];
        impulse[100] = 1;
        float[] out = run(new BluetoothLink(bt, RATE), impulse);
        int peak = 0;
        for (int i = 0; i < out.length; i++) if (Math.abs(out[i]) > Math.abs(out[peak])) peak = i;
        assertEquals(100 + (int) (0.150 * RATE), peak);
        float[] pass = run(new BluetoothLink(bt, RATE), Spectra.tone(8_000, 0.1, RATE, RATE));
        assertEquals(0, db(Spectra.rms(pass, RATE / 2, RATE) / 0.1), 0.1);
        float[] stop = run(new BluetoothLink(bt, RATE), Spectra.tone(18_500, 0.1, RATE, RATE));
        assertTrue(db(Spectra.rms(stop, RATE / 2, RATE) / 0.1) < -55, "18.5 kHz through a 16 kHz Bluetooth low-pass");
    }

    // ---- the reader's AGC

    @Test
    void the_agc_pumps_a_burst_after_silence_and_settles_in_its_attack_time() {
        AudioPath.Agc agc = AudioPath.Agc.READER; // −18 dBFS, starts at +30 dB, attack 50 ms
        int silence = RATE / 2;
        float[] in = new float[silence + RATE];
        double rms = Math.pow(10, -24 / 20.0); // needs +6 dB
        float[] tone = Spectra.tone(1000, rms, RATE, RATE);
        System.arraycopy(tone, 0, in, silence, RATE);
        float[] out = run(new MicAgc(agc, RATE), in);
        int ms = RATE / 1000;
        double onset = db(Spectra.rms(out, silence, silence + 5 * ms));
        assertTrue(onset > agc.targetDbfs() + 15, "the first 5 ms of the burst come out at " + onset + " dBFS: not pumped");
        double atHalfAttack = db(Spectra.rms(out, silence + 24 * ms, silence + 26 * ms));
        assertTrue(atHalfAttack > agc.targetDbfs() + 3, "at half the attack time: " + atHalfAttack + " dBFS, settled too soon");
        // 90 % of the 24 dB step in 50 ms, plus the 10 ms detector's lag: within 3 dB by 70 ms.
        double settled = db(Spectra.rms(out, silence + 70 * ms, silence + 72 * ms));
        assertEquals(agc.targetDbfs(), settled, 3.0, "70 ms into the burst");
        assertEquals(agc.targetDbfs(), db(Spectra.rms(out, silence + RATE / 2, silence + RATE)), 0.3, "steady state");
    }

    // ---- the reader's noise suppressor

    @Test
    void the_suppressor_takes_stationary_noise_down_by_its_depth_and_passes_a_new_tone_until_it_settles() {
        AudioPath.NoiseSuppression ns = new AudioPath.NoiseSuppression(12, 400);
        float[] noise = white(3 * RATE, 0.01, 5);
        float[] out = run(new NoiseSuppressor(ns, RATE), noise);
        double attenuation = -db(Spectra.rms(out, 2 * RATE, 3 * RATE) / Spectra.rms(noise, 2 * RATE, 3 * RATE));
        assertEquals(12, attenuation, 1.5, "stationary white noise");

        // A tone 20 dB over the noise comes on after a second: new, so it passes; steady, so after
        // a few settling times it is noise and suppressed.
        float[] in = white(4 * RATE, 0.01, 6);
        float[] tone = Spectra.tone(1000, 0.1, 3 * RATE, RATE);
        for (int i = 0; i < tone.length; i++) in[RATE + i] += tone[i];
        float[] heard = run(new NoiseSuppressor(ns, RATE), in);
        int delay = 512;
        double early = db(Spectra.rms(heard, RATE + delay + RATE / 20, RATE + delay + RATE / 10) / 0.1);
        assertEquals(0, early, 1.0, "the tone's first 100 ms");
        double late = db(Spectra.rms(heard, 3 * RATE, 4 * RATE) / 0.1);
        assertTrue(late < -9, "a tone steady for 2 s (5 settling times) is noise: " + late + " dB");
    }

    // ---- the whole path in the channel

    @Test
    void the_channel_with_a_path_gives_the_same_samples_chunked_as_in_one_call() {
        float[] in = white(2 * RATE, 0.2, 9);
        for (AudioPath path : new AudioPath[] {AudioPath.preset(AudioPath.PHONE_TO_READER), AudioPath.preset(AudioPath.BLUETOOTH)}) {
            ChannelModel.Builder settings = ReferenceChannel.builder(NoiseKind.BABBLE, 10, 0.2, 1500, 9400, 4).path(path).clipAt(1);
            float[] whole = settings.build().process(in, 0, in.length);
            ChannelModel chunked = settings.build();
            float[] parts = new float[0];
            SplittableRandom cuts = new SplittableRandom(2);
            for (int at = 0; at < in.length; ) {
                int n = Math.min(in.length - at, 1 + cuts.nextInt(3000));
                float[] piece = chunked.process(in, at, n);
                float[] grown = java.util.Arrays.copyOf(parts, parts.length + piece.length);
                System.arraycopy(piece, 0, grown, parts.length, piece.length);
                parts = grown;
                at += n;
            }
            assertArrayEquals(whole, parts, path.describe());
            assertTrue(settings.build().describe().contains("mixer at 44100 Hz"), settings.build().describe());
        }
    }

    @Test
    void the_phone_limits_before_the_distance_gain_and_the_reader_clips_after_its_agc() {
        // A full-scale tone, 20 dB of distance: limited first, its 2 dB over the −2 dBFS threshold
        // become 0.2 dB at 10:1, so it arrives at −1.8 − 20 dB; limited after the gain it would
        // arrive at −20 dB, untouched.
        float[] in = Spectra.tone(1000, Math.sqrt(0.5), RATE / 2, RATE);
        AudioPath limiterOnly = AudioPath.EMPTY.withLimiter(AudioPath.Limiter.ANDROID_DEFAULT);
        float[] out = ChannelModel.builder().path(limiterOnly).gainDb(-20).build().process(in, 0, in.length);
        double peak = 0;
        for (float v : out) peak = Math.max(peak, Math.abs(v));
        assertEquals(-21.8, db(peak), 0.05);
        // The AGC's +30 dB after silence drives a quiet burst into the ADC, which clips last.
        float[] burst = new float[RATE];
        float[] tone = Spectra.tone(1000, 0.05, RATE / 2, RATE);
        System.arraycopy(tone, 0, burst, RATE / 2, tone.length);
        float[] heard = ChannelModel.builder().path(AudioPath.EMPTY.withAgc(AudioPath.Agc.READER)).clipAt(0.5).build().process(burst, 0, burst.length);
        double loudest = 0;
        int clipped = 0;
        for (float v : heard) {
            loudest = Math.max(loudest, Math.abs(v));
            if (Math.abs(v) >= 0.5f) clipped++;
        }
        assertEquals(0.5, loudest, 1e-6);
        assertTrue(clipped > 100, "the pumped onset clips: " + clipped + " samples at the clip level");
    }

    @Test
    void a_bad_setting_names_its_key() {
        AudioPath.BadSetting e = assertThrows(AudioPath.BadSetting.class, () -> new AudioPath.Limiter(-2, 0.5, -1, 1, 60, 1));
        assertEquals("ratio", e.key());
        assertTrue(e.problem().contains("got 0.5"), e.problem());
        assertThrows(IllegalArgumentException.class, () -> AudioPath.preset("car"));
    }
}
