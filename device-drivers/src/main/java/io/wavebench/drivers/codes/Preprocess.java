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
     * The turn of a square grid (a QR code's modules) in the image, in degrees in (-45, 45]: the
     * edges of a grid point two ways at right angles, so their directions are averaged four-fold
     * (the angle of the sum of (gx + i·gy)⁴ over four), weighted by edge strength.
     */
    static double gridAngleDeg(float[] image, int w, int h) {
        double re = 0, im = 0;
        for (int y = 1; y < h - 1; y += 2) {
            for (int x = 1; x < w - 1; x += 2) {
                int i = y * w + x;
                double gx = image[i + 1] - image[i - 1];
                double gy = image[i + w] - image[i - w];
                double r2 = gx * gx - gy * gy, i2 = 2 * gx * gy;
                double norm = Math.hypot(gx, gy);
                if (norm < 1e-6) continue;
                // (gx + i gy)^4 / |g|^2: direction four-fold, weight |g|^2.
                re += (r2 * r2 - i2 * i2) / (norm * norm);
                im += 2 * r2 * i2 / (norm * norm);
            }
        }
        return Math.toDegrees(Math.atan2(im, re) / 4);
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

    /** Below this many pixels a module, ZXing's finder and row tests round module edges to whole pixels too coarsely. */
    static final double SMALL_MODULE_PX = 4.0;

    /**
     * A module's width in pixels, and the box (x0, y0 inclusive; x1, y1 exclusive) of the rows and
     * columns where module-like runs were seen: where the code is.
     */
    record ModuleEstimate(double px, int x0, int y0, int x1, int y1) {
        static final ModuleEstimate NONE = new ModuleEstimate(0, 0, 0, 0, 0);

        int width() {
            return x1 - x0;
        }

        int height() {
            return y1 - y0;
        }
    }

    /**
     * The width of one module, in pixels, as the commonest length of the dark and light runs
     * along every fourth row, cut at the middle between the frame's dark and light (its 5th and
     * 95th percentiles): in a QR code or a barcode the single-module runs outnumber the others.
     * {@link ModuleEstimate#NONE} when the frame has too few runs to tell (no code, or no contrast).
     */
    static ModuleEstimate modulePx(byte[] luma, int w, int h) {
        int[] histogram = new int[256];
        for (byte b : luma) histogram[b & 0xFF]++;
        int p5 = FrameDiagnosis.percentile(histogram, luma.length, 0.05);
        int p95 = FrameDiagnosis.percentile(histogram, luma.length, 0.95);
        if (p95 - p5 < 30) return ModuleEstimate.NONE;
        int threshold = (p5 + p95) / 2;
        int maxRun = 24;
        int[] runs = new int[maxRun + 1];
        int counted = 0;
        int x0 = w, x1 = 0, y0 = h, y1 = 0;
        for (int y = 0; y < h; y += 4) {
            int row = y * w;
            boolean dark = (luma[row] & 0xFF) < threshold;
            int start = 0;
            int inRow = 0, rowX0 = w, rowX1 = 0;
            for (int x = 1; x < w; x++) {
                boolean d = (luma[row + x] & 0xFF) < threshold;
                if (d == dark) continue;
                int length = x - start;
                // A run cut by the frame's edge is not a module; runs of 1 px are mostly noise.
                if (start > 0 && length >= 2 && length <= maxRun) {
                    runs[length]++;
                    counted++;
                    inRow++;
                    rowX0 = Math.min(rowX0, start);
                    rowX1 = Math.max(rowX1, x);
                }
                dark = d;
                start = x;
            }
            // A row crossing a code crosses many runs; an edge or two of the background does not.
            if (inRow >= 8) {
                x0 = Math.min(x0, rowX0);
                x1 = Math.max(x1, rowX1);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y + 1);
            }
        }
        if (counted < 50 || x1 <= x0 || y1 <= y0) return ModuleEstimate.NONE;
        int mode = 2;
        for (int i = 2; i <= maxRun; i++) if (runs[i] > runs[mode]) mode = i;
        // The mode's neighbours lean it towards the true, fractional width.
        double weight = runs[mode], sum = mode * (double) runs[mode];
        if (mode > 2) {
            weight += runs[mode - 1];
            sum += (mode - 1) * (double) runs[mode - 1];
        }
        if (mode < maxRun) {
            weight += runs[mode + 1];
            sum += (mode + 1) * (double) runs[mode + 1];
        }
        double px = sum / weight;
        // Room for the finder patterns' and the bars' outer edges, and the quiet zone.
        int pad = (int) Math.ceil(8 * px);
        return new ModuleEstimate(px, Math.max(0, x0 - pad), Math.max(0, y0 - pad), Math.min(w, x1 + pad), Math.min(h, y1 + pad));
    }

    /** The {@code box} of an image {@code w} wide. */
    static float[] crop(float[] image, int w, ModuleEstimate box) {
        float[] out = new float[box.width() * box.height()];
        for (int y = 0; y < box.height(); y++) System.arraycopy(image, (box.y0() + y) * w + box.x0(), out, y * box.width(), box.width());
        return out;
    }

    /**
     * The image {@code factor} times larger each way, by Catmull-Rom (bicubic) interpolation: a
     * small code's edges then fall between the new pixels where they lie, rather than at the
     * nearest old pixel, and ZXing's 1:1:3:1:1 finder and bar-width tests see the widths to a
     * fraction of a module.
     */
    static float[] upscale(float[] image, int w, int h, int factor) {
        int ow = w * factor, oh = h * factor;
        // Columns first, then rows: cubic weights for each output offset within a source pixel.
        float[][] weights = new float[factor][4];
        for (int f = 0; f < factor; f++) {
            double t = (f + 0.5) / factor - 0.5;
            double u = t < 0 ? t + 1 : t;
            float[] k = catmullRom(u);
            weights[f] = k;
        }
        float[] wide = new float[ow * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < ow; x++) {
                int f = x % factor;
                double t = (f + 0.5) / factor - 0.5;
                int base = x / factor + (t < 0 ? -1 : 0);
                float[] k = weights[f];
                float v = 0;
                for (int i = 0; i < 4; i++) v += k[i] * image[row + Math.max(0, Math.min(w - 1, base - 1 + i))];
                wide[y * ow + x] = v;
            }
        }
        float[] out = new float[ow * oh];
        for (int y = 0; y < oh; y++) {
            int f = y % factor;
            double t = (f + 0.5) / factor - 0.5;
            int base = y / factor + (t < 0 ? -1 : 0);
            float[] k = weights[f];
            for (int x = 0; x < ow; x++) {
                float v = 0;
                for (int i = 0; i < 4; i++) v += k[i] * wide[Math.max(0, Math.min(h - 1, base - 1 + i)) * ow + x];
                out[y * ow + x] = v;
            }
        }
        return out;
    }

    /** Catmull-Rom weights of the four samples around a point {@code u} (0..1) past the second. */
    private static float[] catmullRom(double u) {
        double u2 = u * u, u3 = u2 * u;
        return new float[] {
                (float) (-0.5 * u3 + u2 - 0.5 * u),
                (float) (1.5 * u3 - 2.5 * u2 + 1),
                (float) (-1.5 * u3 + 2 * u2 + 0.5 * u),
                (float) (0.5 * u3 - 0.5 * u2)};
    }

    /**
     * Unsharp mask: the image plus {@code amount} times its difference from a Gaussian blur of
     * {@code sigma}. Steepens edges a lens or a defocus softened, so that neighbouring modules
     * part again before binarizing.
     */
    static float[] unsharp(float[] image, int w, int h, double sigma, double amount) {
        float[] blurred = GrayFilters.gaussian(image, w, h, sigma);
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) out[i] = image[i] + (float) amount * (image[i] - blurred[i]);
        return out;
    }
}
