package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SpectrogramTest {

    /** The report keeps one per scenario (DESIGN §6: a full run's folder ≤ 25 MB). */
    static final int BUDGET_BYTES = 60 * 1024;

    @Test
    void a_long_noisy_recording_draws_as_a_small_palette_png() throws Exception {
        float[] samples = noisyTone(20.0, 48_000, 2026); // the longest air a scenario keeps, all of it noise and a tone
        byte[] png = Spectrogram.png(samples, 48_000, "a purchase in the school canteen");
        assertTrue(png.length <= BUDGET_BYTES, "spectrogram of 20 s of noise is " + png.length + " bytes, budget " + BUDGET_BYTES);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getColorModel() instanceof IndexColorModel, "not palette-coloured: " + image.getColorModel());
        assertTrue(image.getWidth() <= Spectrogram.MAX_WIDTH + 60, "width " + image.getWidth());
    }

    @Test
    void a_short_sound_still_gets_room_for_its_axes() throws Exception {
        byte[] png = Spectrogram.png(noisyTone(0.1, 48_000, 1), 48_000, "a click");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() >= Spectrogram.MIN_WIDTH, "width " + image.getWidth());
    }

    @Test
    void a_tone_shows_at_its_frequency_on_the_kilohertz_axis() throws Exception {
        float[] tone = new float[48_000];
        for (int i = 0; i < tone.length; i++) tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 12_000 * i / 48_000.0));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Spectrogram.png(tone, 48_000, "12 kHz")));
        // 12 kHz of 24 kHz: half way up the plot, which is 160 rows below an 18-row title.
        int x = 40 + 100, atTone = 18 + 160 - 1 - 80, below = 18 + 160 - 1 - 40;
        assertTrue(brightness(image.getRGB(x, atTone)) > brightness(image.getRGB(x, below)) + 100,
                "the tone's row is not brighter than a row 6 kHz below it");
    }

    @Test
    void time_ticks_step_one_two_five_and_start_at_zero() {
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8), Spectrogram.timeTicks(1.8));
        assertEquals(List.of(0.0, 5.0, 10.0, 15.0, 20.0), Spectrogram.timeTicks(21));
        assertEquals(0.0, Spectrogram.timeTicks(0.05).get(0));
        assertTrue(Spectrogram.timeTicks(0.05).size() <= 11);
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
    }

    private static float[] noisyTone(double seconds, int rate, long seed) {
        Random random = new Random(seed);
        float[] s = new float[(int) (seconds * rate)];
        for (int i = 0; i < s.length; i++) s[i] = (float) (0.05 * random.nextGaussian() + 0.2 * Math.sin(2 * Math.PI * 3_000 * i / (double) rate));
        return s;
    }
}
