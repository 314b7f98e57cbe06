package io.wavebench.simulators.reader.card;

import io.wavebench.drivers.optical.ConnectedComponents;
import io.wavebench.drivers.optical.GrayFilters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds lines of character-sized marks on an upright card (DESIGN §5.4 "binarize, find the digit
 * groups"). The card's art is taken away by subtracting a local mean (a wide box blur), which
 * leaves the printing; marks are thresholded per polarity (light digits on a dark card, dark on
 * light), grouped into connected components, and components of like height side by side make a
 * line. Each line carries an OCR-ready crop: dark text on white, contrast normalized.
 */
final class TextLines {

    /**
     * A line of marks: its box on the card, how many marks, their median height, and the crop for
     * OCR. {@code boxes}, {@code ink} and {@code threshold} let the line be cut into its groups.
     */
    record Line(int x0, int y0, int x1, int y1, int marks, double height, int polarity, byte[] crop, int cropWidth, int cropHeight, List<Box> boxes,
            float[] ink, float threshold, double whiteBelow, double blackAbove) {
        double centreY() {
            return (y0 + y1) / 2.0;
        }

        /**
         * The line cut where a run of blank columns (no ink across the line's height) is wider
         * than 0.85 of the character height: the groups of a card number. Within a group even a
         * narrow "1" between two others leaves less (ISO/IEC 7811-1 pitch: 3.63 mm a character,
         * 4.3 mm tall), while groups stand a character or more apart. Columns, not marks, so a
         * character that broke into pieces or was not taken as a mark cannot open a gap.
         */
        List<Line> groups() {
            int ya = Math.max(0, y0), yb = Math.min(H - 1, y1);
            boolean[] inked = new boolean[x1 - x0 + 1];
            for (int x = x0; x <= x1; x++) {
                int n = 0;
                for (int y = ya; y <= yb; y++) if (ink[y * W + x] > threshold) n++;
                inked[x - x0] = n >= 2;
            }
            List<Line> out = new ArrayList<>();
            int start = 0;
            int blank = 0;
            for (int i = 0; i < inked.length; i++) {
                if (!inked[i]) {
                    blank++;
                    continue;
                }
                if (blank > 0.85 * height && i - blank > start) {
                    out.add(cut(start, i - blank - 1));
                    start = i;
                }
                blank = 0;
            }
            out.add(cut(start, inked.length - 1 - blank));
            return out;
        }

        /** This line with its crop (and its groups' crops) rendered to keep faint strokes ({@link #FAINT_WHITE_BELOW}, {@link #FAINT_BLACK_ABOVE}). */
        Line withFaintInk() {
            return TextLines.crop(x0, y0, x1, y1, marks, height, polarity, boxes, ink, threshold, FAINT_WHITE_BELOW, FAINT_BLACK_ABOVE);
        }

        /**
         * The part of this line between two card columns, rendered as this line is, its crop white
         * beyond them (where {@link #cut}'s crop shows the ink of its margins): an expiry's MM or
         * YY without the slash beside it ({@link DateSlash}).
         */
        Line between(int fromX, int toX) {
            int from = Math.max(x0, fromX), to = Math.min(x1, toX);
            List<Box> inside = boxes.stream().filter(b -> b.x1() >= from && b.x0() <= to).toList();
            return TextLines.crop(from, y0, to, y1, Math.max(1, inside.size()), height, polarity, inside, ink, threshold, whiteBelow, blackAbove, from, to);
        }

        /** The part of this line between two of its columns (offsets from x0), with its own crop. */
        private Line cut(int from, int to) {
            List<Box> inside = boxes.stream().filter(b -> b.x1() >= x0 + from && b.x0() <= x0 + to).toList();
            return TextLines.crop(x0 + from, y0, x0 + to, y1, Math.max(1, inside.size()), height, polarity, inside, ink, threshold, whiteBelow, blackAbove);
        }
    }

    record Box(int x0, int y0, int x1, int y1) {
        int w() {
            return x1 - x0 + 1;
        }

        int h() {
            return y1 - y0 + 1;
        }

        double cy() {
            return (y0 + y1) / 2.0;
        }
    }

    private static final int W = CardFace.WIDTH;
    private static final int H = CardFace.HEIGHT;
    private static final double TARGET_HEIGHT = 50;
    /** A mark's least ink, as a share of the strongest ink (99.5th percentile) in the rows searched. */
    static final double STRONG_INK_SHARE = 0.4;
    /** A mark's pixels reach down to this share of its threshold where they join pixels above it ({@link #hysteresis}). */
    static final double STROKE_SHARE = 0.5;
    /**
     * How far (pixels, 10 a mm) a mark grows from its pixels above the threshold into those above
     * {@link #STROKE_SHARE} of it: a serif 5's neck that fell under the bar is some 6 px long at
     * the number's 4 mm, bridged from both ends.
     */
    static final int STROKE_REACH = 4;
    /** A crop's ink, in thresholds, at or under which it is white, and at or over which black: art under half the threshold fades out. */
    private static final double WHITE_BELOW = 0.5, BLACK_ABOVE = 2.0;
    /**
     * {@link Line#withFaintInk()}'s: white only where there is no ink, black from 1.5 thresholds.
     * The crop above erases a stroke under half the threshold, and a thin serif slash through
     * the camera's blur keeps about that much (a 2 px stroke under sigma 2.5 some 0.3 of its
     * contrast): the engine then reads `03/28` as `0328`.
     */
    static final double FAINT_WHITE_BELOW = 0.0, FAINT_BLACK_ABOVE = 1.5;
    /** Widest component taken as characters that touch, in heights (three digits run together). */
    private static final double MERGED_WIDTH = 3.2;
    /** Pieces of a character overlap across at least this share of the narrower one's width ({@link #joinBrokenCharacters}). */
    private static final double JOIN_OVERLAP = 0.6;
    /** Specks smaller than this (pixels) are noise, not pieces of a character. */
    private static final int JOIN_MIN_PIXELS = 12;

    private TextLines() {}

    static List<Line> find(CardFace face, int minHeight, int maxHeight) {
        return find(face, minHeight, maxHeight, 0, H);
    }

    /**
     * The lines within rows {@code [yFrom, yTo)}, their marks thresholded against the strongest
     * ink in those rows only: a band's faint print (a thin expiry, seen through a camera) is lost
     * under a threshold that a hologram or dark art elsewhere on the card set.
     */
    static List<Line> find(CardFace face, int minHeight, int maxHeight, int yFrom, int yTo) {
        return find(face, minHeight, maxHeight, yFrom, yTo, STRONG_INK_SHARE, false);
    }

    /**
     * As {@link #find(CardFace, int, int, int, int)}, a mark's ink at least {@code inkShare} of the
     * strongest ink in those rows (and at least 18 levels), and, with {@code joinPieces}, pieces of
     * one character joined ({@link #joinBrokenCharacters}; a search of a band where a faint expiry
     * is looked for last: on a whole card, busy art's pieces joined to embossed print now and then
     * broke a line that was found before).
     */
    static List<Line> find(CardFace face, int minHeight, int maxHeight, int yFrom, int yTo, double inkShare, boolean joinPieces) {
        return find(face, minHeight, maxHeight, yFrom, yTo, inkShare, joinPieces, true);
    }

    /** As {@link #find(CardFace, int, int, int, int, double, boolean)}; with {@code grow} false, marks are not grown along faint strokes ({@link #marks}). */
    static List<Line> find(CardFace face, int minHeight, int maxHeight, int yFrom, int yTo, double inkShare, boolean joinPieces, boolean grow) {
        int from = Math.max(0, yFrom) * W, to = Math.min(H, yTo) * W;
        if (to - from < W) return List.of();
        float[] background = GrayFilters.box(face.luma, W, H, 22, 22);
        float[] diff = new float[W * H];
        for (int i = from; i < to; i++) diff[i] = face.luma[i] - background[i];
        List<Line> lines = new ArrayList<>();
        for (int polarity : new int[] {1, -1}) {
            float[] signed = new float[diff.length];
            for (int i = from; i < to; i++) signed[i] = Math.max(0, polarity * diff[i]);
            float strong = GrayFilters.percentile(Arrays.copyOfRange(signed, from, to), 0.995);
            float threshold = (float) Math.max(18, inkShare * strong);
            List<Box> marks = grow ? marks(signed, from, to, threshold, minHeight, maxHeight, joinPieces) : components(above(signed, from, to, threshold), minHeight, maxHeight, joinPieces, signed, threshold);
            for (List<Box> group : group(marks)) lines.add(line(group, signed, threshold, polarity));
        }
        return lines;
    }

    /**
     * Pixels above {@code high}, and those above {@code low} within {@link #STROKE_REACH} steps
     * of them through pixels above {@code low} (hysteresis, as Canny 1986 keeps weak edges that
     * continue strong ones): a thin stroke blurred by the camera keeps less of its contrast than
     * a thick one (a stroke of width w under a Gaussian of sigma s peaks at erf(w / (2√2 s)) of
     * it: a 2 px serif hairline at s 2.5 about 0.3, a 6 px stem 0.8), so a serif digit's
     * hairlines fall under a bar its stems pass and the digit falls apart (a 5 into its flag and
     * its bowl). The reach is short so that a hairline between two stems is bridged but a faint
     * line of the card's art that crosses a digit is not followed across the card.
     */
    static boolean[] hysteresis(float[] signed, int from, int to, float high, float low) {
        boolean[] mask = new boolean[signed.length];
        int[] steps = new int[signed.length];
        int[] queue = new int[to - from];
        int head = 0, tail = 0;
        for (int i = from; i < to; i++) {
            if (signed[i] > high) {
                mask[i] = true;
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int i = queue[head++];
            if (steps[i] >= STROKE_REACH) continue;
            int x = i % W;
            for (int j : new int[] {x > 0 ? i - 1 : -1, x < W - 1 ? i + 1 : -1, i - W, i + W}) {
                if (j < from || j >= to || mask[j] || signed[j] <= low) continue;
                mask[j] = true;
                steps[j] = steps[i] + 1;
                queue[tail++] = j;
            }
        }
        return mask;
    }

    /** The character-sized marks of rows {@code [from, to)}, grown along faint strokes ({@link #hysteresis}). */
    static List<Box> marks(float[] signed, int from, int to, float threshold, int minHeight, int maxHeight, boolean joinPieces) {
        return components(hysteresis(signed, from, to, threshold, (float) (STROKE_SHARE * threshold)), minHeight, maxHeight, joinPieces, signed, threshold);
    }

    private static boolean[] above(float[] signed, int from, int to, float threshold) {
        boolean[] mask = new boolean[signed.length];
        for (int i = from; i < to; i++) mask[i] = signed[i] > threshold;
        return mask;
    }

    /**
     * Components of the mask whose box is character-sized; one too tall or too wide for a
     * character is cut again at higher bars on {@code signed} ({@link OversizedMarks}): art that
     * crosses a digit must not take the digit with it.
     */
    private static List<Box> components(boolean[] mask, int minHeight, int maxHeight, boolean joinPieces, float[] signed, float threshold) {
        ConnectedComponents.Labelling labelling = ConnectedComponents.label(mask, W, H, ConnectedComponents.Connectivity.FOUR);
        List<int[]> pieces = new ArrayList<>();
        for (ConnectedComponents.Component c : labelling.components()) {
            if (OversizedMarks.oversized(c.width(), c.height(), maxHeight, MERGED_WIDTH)) {
                pieces.addAll(OversizedMarks.recut(signed, labelling.labels(), c.id(), c.x0(), c.y0(), c.x1(), c.y1(), threshold, W, minHeight, maxHeight));
            } else {
                pieces.add(new int[] {c.x0(), c.y0(), c.x1(), c.y1(), c.pixels()});
            }
        }
        List<Box> out = new ArrayList<>();
        for (int[] p : joinPieces ? joinBrokenCharacters(pieces, minHeight, maxHeight) : pieces) {
            Box b = new Box(p[0], p[1], p[2], p[3]);
            if (!characterSized(b.w(), b.h(), p[4], minHeight, maxHeight)) continue;
            if (b.w() <= 1.3 * b.h()) {
                out.add(b);
            } else {
                // Characters that touch (a serif face printed tight, seen through blur) make one
                // component: counted as the characters its width holds, so their line is found.
                int n = (int) Math.ceil(b.w() / (1.2 * b.h()));
                for (int k = 0; k < n; k++) {
                    out.add(new Box(b.x0() + k * b.w() / n, b.y0(), b.x0() + (k + 1) * b.w() / n - 1, b.y1()));
                }
            }
        }
        return out;
    }

    /**
     * Whether a component of this box and pixel count can be one character, or a few that touch
     * ({@link #MERGED_WIDTH}): of a character's height, neither a speck nor a filled block.
     */
    static boolean characterSized(int w, int h, int pixels, int minHeight, int maxHeight) {
        double fill = pixels / (double) (w * h);
        return h >= minHeight && h <= maxHeight && w >= 3 && fill > 0.12 && fill < 0.9 && w <= MERGED_WIDTH * h;
    }

    /**
     * Pieces of one character joined: a piece under or over another, overlapping it across
     * {@link #JOIN_OVERLAP} of the narrower's width, less than half its height and at most a third
     * of the least character height away. A thin serif 2 through the camera's blur leaves its
     * hairline diagonal under the threshold and falls into a top (18 px) and a foot (9 px): neither
     * was a mark of the expiry's height (30 px), so `12/28` made no line. Two whole characters
     * (neither under half the other's height) are never joined. Pieces are {x0, y0, x1, y1, pixels}.
     */
    static List<int[]> joinBrokenCharacters(List<int[]> pieces, int minHeight, int maxHeight) {
        List<int[]> all = new ArrayList<>(pieces.stream().filter(p -> p[4] >= JOIN_MIN_PIXELS).toList());
        all.sort(Comparator.comparingInt(p -> p[0]));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size() && all.get(j)[0] <= all.get(i)[2]; j++) {
                int[] a = all.get(i), b = all.get(j);
                int overlap = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1;
                int narrower = Math.min(a[2] - a[0], b[2] - b[0]) + 1;
                int gap = Math.max(a[1], b[1]) - Math.min(a[3], b[3]) - 1;
                int ha = a[3] - a[1] + 1, hb = b[3] - b[1] + 1;
                int height = Math.max(a[3], b[3]) - Math.min(a[1], b[1]) + 1;
                if (overlap < JOIN_OVERLAP * narrower || gap < 0 || gap > minHeight / 3.0 || height > maxHeight || 2 * Math.min(ha, hb) >= Math.max(ha, hb)) continue;
                all.set(i, new int[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3]), a[4] + b[4]});
                all.remove(j);
                j = i;
            }
        }
        return all;
    }

    /**
     * The line with its crop (and its groups' crops) drawn from the card's own grey levels, not
     * from its ink over the local mean: white at the paper around the line (the level nine in
     * ten of its pixels are on the print's side of), black at its strongest print, linear
     * between. Subtracting a local mean takes most from the densest characters: an embossed 8
     * two strokes wide in a window of its own size lost its left side under the threshold and
     * the engine read it as 3 (in every frame, at every scale tried), where it read the card's
     * grey crop as 8.
     */
    static Line onPaper(CardFace face, Line line) {
        int pad = (int) Math.round(line.height() * 0.45);
        int bx0 = Math.max(0, line.x0() - pad), by0 = Math.max(0, line.y0() - pad / 2), bx1 = Math.min(W - 1, line.x1() + pad), by1 = Math.min(H - 1, line.y1() + pad / 2);
        float[] toward = new float[(bx1 - bx0 + 1) * (by1 - by0 + 1)];
        int k = 0;
        for (int y = by0; y <= by1; y++) for (int x = bx0; x <= bx1; x++) toward[k++] = line.polarity() < 0 ? face.luma[y * W + x] : 255 - face.luma[y * W + x];
        float paper = GrayFilters.percentile(toward, 0.9);
        float[] ink = new float[W * H];
        float[] inBox = new float[toward.length];
        k = 0;
        for (int y = by0; y <= by1; y++) {
            for (int x = bx0; x <= bx1; x++) {
                float v = Math.max(0, paper - toward[k]);
                ink[y * W + x] = v;
                inBox[k++] = v;
            }
        }
        float strongest = GrayFilters.percentile(inBox, 0.99);
        if (strongest <= 0) return line;
        return crop(line.x0(), line.y0(), line.x1(), line.y1(), line.marks(), line.height(), line.polarity(), line.boxes(), ink, strongest / 2, 0.0, 2.0);
    }

    /** Marks side by side, of like height, with gaps no wider than a few characters. */
    private static List<List<Box>> group(List<Box> marks) {
        List<Box> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingInt(Box::x0));
        List<List<Box>> lines = new ArrayList<>();
        boolean[] used = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (used[i]) continue;
            List<Box> line = new ArrayList<>();
            line.add(sorted.get(i));
            used[i] = true;
            Box last = sorted.get(i);
            double height = last.h();
            double cy = last.cy();
            for (int j = i + 1; j < sorted.size(); j++) {
                if (used[j]) continue;
                Box b = sorted.get(j);
                if (b.x0() - last.x1() > 2.5 * height) break;
                if (Math.abs(b.cy() - cy) > 0.35 * height || b.h() > 1.45 * height || b.h() < height / 1.45) continue;
                line.add(b);
                used[j] = true;
                last = b;
                height = (height * (line.size() - 1) + b.h()) / line.size();
                cy = (cy * (line.size() - 1) + b.cy()) / line.size();
            }
            if (line.size() >= 3) lines.add(line);
        }
        return lines;
    }

    private static Line line(List<Box> marks, float[] signed, float threshold, int polarity) {
        int x0 = W, y0 = H, x1 = 0, y1 = 0;
        double[] heights = new double[marks.size()];
        for (int i = 0; i < marks.size(); i++) {
            Box b = marks.get(i);
            x0 = Math.min(x0, b.x0());
            y0 = Math.min(y0, b.y0());
            x1 = Math.max(x1, b.x1());
            y1 = Math.max(y1, b.y1());
            heights[i] = b.h();
        }
        Arrays.sort(heights);
        double height = heights[heights.length / 2];
        return crop(x0, y0, x1, y1, marks.size(), height, polarity, marks, signed, threshold);
    }

    static Line crop(int x0, int y0, int x1, int y1, int count, double height, int polarity, List<Box> marks, float[] signed, float threshold) {
        return crop(x0, y0, x1, y1, count, height, polarity, marks, signed, threshold, WHITE_BELOW, BLACK_ABOVE);
    }

    /**
     * As {@link #crop(int, int, int, int, int, double, int, List, float[], float)}, ink at or
     * under {@code whiteBelow} thresholds white and at or over {@code blackAbove} black, linear between.
     */
    static Line crop(int x0, int y0, int x1, int y1, int count, double height, int polarity, List<Box> marks, float[] signed, float threshold,
            double whiteBelow, double blackAbove) {
        return crop(x0, y0, x1, y1, count, height, polarity, marks, signed, threshold, whiteBelow, blackAbove, 0, W - 1);
    }

    /** As {@link #crop(int, int, int, int, int, double, int, List, float[], float, double, double)}, white left of column {@code inkFrom} and right of {@code inkTo}. */
    static Line crop(int x0, int y0, int x1, int y1, int count, double height, int polarity, List<Box> marks, float[] signed, float threshold,
            double whiteBelow, double blackAbove, int inkFrom, int inkTo) {
        int pad = (int) Math.round(height * 0.45);
        int cx0 = Math.max(0, x0 - pad), cy0 = Math.max(0, y0 - pad / 2), cx1 = Math.min(W - 1, x1 + pad), cy1 = Math.min(H - 1, y1 + pad / 2);
        // Tesseract's LSTM reads best with characters about 50 px tall: small lines are scaled up.
        double scale = Math.max(1, TARGET_HEIGHT / height);
        int sw = cx1 - cx0 + 1, sh = cy1 - cy0 + 1;
        int cw = (int) Math.round(sw * scale), ch = (int) Math.round(sh * scale);
        byte[] crop = new byte[cw * ch];
        // Dark text on white: Tesseract's expectation. Contrast is stretched so that the
        // threshold sits at mid-grey; the art left under the threshold fades to white.
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                double sx = Math.min(sw - 1, x / scale), sy = Math.min(sh - 1, y / scale);
                double ink = cx0 + sx < inkFrom || cx0 + sx > inkTo ? 0 : GrayFilters.bilinear(signed, W, H, cx0 + sx, cy0 + sy) / threshold;
                int v = (int) Math.round(255 * (1 - Math.min(1, Math.max(0, (ink - whiteBelow) / (blackAbove - whiteBelow)))));
                crop[y * cw + x] = (byte) v;
            }
        }
        return new Line(x0, y0, x1, y1, count, height, polarity, crop, cw, ch, List.copyOf(marks), signed, threshold, whiteBelow, blackAbove);
    }
}
