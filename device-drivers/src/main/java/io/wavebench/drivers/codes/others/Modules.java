package io.wavebench.drivers.codes.others;

import java.awt.image.BufferedImage;

/**
 * A code's modules as another program drew them, one image pixel a module: {@code dark[y * width + x]}.
 * For a barcode every row is the same bar pattern.
 */
public record Modules(int width, int height, boolean[] dark) {

    public Modules {
        if (width <= 0 || height <= 0 || dark.length != width * height) {
            throw new IllegalArgumentException("modules " + width + "×" + height + " need " + width * height + " cells, got " + dark.length);
        }
        dark = dark.clone();
    }

    /** The dark pixels of an image drawn at one pixel a module (below half brightness is dark). */
    public static Modules of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean[] dark = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                int luma = (((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 + (p & 0xFF) * 114) / 1000;
                boolean transparent = (p >>> 24) < 128;
                dark[y * w + x] = !transparent && luma < 128;
            }
        }
        return new Modules(w, h, dark);
    }

    public boolean isDark(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && dark[y * width + x];
    }

    @Override
    public boolean[] dark() {
        return dark.clone();
    }
}
