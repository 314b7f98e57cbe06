package io.wavebench.drivers.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Characters cut from a dark-on-light image and normalized for {@link FontTemplateRecognizer}'s
 * comparison: each a connected mark of ink, scaled to one height, softened.
 */
final class Glyphs {

    /** Normalized glyph size: every mark is scaled to this height, and centred in a square of it. */
    static final int SIZE = 32;

    private Glyphs() {}

    /** A character cut from an image: its box there and its normalized picture (ink 0..1). */
    record Glyph(int x0, int y0, int x1, int y1, float[] normalized) {}

    /** Ink per pixel of a grey image: 0 for white paper, 1 for black. */
    static float[] ink(byte[] gray) {
        float[] ink = new float[gray.length];
        for (int i = 0; i < gray.length; i++) ink[i] = 1 - (gray[i] & 0xFF) / 255f;
        return ink;
    }

    /**
     * The characters of a dark-on-light image, left to right: connected marks of ink (darker than
     * mid-grey), pieces that overlap in columns joined as one character; marks under a third of
     * the tallest's height (specks, a dot of dirt) are not characters.
     */
    static List<Glyph> cut(byte[] gray, int w, int h) {
        boolean[] mask = new boolean[w * h];
        for (int i = 0; i < mask.length; i++) mask[i] = (gray[i] & 0xFF) < 128;
        List<int[]> boxes = components(mask, w, h);
        int tallest = boxes.stream().mapToInt(b -> b[3] - b[1] + 1).max().orElse(0);
        List<int[]> marks = new ArrayList<>(boxes.stream().filter(b -> b[3] - b[1] + 1 >= tallest / 3.0).toList());
        marks.sort(Comparator.comparingInt(b -> b[0]));
        List<int[]> joined = new ArrayList<>();
        for (int[] b : marks) {
            int[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            int overlap = last == null ? -1 : Math.min(last[2], b[2]) - Math.max(last[0], b[0]);
            if (last != null && overlap > 0.5 * Math.min(last[2] - last[0] + 1, b[2] - b[0] + 1)) {
                last[0] = Math.min(last[0], b[0]);
                last[1] = Math.min(last[1], b[1]);
                last[2] = Math.max(last[2], b[2]);
                last[3] = Math.max(last[3], b[3]);
            } else {
                joined.add(b.clone());
            }
        }
        float[] ink = ink(gray);
        List<Glyph> out = new ArrayList<>();
        for (int[] b : joined) out.add(new Glyph(b[0], b[1], b[2], b[3], normalize(ink, w, b[0], b[1], b[2], b[3])));
        return out;
    }

    /** Boxes {x0, y0, x1, y1} of the 8-connected components of a mask. */
    private static List<int[]> components(boolean[] mask, int w, int h) {
        boolean[] seen = new boolean[mask.length];
        int[] stack = new int[mask.length];
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || seen[start]) continue;
            int sp = 0;
            stack[sp++] = start;
            seen[start] = true;
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            while (sp > 0) {
                int i = stack[--sp];
                int x = i % w, y = i / w;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                        int j = ny * w + nx;
                        if (mask[j] && !seen[j]) {
                            seen[j] = true;
                            stack[sp++] = j;
                        }
                    }
                }
            }
            out.add(new int[] {x0, y0, x1, y1});
        }
        return out;
    }

    /**
     * The box's ink scaled to {@link #SIZE} tall (its width by the same factor, so a narrow "1"
     * stays narrow), centred in a {@link #SIZE} square, then softened (Gaussian σ 1 px) so that a
     * stroke a pixel thicker or thinner than the font's changes the correlation little.
     */
    static float[] normalize(float[] ink, int w, int x0, int y0, int x1, int y1) {
        int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
        double scale = SIZE / (double) bh;
        double offset = (SIZE - bw * scale) / 2;
        float[] out = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                // Area average of the source pixels under this target pixel.
                double sx0 = x0 + (x - offset) / scale, sx1 = x0 + (x + 1 - offset) / scale;
                double sy0 = y0 + y / scale, sy1 = y0 + (y + 1) / scale;
                out[y * SIZE + x] = (float) average(ink, w, x0, y0, x1, y1, sx0, sy0, sx1, sy1);
            }
        }
        return soften(out);
    }

    private static double average(float[] ink, int w, int bx0, int by0, int bx1, int by1, double sx0, double sy0, double sx1, double sy1) {
        double sum = 0, area = 0;
        for (int y = (int) Math.floor(sy0); y < Math.ceil(sy1); y++) {
            double wy = Math.min(sy1, y + 1) - Math.max(sy0, y);
            if (wy <= 0) continue;
            for (int x = (int) Math.floor(sx0); x < Math.ceil(sx1); x++) {
                double wx = Math.min(sx1, x + 1) - Math.max(sx0, x);
                if (wx <= 0) continue;
                // Outside the character's box counts as paper: a neighbour's ink is not this character's.
                float v = x < bx0 || x > bx1 || y < by0 || y > by1 ? 0 : ink[y * w + x];
                sum += v * wx * wy;
                area += wx * wy;
            }
        }
        return area == 0 ? 0 : sum / area;
    }

    private static float[] soften(float[] in) {
        float[] k = {0.054f, 0.244f, 0.403f, 0.244f, 0.054f}; // Gaussian, σ = 1
        float[] rows = new float[in.length], out = new float[in.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float s = 0;
                for (int j = -2; j <= 2; j++) s += k[j + 2] * in[y * SIZE + Math.min(SIZE - 1, Math.max(0, x + j))];
                rows[y * SIZE + x] = s;
            }
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float s = 0;
                for (int j = -2; j <= 2; j++) s += k[j + 2] * rows[Math.min(SIZE - 1, Math.max(0, y + j)) * SIZE + x];
                out[y * SIZE + x] = s;
            }
        }
        return out;
    }
}
