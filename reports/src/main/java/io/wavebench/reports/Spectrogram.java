package io.wavebench.reports;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the sound on the air as a spectrogram PNG (time across in seconds, frequency up in kHz,
 * level as colour), so a person sees at a glance where the transmission sits, when, its band and
 * the noise around it.
 *
 * <p>Small on purpose: one is kept for every scenario of a run, and a full run's report folder is
 * held to 25 MB (DESIGN §6). The picture is palette-coloured ({@value #LEVELS} levels of the ramp,
 * a few greys for the axes) and at most {@value #MAX_WIDTH} columns wide, which keeps a long noisy
 * recording in tens of kilobytes where a true-colour one took 175 KB.
 */
public final class Spectrogram {

    private static final int FFT_SIZE = 1024;
    private static final int HOP = 256;
    static final int PLOT_HEIGHT = 160;
    static final int MAX_WIDTH = 720;
    static final int MIN_WIDTH = 240;
    private static final int LEFT = 40;
    private static final int RIGHT = 12;
    private static final int TOP = 18;
    private static final int BOTTOM = 30;
    private static final double FLOOR_DB = -110;
    private static final double TOP_DB = -10;
    /** Colour levels of the ramp: a 5 dB step over the 100 dB shown. */
    static final int LEVELS = 20;
    private static final int[] GREYS = {0xFFFFFF, 0x000000, 0x404040, 0x808080, 0xB0B0B0, 0xD8D8D8};

    private Spectrogram() {}

    public static byte[] png(float[] samples, float sampleRate, String title) {
        int frames = Math.max(1, (samples.length - FFT_SIZE) / HOP + 1);
        int width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, frames));
        double hop = Math.max(0, samples.length - FFT_SIZE) / (double) Math.max(1, width - 1);
        BufferedImage image = new BufferedImage(LEFT + width + RIGHT, TOP + PLOT_HEIGHT + BOTTOM, BufferedImage.TYPE_BYTE_INDEXED, palette());
        WritableRaster raster = image.getRaster();
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());

        FFT fft = new FFT(FFT_SIZE, new HannWindow());
        float[] buffer = new float[FFT_SIZE];
        float[] magnitudes = new float[FFT_SIZE / 2];
        for (int x = 0; x < width; x++) {
            int start = (int) Math.round(x * hop);
            java.util.Arrays.fill(buffer, 0f);
            System.arraycopy(samples, Math.min(start, samples.length), buffer, 0, Math.max(0, Math.min(FFT_SIZE, samples.length - start)));
            fft.forwardTransform(buffer);
            fft.modulus(buffer, magnitudes);
            for (int y = 0; y < PLOT_HEIGHT; y++) {
                // The loudest bin of the rows this pixel spans: a narrow tone stays visible at any height.
                int from = (int) ((long) y * magnitudes.length / PLOT_HEIGHT);
                int to = Math.max(from + 1, (int) ((long) (y + 1) * magnitudes.length / PLOT_HEIGHT));
                float peak = 0;
                for (int bin = from; bin < to; bin++) peak = Math.max(peak, magnitudes[bin]);
                double db = 20 * Math.log10(peak / (FFT_SIZE / 4.0) + 1e-12);
                raster.setSample(LEFT + x, TOP + PLOT_HEIGHT - 1 - y, 0, level((db - FLOOR_DB) / (TOP_DB - FLOOR_DB)));
            }
        }
        double seconds = samples.length / (double) sampleRate;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(new Color(0x404040));
        g.drawRect(LEFT - 1, TOP - 1, width + 1, PLOT_HEIGHT + 1);
        // Frequency axis, kHz.
        double nyquistKhz = sampleRate / 2000.0;
        double khzStep = nyquistKhz <= 6 ? 1 : nyquistKhz <= 12 ? 2 : 4;
        for (double khz = 0; khz <= nyquistKhz + 1e-9; khz += khzStep) {
            int y = TOP + PLOT_HEIGHT - 1 - (int) Math.round(khz / nyquistKhz * (PLOT_HEIGHT - 1));
            g.drawLine(LEFT - 4, y, LEFT - 2, y);
            String label = Measurement.format(khz);
            g.drawString(label, LEFT - 6 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        g.drawString("kHz", 2, TOP + 8);
        // Time axis, seconds.
        for (double t : timeTicks(seconds)) {
            int x = LEFT + (int) Math.round(t / Math.max(seconds, 1e-9) * (width - 1));
            g.drawLine(x, TOP + PLOT_HEIGHT + 1, x, TOP + PLOT_HEIGHT + 4);
            String label = Measurement.format(t);
            g.drawString(label, Math.max(0, x - fm.stringWidth(label) / 2), TOP + PLOT_HEIGHT + 6 + fm.getAscent());
        }
        String unit = "time (s)";
        g.drawString(unit, LEFT + width - fm.stringWidth(unit), TOP + PLOT_HEIGHT + BOTTOM - 2);
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%s — %.2f s at %.0f Hz, %.0f..%.0f dBFS", title, seconds, sampleRate, FLOOR_DB, TOP_DB), LEFT, TOP - 5);
        g.dispose();
        return Png.encode(image);
    }

    /**
     * Tick positions in seconds for a recording this long: a 1-2-5 step giving at most ten ticks,
     * from 0.
     */
    static List<Double> timeTicks(double seconds) {
        double step = 0.01;
        outer:
        for (double decade = 0.01; decade < 1e6; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                step = m * decade;
                if (seconds / step <= 10) break outer;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= seconds + 1e-9; i++) ticks.add(Math.round(i * step * 1000) / 1000.0);
        return ticks;
    }

    /** The ramp's entry for a level 0..1. */
    private static int level(double level) {
        double t = Math.max(0, Math.min(1, level));
        return (int) Math.min(LEVELS - 1, Math.floor(t * LEVELS));
    }

    /** {@value #LEVELS} colours of the ramp, then white, black and greys for the axes and text. */
    static IndexColorModel palette() {
        int n = LEVELS + GREYS.length;
        byte[] r = new byte[n], g = new byte[n], b = new byte[n];
        for (int i = 0; i < n; i++) {
            int rgb = i < LEVELS ? colour((i + 0.5) / LEVELS) : GREYS[i - LEVELS];
            r[i] = (byte) (rgb >> 16);
            g[i] = (byte) (rgb >> 8);
            b[i] = (byte) rgb;
        }
        return new IndexColorModel(8, n, r, g, b);
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
