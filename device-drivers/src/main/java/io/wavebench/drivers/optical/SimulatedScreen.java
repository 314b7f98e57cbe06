package io.wavebench.drivers.optical;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A phone's display kept in memory for a {@link SimulatedCamera}. What it emits is the shown
 * image's luminance over the panel's own black level (an LCD leaks {@value #BLACK_LEVEL} of white),
 * both times the backlight level.
 */
public final class SimulatedScreen implements Screen {

    static final float BLACK_LEVEL = 0.01f;

    private final Display display;
    private final BufferedImage pixels;
    private double brightness = 1.0;
    private long version;
    private float[] emittedCache;
    private long emittedVersion = -1;

    public SimulatedScreen(Display display) {
        this.display = display;
        this.pixels = new BufferedImage(display.widthPx(), display.heightPx(), BufferedImage.TYPE_INT_RGB);
    }

    /** A {@link Display#PHONE}. */
    public SimulatedScreen() {
        this(Display.PHONE);
    }

    @Override
    public Display display() {
        return display;
    }

    @Override
    public void open() {
        // Nothing to open: the pixels live in memory.
    }

    @Override
    public synchronized void show(BufferedImage content) {
        Graphics2D g = pixels.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, display.widthPx(), display.heightPx());
            if (content.getWidth() == display.widthPx() && content.getHeight() == display.heightPx()) {
                g.drawImage(content, 0, 0, null);
            } else {
                double scale = Math.min(display.widthPx() / (double) content.getWidth(), display.heightPx() / (double) content.getHeight());
                int w = (int) Math.round(content.getWidth() * scale);
                int h = (int) Math.round(content.getHeight() * scale);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(content, (display.widthPx() - w) / 2, (display.heightPx() - h) / 2, w, h, null);
            }
        } finally {
            g.dispose();
        }
        version++;
    }

    @Override
    public synchronized void clear() {
        Graphics2D g = pixels.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, display.widthPx(), display.heightPx());
        } finally {
            g.dispose();
        }
        version++;
    }

    @Override
    public synchronized void brightness(double level) {
        if (!(level > 0 && level <= 1)) throw new IllegalArgumentException("brightness must be in (0, 1]: " + level);
        brightness = level;
        version++;
    }

    @Override
    public synchronized double brightness() {
        return brightness;
    }

    /**
     * Light leaving each pixel, 0..1 of full-brightness white, row-major. Shared and cached until
     * the screen changes: callers must not write to it.
     */
    synchronized float[] emitted() {
        if (emittedVersion != version) {
            int w = display.widthPx();
            int h = display.heightPx();
            float[] out = new float[w * h];
            int[] row = new int[w];
            float b = (float) brightness;
            float scale = b * (1 - BLACK_LEVEL) / 255f;
            for (int y = 0; y < h; y++) {
                pixels.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    float luma = ((p >> 16) & 0xFF) * 0.299f + ((p >> 8) & 0xFF) * 0.587f + (p & 0xFF) * 0.114f;
                    out[y * w + x] = b * BLACK_LEVEL + luma * scale;
                }
            }
            emittedCache = out;
            emittedVersion = version;
        }
        return emittedCache;
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
