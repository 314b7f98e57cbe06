package io.wavebench.drivers.optical;

import java.util.Arrays;

/**
 * Filters on a grayscale image held as {@code float[]} (row-major, {@code w × h}), shared by the
 * simulated camera (to spoil frames) and the code decoder (to repair them). Each returns a new
 * array; edges replicate the border pixel.
 */
public final class GrayFilters {

    private GrayFilters() {
    }

    public static float[] toFloat(byte[] luma) {
        float[] out = new float[luma.length];
        for (int i = 0; i < luma.length; i++) out[i] = luma[i] & 0xFF;
        return out;
    }

    /** Rounds and clamps to 0..255. */
    public static byte[] toBytes(float[] image) {
        byte[] out = new byte[image.length];
        for (int i = 0; i < image.length; i++) {
            int v = Math.round(image[i]);
            out[i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
        }
        return out;
    }

    /** Separable Gaussian blur; sigma ≤ 0 returns a copy. */
    public static float[] gaussian(float[] in, int w, int h, double sigma) {
        if (sigma <= 0) return in.clone();
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) kernel[i] /= (float) sum;
        return convolveColumns(convolveRows(in, w, h, kernel), w, h, kernel);
    }

    /** Mean over a {@code (2rx+1) × (2ry+1)} box, by running sums. */
    public static float[] box(float[] in, int w, int h, int rx, int ry) {
        float[] rows = new float[in.length];
        if (rx > 0) {
            for (int y = 0; y < h; y++) {
                int base = y * w;
                double acc = 0;
                for (int x = -rx; x <= rx; x++) acc += in[base + clamp(x, w)];
                for (int x = 0; x < w; x++) {
                    rows[base + x] = (float) (acc / (2 * rx + 1));
                    acc += in[base + clamp(x + rx + 1, w)] - in[base + clamp(x - rx, w)];
                }
            }
        } else {
            System.arraycopy(in, 0, rows, 0, in.length);
        }
        if (ry <= 0) return rows;
        float[] out = new float[in.length];
        double[] acc = new double[w];
        for (int y = -ry; y <= ry; y++) {
            int base = clamp(y, h) * w;
            for (int x = 0; x < w; x++) acc[x] += rows[base + x];
        }
        for (int y = 0; y < h; y++) {
            int add = clamp(y + ry + 1, h) * w;
            int drop = clamp(y - ry, h) * w;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) (acc[x] / (2 * ry + 1));
                acc[x] += rows[add + x] - rows[drop + x];
            }
        }
        return out;
    }

    /** Averages along a line {@code length} pixels long at {@code angleDeg} (a moving hand). */
    public static float[] motion(float[] in, int w, int h, double length, double angleDeg) {
        int steps = (int) Math.ceil(length);
        if (steps < 1) return in.clone();
        double dx = Math.cos(Math.toRadians(angleDeg));
        double dy = Math.sin(Math.toRadians(angleDeg));
        float[] out = new float[in.length];
        for (int k = 0; k <= steps; k++) {
            double t = (k - steps / 2.0) * length / steps;
            double ox = t * dx;
            double oy = t * dy;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) out[y * w + x] += bilinear(in, w, h, x + ox, y + oy);
            }
        }
        float scale = 1f / (steps + 1);
        for (int i = 0; i < out.length; i++) out[i] *= scale;
        return out;
    }

    /** 3×3 median: removes speckle noise and keeps edges. */
    public static float[] median3(float[] in, int w, int h) {
        float[] out = new float[in.length];
        float[] window = new float[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = clamp(y + dy, h) * w;
                    for (int dx = -1; dx <= 1; dx++) window[n++] = in[row + clamp(x + dx, w)];
                }
                out[y * w + x] = median9(window);
            }
        }
        return out;
    }

    /**
     * Rotates by {@code angleDeg} (counter-clockwise on screen) about the image centre, same size,
     * corners filled with {@code fill}.
     */
    public static float[] rotate(float[] in, int w, int h, double angleDeg, float fill) {
        double a = Math.toRadians(angleDeg);
        double c = Math.cos(a), s = Math.sin(a);
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Inverse map: where in the source does this output pixel come from.
                double dx = x - cx, dy = y - cy;
                double sx = c * dx - s * dy + cx;
                double sy = s * dx + c * dy + cy;
                out[y * w + x] = sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1 ? fill : bilinear(in, w, h, sx, sy);
            }
        }
        return out;
    }

    /** Bilinear sample; coordinates outside the image take the nearest border pixel. */
    public static float bilinear(float[] in, int w, int h, double x, double y) {
        if (x < 0) x = 0;
        if (y < 0) y = 0;
        if (x > w - 1) x = w - 1;
        if (y > h - 1) y = h - 1;
        int x0 = (int) x, y0 = (int) y;
        int x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
        float fx = (float) (x - x0), fy = (float) (y - y0);
        float top = in[y0 * w + x0] + (in[y0 * w + x1] - in[y0 * w + x0]) * fx;
        float bottom = in[y1 * w + x0] + (in[y1 * w + x1] - in[y1 * w + x0]) * fx;
        return top + (bottom - top) * fy;
    }

    /** The value below which {@code fraction} of the pixels lie (fraction in [0, 1]). */
    public static float percentile(float[] in, double fraction) {
        int[] histogram = new int[256];
        for (float v : in) histogram[Math.max(0, Math.min(255, Math.round(v)))]++;
        long target = (long) Math.ceil(fraction * in.length);
        long seen = 0;
        for (int i = 0; i < 256; i++) {
            seen += histogram[i];
            if (seen >= target && seen > 0) return i;
        }
        return 255;
    }

    private static float[] convolveRows(float[] in, int w, int h, float[] kernel) {
        int r = kernel.length / 2;
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int x = 0; x < w; x++) {
                float acc = 0;
                if (x >= r && x < w - r) {
                    for (int k = -r; k <= r; k++) acc += kernel[k + r] * in[base + x + k];
                } else {
                    for (int k = -r; k <= r; k++) acc += kernel[k + r] * in[base + clamp(x + k, w)];
                }
                out[base + x] = acc;
            }
        }
        return out;
    }

    private static float[] convolveColumns(float[] in, int w, int h, float[] kernel) {
        int r = kernel.length / 2;
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int k = -r; k <= r; k++) {
                int src = clamp(y + k, h) * w;
                float kv = kernel[k + r];
                for (int x = 0; x < w; x++) out[base + x] += kv * in[src + x];
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }

    private static float median9(float[] v) {
        float[] s = Arrays.copyOf(v, 9);
        Arrays.sort(s);
        return s[4];
    }
}
