package io.wavebench.drivers.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChannelModelTest {

    private static final int RATE = 48_000;

    private static float[] tone(double hz, double rms, int samples) {
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) out[i] = (float) (rms * Math.sqrt(2) * Math.sin(2 * Math.PI * hz * i / RATE));
        return out;
    }

    private static double rms(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) e += (double) x[i] * x[i];
        return Math.sqrt(e / (to - from));
    }

    @Test
    void gain_is_applied() {
        float[] in = tone(1000, 0.3, RATE);
        float[] out = ChannelModel.builder().gainDb(-6).build().process(in, 0, in.length);
        assertEquals(in.length, out.length);
        for (int i = 0; i < in.length; i++) assertEquals(in[i] * Math.pow(10, -6 / 20.0), out[i], 1e-6);
    }

    @Test
    void measured_snr_is_the_stated_one() {
        double ref = 0.3;
        float[] in = tone(1000, ref, 5 * RATE);
        for (double snr : new double[] {0, 10, 20}) {
            ChannelModel channel = ChannelModel.builder().gainDb(-6).snrDb(snr, ref).seed(42).build();
            float[] out = channel.process(in, 0, in.length);
            float[] noise = new float[out.length];
            double gain = Math.pow(10, -6 / 20.0);
            for (int i = 0; i < out.length; i++) noise[i] = (float) (out[i] - gain * in[i]);
            double measured = 20 * Math.log10(ref * gain / rms(noise, 0, noise.length));
            assertEquals(snr, measured, 0.5, channel.describe());
        }
    }

    @Test
    void silence_gets_noise_too() {
        ChannelModel channel = ChannelModel.builder().snrDb(20, 0.3).build();
        float[] out = channel.process(new float[RATE], 0, RATE);
        assertEquals(0.03, rms(out, 0, out.length), 0.001);
    }

    @Test
    void chunked_processing_equals_one_shot() {
        float[] in = tone(3000, 0.2, 3 * RATE);
        ChannelModel.Builder settings = ChannelModel.builder().gainDb(-3).snrDb(15, 0.2).clockOffsetPpm(-173).seed(7);
        float[] whole = settings.build().process(in, 0, in.length);
        ChannelModel chunked = settings.build();
        float[] joined = new float[whole.length + 64];
        int produced = 0;
        SplittableRandom r = new SplittableRandom(3);
        for (int at = 0; at < in.length; ) {
            int n = Math.min(in.length - at, r.nextInt(1, 2000));
            float[] part = chunked.process(in, at, n);
            System.arraycopy(part, 0, joined, produced, part.length);
            produced += part.length;
            at += n;
        }
        assertEquals(whole.length, produced);
        assertArrayEquals(whole, Arrays.copyOf(joined, produced));
    }

    @Test
    void same_seed_same_noise_other_seed_other_noise() {
        float[] in = new float[1000];
        float[] a = ChannelModel.builder().snrDb(10, 0.3).seed(1).build().process(in, 0, in.length);
        float[] b = ChannelModel.builder().snrDb(10, 0.3).seed(1).build().process(in, 0, in.length);
        float[] c = ChannelModel.builder().snrDb(10, 0.3).seed(2).build().process(in, 0, in.length);
        assertArrayEquals(a, b);
        assertEquals(false, Arrays.equals(a, c));
    }

    @Test
    void a_tone_shifts_by_the_stated_ppm() {
        for (double ppm : new double[] {+200, -100}) {
            float[] in = tone(4000, 0.3, 10 * RATE);
            float[] out = ChannelModel.builder().clockOffsetPpm(ppm).build().process(in, 0, in.length);
            assertEquals(in.length / (1 + ppm * 1e-6), out.length, 20);
            double measured = frequency(out, 1000, out.length - 100);
            assertEquals(4000 * (1 + ppm * 1e-6), measured, 4000 * 5e-6, "at " + ppm + " ppm");
            // the interpolator keeps the level (Kaiser-windowed sinc, flat far past 4 kHz)
            assertEquals(0.3, rms(out, 1000, out.length - 100), 0.003);
        }
    }

    @Test
    void ultrasonic_tones_keep_their_level_through_the_resampler() {
        float[] in = tone(20_000, 0.3, RATE);
        float[] out = ChannelModel.builder().clockOffsetPpm(150).build().process(in, 0, in.length);
        assertEquals(0.3, rms(out, 1000, out.length - 100), 0.01);
    }

    @Test
    void describe_states_every_setting() {
        ChannelModel c = ChannelModel.builder().gainDb(-6).snrDb(20, 0.3).clockOffsetPpm(100).build();
        assertEquals("gain -6.0 dB, white noise at SNR 20.0 dB (ref rms 0.30), clock +100 ppm", c.describe());
        assertEquals("gain 0.0 dB, no noise, clock +0 ppm", ChannelModel.builder().build().describe());
    }

    /** Frequency from positive-going zero crossings, interpolated between samples. */
    private static double frequency(float[] x, int from, int to) {
        double first = -1, last = -1;
        int cycles = -1;
        for (int i = from; i < to - 1; i++) {
            if (x[i] <= 0 && x[i + 1] > 0) {
                double t = i + x[i] / (double) (x[i] - x[i + 1]);
                if (first < 0) first = t;
                last = t;
                cycles++;
            }
        }
        return cycles * RATE / (last - first);
    }
}
