package io.wavebench.drivers.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one resampler: a whole recording from one rate to another keeps its tone and its length. */
class FractionalResamplerTest {

    @Test
    void a_tone_made_at_48_khz_is_the_same_tone_at_44_1_khz() {
        float[] at48 = new float[48_000];
        for (int i = 0; i < at48.length; i++) at48[i] = (float) (0.5 * Math.sin(2 * Math.PI * 18_000 * i / 48_000.0));
        float[] at44 = FractionalResampler.resample(at48, 48_000, 44_100);
        assertEquals((int) Math.floor((at48.length - 1) / (48_000 / 44_100.0)) + 1, at44.length);
        // Away from the edges (the sinc's reach), sample n is the tone at n / 44.1 kHz.
        double worst = 0;
        for (int n = 100; n < at44.length - 100; n++) {
            worst = Math.max(worst, Math.abs(at44[n] - 0.5 * Math.sin(2 * Math.PI * 18_000 * n / 44_100.0)));
        }
        assertEquals(0, worst, 0.01, "an ultrasonic-band tone keeps its level and phase");
    }

    @Test
    void cutting_the_input_into_calls_changes_nothing() {
        float[] in = new float[10_000];
        for (int i = 0; i < in.length; i++) in[i] = (float) Math.sin(i * 0.1);
        float[] whole = new FractionalResampler(1.0002).process(in, 0, in.length);
        FractionalResampler cut = new FractionalResampler(1.0002);
        float[] a = cut.process(in, 0, 3_333);
        float[] b = cut.process(in, 3_333, in.length - 3_333);
        assertEquals(whole.length, a.length + b.length);
        for (int i = 0; i < whole.length; i++) assertEquals(whole[i], i < a.length ? a[i] : b[i - a.length], "sample " + i);
    }
}
