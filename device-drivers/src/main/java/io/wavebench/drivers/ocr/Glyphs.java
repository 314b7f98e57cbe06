package io.wavebench.drivers.ocr;

import io.wavebench.drivers.optical.ConnectedComponents;
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
        float[] ink = ink(gray);
        // Pieces of one character the threshold broke apart (one over the other) are joined
        // before characters run together are split, so that a run-together mark is measured at
        // a character's full height: through the camera a 1 broke at its stem, its top ran into
        // the 7 before it, and its foot alone, half the line's height, was taken for two
        // characters of that height and cut in two. A split's pieces that overlap a mark over
        // them are joined again below.
        List<int[]> pieces = new ArrayList<>(splitRunTogether(joinOverlapping(marks), ink, mask, w));
        pieces.sort(Comparator.comparingInt(b -> b[0]));
        List<int[]> joined = joinOverlapping(pieces);
        joinSmallPieces(joined, boxes, tallest);
        List<Glyph> out = new ArrayList<>();
        for (int[] b : joined) out.add(new Glyph(b[0], b[1], b[2], b[3], normalize(ink, w, b[0], b[1], b[2], b[3])));
        return out;
    }

    /**
     * Boxes, left to right, with each that shares more than half of the narrower one's columns
     * with the one before it joined to it: pieces of one character, one over the other.
     */
    static List<int[]> joinOverlapping(List<int[]> boxes) {
        List<int[]> joined = new ArrayList<>();
        for (int[] b : boxes) {
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
        return joined;
    }

    /**
     * Marks too wide for one character split into the characters a monospaced face's pitch puts
     * in them (OCR-A, ISO 1073-1, is monospaced): through a camera's blur, neighbours a tenth of
     * a character apart run together. The pitch is the median step between neighbouring marks of
     * one character each in this image; with none, a character's width ({@link #SINGLE_ASPECT}
     * of its height) and a gap of a tenth of it. The mark is cut into equal cells of a pitch,
     * less the gap, and each piece is trimmed to its own ink. A piece is still a character only
     * if its template says so, surely.
     */
    static List<int[]> splitRunTogether(List<int[]> marks, float[] ink, boolean[] mask, int w) {
        List<int[]> single = marks.stream().filter(b -> aspect(b) <= MAX_SINGLE_ASPECT).toList();
        if (single.size() == marks.size()) return marks;
        double width = median(single.stream().mapToDouble(b -> b[2] - b[0] + 1).toArray());
        List<Double> steps = new ArrayList<>();
        for (int i = 1; i < marks.size(); i++) {
            int[] a = marks.get(i - 1), b = marks.get(i);
            // Neighbours in one group: a group's gap (a card's groups, a slash's space) is no pitch.
            if (aspect(a) <= MAX_SINGLE_ASPECT && aspect(b) <= MAX_SINGLE_ASPECT && b[0] - a[2] < 0.5 * (b[3] - b[1] + 1)) steps.add((b[0] + b[2] - a[0] - a[2]) / 2.0);
        }
        List<int[]> out = new ArrayList<>();
        for (int[] m : marks) {
            if (aspect(m) <= MAX_SINGLE_ASPECT) {
                out.add(m);
                continue;
            }
            // With no pitch measured, the mark's own height is a character's (a lone slash or a
            // 1 beside it is no measure of the digits' height).
            double h = m[3] - m[1] + 1;
            double pitch = steps.isEmpty() ? 1.1 * SINGLE_ASPECT * h : median(steps.stream().mapToDouble(Double::doubleValue).toArray());
            double gap = steps.isEmpty() ? 0.1 * SINGLE_ASPECT * h : Math.max(0, pitch - width);
            double units = (m[2] - m[0] + 1 + gap) / pitch;
            int n = (int) Math.round(units);
            // A mark that is no whole number of pitches wide is not characters side by side
            // (characters printed over one another, art run into them): it stays one, refused.
            if (n < 2 || n > MAX_RUN || Math.abs(units - n) > MAX_PITCH_MISFIT) {
                out.add(m);
                continue;
            }
            // Equal cells: a monospaced face's characters stand one pitch apart whatever their
            // shapes (the column of least ink between two that touch across their height is no
            // better guide: it cut a 9 from a 0 seven pixels into the 0).
            double cell = (m[2] - m[0] + 1 + gap) / n;
            int from = m[0];
            for (int k = 1; k <= n; k++) {
                // The cut: one column in the middle of the gap the pitch leaves after this cell.
                int cut = k == n ? m[2] + 1 : (int) Math.round(m[0] + k * cell - gap / 2);
                // Each cell stays within the mark: a pitch measured between specks a pixel or
                // two wide (an expiry's search band with no print in it) rounds cuts onto one
                // another, and the last cell began past the mark, at the image's right edge.
                int last = Math.min(m[2], Math.max(from, cut - 1));
                int[] piece = from > last ? null : trim(mask, w, from, m[1], last, m[3]);
                if (piece != null) out.add(piece);
                from = cut + 1;
            }
        }
        return out;
    }

    /** Widest mark, over its height, taken as one character (no OCR digit is wider). */
    static final double MAX_SINGLE_ASPECT = 1.05;
    /** A character's width over its height where a line shows none alone (OCR-A's digits: 0.53-0.65 through the camera). */
    static final double SINGLE_ASPECT = 0.6;
    /**
     * Furthest a run-together mark's width may be from a whole number of pitches, in pitches
     * (OCR-A through the camera: 2, 3 and 4 digits run together measured 0.01-0.1 off; one and a
     * half digits' art run into a digit, 0.3-0.4).
     */
    static final double MAX_PITCH_MISFIT = 0.3;
    /** Most characters one mark is split into. */
    private static final int MAX_RUN = 8;

    private static double aspect(int[] b) {
        return (b[2] - b[0] + 1) / (double) (b[3] - b[1] + 1);
    }

    private static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The box of a mask's ink within columns {@code x0..x1} and rows {@code y0..y1}, or null where there is none. */
    private static int[] trim(boolean[] mask, int w, int x0, int y0, int x1, int y1) {
        int bx0 = Integer.MAX_VALUE, by0 = Integer.MAX_VALUE, bx1 = -1, by1 = -1;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (!mask[y * w + x]) continue;
                bx0 = Math.min(bx0, x);
                bx1 = Math.max(bx1, x);
                by0 = Math.min(by0, y);
                by1 = Math.max(by1, y);
            }
        }
        return bx1 < 0 ? null : new int[] {bx0, by0, bx1, by1};
    }

    /**
     * Pieces too small to be characters joined to the character they lie under or over: within
     * its columns (more than half of the piece's width) and at most {@link #PIECE_GAP} of the
     * tallest mark's height away. Through a camera's blur a small expiry's 2 loses its thin
     * diagonal and its foot stands alone (12 px of a 49 px line); left out, the 2 was cut
     * without it and matched no template.
     */
    private static void joinSmallPieces(List<int[]> characters, List<int[]> boxes, int tallest) {
        for (int[] p : boxes) {
            if (p[3] - p[1] + 1 >= tallest / 3.0) continue;
            for (int[] c : characters) {
                int overlap = Math.min(c[2], p[2]) - Math.max(c[0], p[0]) + 1;
                int gap = Math.max(c[1], p[1]) - Math.min(c[3], p[3]) - 1;
                if (overlap <= 0.5 * (p[2] - p[0] + 1) || gap > PIECE_GAP * tallest) continue;
                c[0] = Math.min(c[0], p[0]);
                c[1] = Math.min(c[1], p[1]);
                c[2] = Math.max(c[2], p[2]);
                c[3] = Math.max(c[3], p[3]);
                break;
            }
        }
    }

    /** Furthest a small piece stands from a character and is still part of it, in heights of the tallest mark. */
    private static final double PIECE_GAP = 0.15;

    /** Boxes {x0, y0, x1, y1} of the 8-connected components of a mask. */
    private static List<int[]> components(boolean[] mask, int w, int h) {
        return ConnectedComponents.label(mask, w, h, ConnectedComponents.Connectivity.EIGHT).components().stream()
                .map(c -> new int[] {c.x0(), c.y0(), c.x1(), c.y1()}).toList();
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

    /** A normalized glyph blurred by a Gaussian of {@code sigma} pixels (0: unchanged). */
    static float[] blur(float[] in, double sigma) {
        if (sigma <= 0) return in.clone();
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        float sum = 0;
        for (int j = -r; j <= r; j++) sum += k[j + r] = (float) Math.exp(-j * j / (2 * sigma * sigma));
        for (int j = 0; j < k.length; j++) k[j] /= sum;
        return convolve(in, k);
    }

    private static float[] soften(float[] in) {
        return convolve(in, new float[] {0.054f, 0.244f, 0.403f, 0.244f, 0.054f}); // Gaussian, σ = 1
    }

    /** Separable convolution by a symmetric kernel, edges extended. */
    private static float[] convolve(float[] in, float[] k) {
        int r = k.length / 2;
        float[] rows = new float[in.length], out = new float[in.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float s = 0;
                for (int j = -r; j <= r; j++) s += k[j + r] * in[y * SIZE + Math.min(SIZE - 1, Math.max(0, x + j))];
                rows[y * SIZE + x] = s;
            }
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float s = 0;
                for (int j = -r; j <= r; j++) s += k[j + r] * rows[Math.min(SIZE - 1, Math.max(0, y + j)) * SIZE + x];
                out[y * SIZE + x] = s;
            }
        }
        return out;
    }
}
