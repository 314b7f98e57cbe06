package io.wavebench.drivers.codes;

import io.wavebench.drivers.optical.GrayFilters;
import io.wavebench.drivers.optical.Homography;

/** The image repairs of the ladder's later rungs. */
final class Preprocess {

    /** Smear length along the bars, each way, in pixels. */
    static final int SMEAR_RADIUS = 6;

    private Preprocess() {
    }

    /**
     * Divides out the slowly varying light (a glare's halo, a gradient across the glass, a dim
     * backlight) by the local mean over about a twentieth of the frame, then stretches the 1-99 %
     * range to 0..255.
     */
    static float[] flattenAndStretch(float[] image, int w, int h) {
        int r = Math.max(8, Math.max(w, h) / 40);
        float[] background = GrayFilters.box(image, w, h, r, r);
        float[] flat = new float[image.length];
        for (int i = 0; i < image.length; i++) flat[i] = 128f * image[i] / Math.max(4f, background[i]);
        float lo = GrayFilters.percentile(flat, 0.01);
        float hi = GrayFilters.percentile(flat, 0.99);
        float scale = 255f / Math.max(1f, hi - lo);
        for (int i = 0; i < flat.length; i++) flat[i] = (flat[i] - lo) * scale;
        return flat;
    }

    /**
     * Turns the frame so that the dominant edge direction is vertical (a barcode's bars stand up,
     * so ZXing's rows cross every bar), then averages along the bars to wash out noise.
     */
    static float[] deskewAndSmear(float[] image, int w, int h) {
        double angle = dominantGradientAngleDeg(image, w, h);
        float fill = GrayFilters.percentile(image, 0.5);
        float[] upright = Math.abs(angle) < 0.5 ? image : GrayFilters.rotate(image, w, h, angle, fill);
        return GrayFilters.box(upright, w, h, 0, SMEAR_RADIUS);
    }

    /**
     * The orientation of the strongest gradients (structure tensor), in degrees in (-90, 90]: 0
     * when edges run vertically (gradients point along x).
     */
    static double dominantGradientAngleDeg(float[] image, int w, int h) {
        double jxx = 0, jyy = 0, jxy = 0;
        for (int y = 1; y < h - 1; y += 2) {
            for (int x = 1; x < w - 1; x += 2) {
                int i = y * w + x;
                double gx = image[i + 1] - image[i - 1];
                double gy = image[i + w] - image[i - w];
                jxx += gx * gx;
                jyy += gy * gy;
                jxy += gx * gy;
            }
        }
        return Math.toDegrees(0.5 * Math.atan2(2 * jxy, jxx - jyy));
    }

    /**
     * The frame as a camera turned by {@code yawDeg} about its vertical axis and {@code pitchDeg}
     * about its horizontal axis would have seen it (the homography K·R·K⁻¹ of a pure rotation,
     * focal length taken as the frame width). Turning towards a tilted screen undoes most of its
     * perspective: ZXing refuses QR finder patterns whose module sizes differ by more than 1.4×,
     * which a screen 30° off at 10 cm exceeds.
     */
    static float[] turned(float[] image, int w, int h, double yawDeg, double pitchDeg) {
        double f = w;
        double cx = w / 2.0, cy = h / 2.0;
        Homography k = Homography.of(f, 0, cx, 0, f, cy, 0, 0, 1);
        Homography rotation = Homography.rotation(yawDeg, pitchDeg);
        Homography turn = k.inverse().then(rotation).then(k);
        // Keep the frame's centre where it was: the code is there, not wherever the turn sends it.
        double[] centre = new double[2];
        if (!turn.apply(cx, cy, centre)) return image.clone();
        Homography recentred = turn.then(Homography.of(1, 0, cx - centre[0], 0, 1, cy - centre[1], 0, 0, 1));
        Homography toSource = recentred.inverse();
        float fill = GrayFilters.percentile(image, 0.5);
        float[] out = new float[image.length];
        double[] p = new double[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (toSource.apply(x, y, p) && p[0] >= 0 && p[1] >= 0 && p[0] <= w - 1 && p[1] <= h - 1) {
                    out[y * w + x] = GrayFilters.bilinear(image, w, h, p[0], p[1]);
                } else {
                    out[y * w + x] = fill;
                }
            }
        }
        return out;
    }
}
