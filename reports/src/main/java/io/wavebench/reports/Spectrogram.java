package io.wavebench.reports;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws the sound on the air as a spectrogram PNG (time across, frequency up, level as colour),
 * so a person sees at a glance where the transmission sits, its band and the noise around it.
 */
public final class Spectrogram {

    private static final int FFT_SIZE = 1024;
    private static final int HEIGHT = 256;
    private static final int MAX_WIDTH = 1200;
    private static final int AXIS = 46;
    private static final double FLOOR_DB = -110;
    private static final double TOP_DB = -10;

    private Spectrogram() {}

    public static byte[] png(float[] samples, float sampleRate, String title) {
        int frames = Math.max(1, (samples.length - FFT_SIZE) / 256 + 1);
        int width = Math.min(MAX_WIDTH, frames);
        int hop = Math.max(1, (samples.length - FFT_SIZE) / Math.max(1, width - 1));
        BufferedImage image = new BufferedImage(width + AXIS, HEIGHT + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());

        FFT fft = new FFT(FFT_SIZE, new HannWindow());
        float[] buffer = new float[FFT_SIZE];
        float[] magnitudes = new float[FFT_SIZE / 2];
        for (int x = 0; x < width; x++) {
            int start = x * hop;
            java.util.Arrays.fill(buffer, 0f);
            System.arraycopy(samples, start, buffer, 0, Math.max(0, Math.min(FFT_SIZE, samples.length - start)));
            fft.forwardTransform(buffer);
            fft.modulus(buffer, magnitudes);
            for (int y = 0; y < HEIGHT; y++) {
                int bin = (int) ((long) y * magnitudes.length / HEIGHT);
                double db = 20 * Math.log10(magnitudes[bin] / (FFT_SIZE / 4.0) + 1e-12);
                image.setRGB(AXIS + x, 20 + HEIGHT - 1 - y, colour((db - FLOOR_DB) / (TOP_DB - FLOOR_DB)));
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int khz = 0; khz <= sampleRate / 2000; khz += 4) {
            int y = 20 + HEIGHT - 1 - (int) (khz * 1000.0 / (sampleRate / 2) * HEIGHT);
            g.drawString(khz + " kHz", 2, y + 4);
        }
        double seconds = samples.length / sampleRate;
        g.drawString(String.format("%s — %.2f s at %.0f Hz, %.0f..%.0f dBFS", title, seconds, sampleRate, FLOOR_DB, TOP_DB), AXIS, 14);
        g.dispose();
        return Png.encode(image);
    }

    /** A dark-blue → green → yellow ramp (close to viridis), readable on screen and in print. */
    private static int colour(double level) {
        double t = Math.max(0, Math.min(1, level));
        int r = (int) (255 * clamp(-0.35 + 1.6 * t * t));
        int gr = (int) (255 * clamp(0.05 + 0.9 * t));
        int b = (int) (255 * clamp(0.35 + 0.6 * Math.sin(Math.PI * t) - 0.3 * t));
        return (r << 16) | (gr << 8) | b;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
