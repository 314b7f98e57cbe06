package io.wavebench.simulators.reader.card;

import io.wavebench.drivers.optical.ConnectedComponents;
import java.util.List;

/**
 * A component too tall or too wide to be a character, cut again at higher bars (DESIGN §5.4
 * "binarize, find the digit groups"). A line of the card's art that crosses a digit and clears
 * the text lines' bar ({@link TextLines#STRONG_INK_SHARE} of the strongest ink: a busy card's
 * ring some 40 grey levels off the card against 65 for the print) joins the digit into one
 * component far taller than a character, which is dropped, and the number's line falls apart
 * into two lines too short to be a number. The print is the strongest ink there, so at a bar
 * raised step by step the fainter art lets go of the digit first: the component is cut at the
 * lowest bar that leaves a character-sized piece of it, and its pieces at that bar are marks.
 */
final class OversizedMarks {

    /** The bars tried, in the text lines' thresholds: up to where a blurred stem of the print keeps its ink (a 6 px stem at sigma 2.5 keeps 0.8 of it). */
    static final double[] BARS = {1.25, 1.5, 1.75, 2.0};

    private OversizedMarks() {}

    /** Whether a component is too tall or too wide for a character: worth cutting again. */
    static boolean oversized(int w, int h, int maxHeight, double mergedWidth) {
        return h > maxHeight || (h >= 1 && w > mergedWidth * h);
    }

    /**
     * The pieces ({x0, y0, x1, y1, pixels}, card coordinates) of component {@code id} of
     * {@code label} within box {@code [x0, x1] × [y0, y1]} at the lowest of {@link #BARS} where
     * one of them is character-sized; none if no bar leaves one. Each bar's pixels grow along
     * the stroke as {@link TextLines#hysteresis} does, within the component only.
     */
    static List<int[]> recut(float[] signed, int[] label, int id, int x0, int y0, int x1, int y1, float threshold, int width, int minHeight, int maxHeight) {
        int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
        float[] ink = new float[bw * bh];
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int i = (y0 + y) * width + x0 + x;
                ink[y * bw + x] = label[i] == id ? signed[i] : 0;
            }
        }
        for (double bar : BARS) {
            float high = (float) (bar * threshold);
            boolean[] mask = grown(ink, bw, bh, high, (float) Math.max(threshold, TextLines.STROKE_SHARE * high));
            List<int[]> pieces = pieces(mask, bw, bh, x0, y0);
            if (pieces.stream().anyMatch(p -> TextLines.characterSized(p[2] - p[0] + 1, p[3] - p[1] + 1, p[4], minHeight, maxHeight))) return pieces;
        }
        return List.of();
    }

    /** Pixels above {@code high}, grown {@link TextLines#STROKE_REACH} steps through pixels above {@code low}. */
    private static boolean[] grown(float[] ink, int bw, int bh, float high, float low) {
        boolean[] mask = new boolean[ink.length];
        int[] steps = new int[ink.length];
        int[] queue = new int[ink.length];
        int head = 0, tail = 0;
        for (int i = 0; i < ink.length; i++) {
            if (ink[i] > high) {
                mask[i] = true;
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int i = queue[head++];
            if (steps[i] >= TextLines.STROKE_REACH) continue;
            int x = i % bw;
            for (int j : new int[] {x > 0 ? i - 1 : -1, x < bw - 1 ? i + 1 : -1, i - bw, i + bw}) {
                if (j < 0 || j >= ink.length || mask[j] || ink[j] <= low) continue;
                mask[j] = true;
                steps[j] = steps[i] + 1;
                queue[tail++] = j;
            }
        }
        return mask;
    }

    /** The 4-connected components of a box's mask ({x0, y0, x1, y1, pixels}), in card coordinates. */
    private static List<int[]> pieces(boolean[] mask, int bw, int bh, int ox, int oy) {
        return ConnectedComponents.label(mask, bw, bh, ConnectedComponents.Connectivity.FOUR).components().stream()
                .map(c -> new int[] {ox + c.x0(), oy + c.y0(), ox + c.x1(), oy + c.y1(), c.pixels()}).toList();
    }
}
