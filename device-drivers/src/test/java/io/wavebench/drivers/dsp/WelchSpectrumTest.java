package io.wavebench.drivers.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Band shares from the Welch estimate against sounds whose spectrum is known. */
class WelchSpectrumTest {

    private static final int RATE = 48_000;

    @Test
    void a_tone_lies_in_its_band() {
        float[] tone = new float[RATE];
        for (int i = 0; i < tone.length; i++) tone[i] = (float) Math.sin(2 * Math.PI * 3000 * i / RATE);
        WelchSpectrum spectrum = WelchSpectrum.of(tone, RATE, 4096);
        assertTrue(spectrum.share(2900, 3100) > 0.999, "share around 3 kHz: " + spectrum.share(2900, 3100));
        assertTrue(spectrum.share(4000, 24_000) < 1e-4, "share above 4 kHz: " + spectrum.share(4000, 24_000));
    }

    @Test
    void white_noise_shares_by_bandwidth() {
        Random random = new Random(9);
        float[] noise = new float[4 * RATE];
        for (int i = 0; i < noise.length; i++) noise[i] = (float) random.nextGaussian();
        WelchSpectrum spectrum = WelchSpectrum.of(noise, RATE, 4096);
        assertEquals(0.25, spectrum.share(0, 6000), 0.01);
        assertEquals(0.5, spectrum.share(6000, 18_000), 0.01);
        assertEquals(1, spectrum.share(0, RATE / 2.0), 1e-12, "the whole band, DC and Nyquist bins included");
    }

    @Test
    void the_nyquist_bin_counts_once() {
        float[] alternating = new float[8192];
        for (int i = 0; i < alternating.length; i++) alternating[i] = i % 2 == 0 ? 1 : -1;
        assertTrue(WelchSpectrum.of(alternating, RATE, 4096).share(23_900, 24_000) > 0.99);
    }

    @Test
    void silence_and_a_sound_shorter_than_a_frame() {
        assertEquals(0, WelchSpectrum.of(new float[RATE], RATE, 4096).share(0, 24_000));
        float[] click = new float[100];
        click[50] = 1;
        assertEquals(0.5, WelchSpectrum.of(click, RATE, 4096).share(0, 12_000), 0.01, "a click is flat, even zero-padded");
    }
}
