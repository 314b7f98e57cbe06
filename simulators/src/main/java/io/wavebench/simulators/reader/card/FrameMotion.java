package io.wavebench.simulators.reader.card;

import io.wavebench.drivers.optical.Frame;
import java.util.Arrays;

/**
 * Whether two frames of the camera's sequence differ by the hand's motion or by sensor noise
 * alone (DESIGN §5.4: the same number read in two frames counts only when the frames are two
 * looks at the card, not one look twice). Corners found by the card locator jitter by pixels on
 * noise alone, so motion is measured from the pixels: where the picture moved, the difference of
 * the two frames follows the picture's edges (a shift of v pixels changes a pixel by about v times
 * its gradient); where only noise differs, the difference is as large on flat areas as on edges.
 * The measure is the mean absolute difference on the strongest edges over that on the flattest
 * areas: about 1 for noise alone, several times that for a fraction of a pixel of motion.
 */
final class FrameMotion {

    /** Share of pixels (of the frame at half size) taken as the strongest edges. */
    private static final double EDGE_SHARE = 0.05;
    /** Share of pixels taken as the flattest areas. */
    private static final double FLAT_SHARE = 0.5;

    private FrameMotion() {}

    /**
     * The edge-to-flat difference ratio of two frames: ≈ 1 when they differ in noise alone;
     * infinite for frames of different sizes (two captures, certainly not one twice).
     */
    static double edgeToFlatDifference(Frame a, Frame b) {
        if (a.width() != b.width() || a.height() != b.height()) return Double.POSITIVE_INFINITY;
        int w = a.width() / 2;
        int h = a.height() / 2;
        if (w < 8 || h < 8) return Double.POSITIVE_INFINITY;
        float[] sa = half(a, w, h);
        float[] sb = half(b, w, h);
        int n = (w - 2) * (h - 2);
        float[] gradient = new float[n];
        float[] difference = new float[n];
        int k = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                float gx = (sa[i + 1] + sb[i + 1] - sa[i - 1] - sb[i - 1]) / 4;
                float gy = (sa[i + w] + sb[i + w] - sa[i - w] - sb[i - w]) / 4;
                gradient[k] = gx * gx + gy * gy;
                difference[k] = Math.abs(sa[i] - sb[i]);
                k++;
            }
        }
        float[] sorted = gradient.clone();
        Arrays.sort(sorted);
        float edgeFrom = sorted[(int) ((1 - EDGE_SHARE) * (n - 1))];
        float flatTo = sorted[(int) (FLAT_SHARE * (n - 1))];
        double edgeSum = 0;
        double flatSum = 0;
        int edges = 0;
        int flats = 0;
        for (int i = 0; i < n; i++) {
            if (gradient[i] >= edgeFrom) {
                edgeSum += difference[i];
                edges++;
            } else if (gradient[i] <= flatTo) {
                flatSum += difference[i];
                flats++;
            }
        }
        if (edges == 0 || flats == 0) return Double.POSITIVE_INFINITY;
        double flat = flatSum / flats;
        double edge = edgeSum / edges;
        // Two identical frames: no difference anywhere, one look twice.
        if (edge == 0 && flat == 0) return 0;
        return edge / Math.max(flat, 1e-3);
    }

    private static float[] half(Frame f, int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (f.at(2 * x, 2 * y) + f.at(2 * x + 1, 2 * y) + f.at(2 * x, 2 * y + 1) + f.at(2 * x + 1, 2 * y + 1)) / 4f;
            }
        }
        return out;
    }
}
