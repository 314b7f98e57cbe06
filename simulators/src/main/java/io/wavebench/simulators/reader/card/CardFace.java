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
     * slope of at most C / (sigma √2π)). Measured inside the card's margins: where no line of
     * print was found to measure on ({@link #blurSigma(TextLines.Line)}), and to tell a frame
     * that read nothing too blurry from one whose print cannot be read (its step is the card's
     * full contrast, which a print blurred wider than its strokes never reaches).
     */
    double blurSigma() {
        return blurSigma(40, 40, WIDTH - 40, HEIGHT - 40, 0.998);
    }

    /**
     * As {@link #blurSigma()}, measured on one line of print and the card just around it (a
     * fifth of its height to each side, three tenths above and below): its ink's step and its own
     * edges' slope. On the whole card the step and the slope can come from different things: a
     * hologram's black cloud, far darker than the print, set the step while the print set the
     * slope, and ImageMagick's OCR-B cards the OCR read in every frame measured sigma 4.1–4.6
     * (2.5–2.9 on their print); busy art with crisp edges set the slope of the fixtures' photos
     * blurred on purpose, whose print was softer. The slope is the band's 99th percentile, not
     * the card's 99.8th: the print's edges fill far more of the band than of the card. Measured,
     * frame by frame with no limit (fixtures' photos blurred σ 3.5–5 and ImageMagick's cards
     * defocused, through the camera): under 3.6 on the print 0 of 173 frames read a wrong number
     * passing the scheme rules (on the whole card 2 of 174), 3.6–4.0 1 of 77, 4.0–4.2 3 of 42.
     */
    double blurSigma(TextLines.Line line) {
        double h = line.y1() - line.y0();
        return blurSigma((int) Math.max(1, line.x0() - 0.2 * h), (int) Math.max(1, line.y0() - 0.3 * h),
                (int) Math.min(WIDTH - 1, line.x1() + 0.2 * h), (int) Math.min(HEIGHT - 1, line.y1() + 0.3 * h), 0.99);
    }

    /** The blur sigma within columns [x0, x1) and rows [y0, y1), from the step between its 1st and 99th percentile levels and its {@code slopeShare} percentile slope. */
    private double blurSigma(int x0, int y0, int x1, int y1, double slopeShare) {
        int n = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        if (n == 0) return Double.POSITIVE_INFINITY;
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
        double slope = GrayFilters.percentile(slopes, slopeShare) / 4.0; // ×4 above: the percentile works in whole levels
        double contrast = GrayFilters.percentile(values, 0.99) - GrayFilters.percentile(values, 0.01);
        if (slope <= 0) return Double.POSITIVE_INFINITY;
        return contrast / (slope * Math.sqrt(2 * Math.PI));
    }
}
