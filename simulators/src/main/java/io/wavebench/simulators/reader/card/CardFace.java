package io.wavebench.simulators.reader.card;

import io.wavebench.drivers.optical.Frame;
import io.wavebench.drivers.optical.GrayFilters;
import io.wavebench.drivers.optical.Homography;
import io.wavebench.drivers.optical.QuadHomography;

/**
 * A located card warped upright to ID-1 proportions at {@value #WIDTH}×{@value #HEIGHT}
 * (DESIGN §5.4 "deskew"): 10 px per mm, whatever the tilt and turn in the frame. Lives only in
 * memory: a card image is never written anywhere.
 */
final class CardFace {

    static final int WIDTH = 856;
    static final int HEIGHT = 540;

    final float[] luma;

    private CardFace(float[] luma) {
        this.luma = luma;
    }

    static CardFace rectify(Frame frame, double[] corners) {
        Homography toFrame = QuadHomography.between(new double[] {0, 0, WIDTH, 0, WIDTH, HEIGHT, 0, HEIGHT}, corners);
        float[] src = new float[frame.width() * frame.height()];
        byte[] luma = frame.luma();
        for (int i = 0; i < src.length; i++) src[i] = luma[i] & 0xFF;
        float[] out = new float[WIDTH * HEIGHT];
        double[] xy = new double[2];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (toFrame.apply(x + 0.5, y + 0.5, xy)) {
                    double fx = Math.max(0, Math.min(frame.width() - 1, xy[0] - 0.5));
                    double fy = Math.max(0, Math.min(frame.height() - 1, xy[1] - 0.5));
                    out[y * WIDTH + x] = GrayFilters.bilinear(src, frame.width(), frame.height(), fx, fy);
                }
            }
        }
        return new CardFace(out);
    }

    /**
     * How soft the image is, as the Gaussian sigma in card pixels that would turn the card's
     * sharpest contrast step into its steepest slope (a step of height C blurred by sigma has a
     * slope of at most C / (sigma √2π)). Measured inside the card's margins.
     */
    double blurSigma() {
        int x0 = 40, x1 = WIDTH - 40, y0 = 40, y1 = HEIGHT - 40;
        int n = (x1 - x0) * (y1 - y0);
        float[] slopes = new float[n];
        float[] values = new float[n];
        int k = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * WIDTH + x;
                slopes[k] = 4 * (float) Math.hypot((luma[i + 1] - luma[i - 1]) / 2, (luma[i + WIDTH] - luma[i - WIDTH]) / 2);
                values[k++] = luma[i];
            }
        }
        double slope = GrayFilters.percentile(slopes, 0.998) / 4.0; // ×4 above: the percentile works in whole levels
        double contrast = GrayFilters.percentile(values, 0.99) - GrayFilters.percentile(values, 0.01);
        if (slope <= 0) return Double.POSITIVE_INFINITY;
        return contrast / (slope * Math.sqrt(2 * Math.PI));
    }
}
