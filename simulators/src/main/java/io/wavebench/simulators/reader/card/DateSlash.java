package io.wavebench.simulators.reader.card;

import java.util.Optional;

/**
 * Where the slash of an MM/YY expiry line stands, seen in the line's ink (DESIGN §5.4): a straight
 * stroke that leans right, from the foot of the line to its top, about the line's middle. A thin
 * serif slash through the camera's blur keeps a third or so of a digit's contrast, and the OCR
 * engine reads {@code 05/30} as {@code 0530} (or drops a digit beside it: {@code 11/31} as
 * {@code 131}) from every rendering of the line; once its place is seen, MM and YY are read
 * apart, each from its own side of it ({@link CardPhotoReader}).
 *
 * <p>The gap between two digits is blank at mid-height and a digit's upright stem is narrower
 * than the slash's lean, but such a stroke is no proof of a slash alone: a serif 7's stem leans
 * alike (of several strokes the one nearest the middle is taken), and a chord of a digit's curved
 * side or a 2's diagonal passes too (it was seen in most four-digit groups of number lines
 * through the camera). So the pairs read beside it count only where a reading of the whole line
 * gave their digits ({@link CardPhotoReader#lineDates}), and two frames must agree.
 */
final class DateSlash {

    /** A slash's run across over its height: a serif or sans-serif face's "/" runs 0.4–0.5 of the digits' height. */
    static final double MIN_LEAN = 0.3, MAX_LEAN = 0.75;
    /** Share of the rows between the line's top and foot (a tenth of its height off each) the stroke must be inked on. */
    static final double MIN_COVER = 0.9;
    /**
     * Share of the middle rows (a quarter of the height off the top and the foot) where the
     * stroke must be thin ({@link #MAX_WIDTH}): near the top and the foot a slash printed tight
     * touches the digits beside it under the camera's blur, and through the middle now and then
     * (a serif 5's bowl beside `05/30`'s slash).
     */
    static final double MIN_THIN = 0.6;
    /** The stroke's middle, off the line's middle, at most this share of the line's width. */
    static final double CENTRE_SPAN = 0.15;
    /**
     * Ink counted on the stroke, in thresholds of the line's marks: a 2 px stroke under the
     * camera's blur (sigma 2.5) keeps about 0.3 of its contrast, under the bar of the digits.
     */
    static final double STROKE_INK = 0.25;

    /**
     * Widest run of ink across a row the stroke may be part of, in the line's heights: a slash is
     * one thin stroke with the card on either side of it, where a line through a digit's body
     * crosses its bars and bowls (a 3's middle bar, a 2's foot), and digits run together by the
     * blur make runs as wide as themselves.
     */
    static final double MAX_WIDTH = 0.3;

    private static final int W = CardFace.WIDTH;

    /** A slash found: its foot's and top's columns on the card (the stroke's centre), and the share of the rows it is inked on. */
    record Slash(int foot, int top, double cover) {
        double centre() {
            return (foot + top) / 2.0;
        }

        /** The first column right of the stroke, {@code reach} pixels from its centre. */
        int rightOf(int reach) {
            return Math.max(foot, top) + reach;
        }

        /** The last column left of the stroke, {@code reach} pixels from its centre. */
        int leftOf(int reach) {
            return Math.min(foot, top) - reach;
        }
    }

    private DateSlash() {}

    /** Whether row {@code y} has ink at column {@code x} (or one beside it) in a run no wider than {@code maxWidth}. */
    private static boolean strokeAt(float[] ink, int y, int x, float low, int maxWidth) {
        int row = y * W;
        int at = ink[row + x] > low ? x : ink[row + x - 1] > low ? x - 1 : ink[row + x + 1] > low ? x + 1 : -1;
        if (at < 0) return false;
        int left = at, right = at;
        while (left > 0 && ink[row + left - 1] > low && right - left < maxWidth) left--;
        while (right < W - 1 && ink[row + right + 1] > low && right - left < maxWidth) right++;
        return right - left + 1 <= maxWidth;
    }

    /** The slash of {@code line}, the straight right-leaning stroke about its middle that is inked on most rows, or empty. */
    static Optional<Slash> find(TextLines.Line line) {
        int y0 = line.y0(), y1 = line.y1();
        int height = y1 - y0 + 1;
        if (height < 8) return Optional.empty();
        double middle = (line.x0() + line.x1()) / 2.0;
        double span = CENTRE_SPAN * (line.x1() - line.x0() + 1);
        int minRun = (int) Math.ceil(MIN_LEAN * height), maxRun = (int) Math.floor(MAX_LEAN * height);
        int rowFrom = y0 + (int) Math.round(0.1 * height), rowTo = y1 - (int) Math.round(0.1 * height);
        float low = (float) (STROKE_INK * line.threshold());
        int maxWidth = (int) Math.round(MAX_WIDTH * height);
        int thinFrom = y0 + (int) Math.round(0.25 * height), thinTo = y1 - (int) Math.round(0.25 * height);
        Slash best = null;
        for (int run = minRun; run <= maxRun; run++) {
            for (int foot = (int) Math.ceil(middle - span - run / 2.0); foot <= middle + span - run / 2.0; foot++) {
                int top = foot + run;
                if (foot - 1 < 0 || top + 1 >= W) continue;
                int inked = 0, rows = 0, thin = 0;
                for (int y = rowFrom; y <= rowTo; y++) {
                    int x = (int) Math.round(foot + run * (double) (y1 - y) / (y1 - y0));
                    rows++;
                    if (!strokeAt(line.ink(), y, x, low, W)) continue;
                    inked++;
                    if (y < thinFrom || y > thinTo) continue;
                    if (strokeAt(line.ink(), y, x, low, maxWidth)) thin++;
                }
                int middleCount = thinTo - thinFrom + 1;
                if (inked < MIN_COVER * rows || thin < MIN_THIN * middleCount) continue;
                Slash found = new Slash(foot, top, inked / (double) rows);
                if (best == null || Math.abs(found.centre() - middle) < Math.abs(best.centre() - middle)
                        || Math.abs(found.centre() - middle) == Math.abs(best.centre() - middle) && found.cover() > best.cover()) best = found;
            }
        }
        return Optional.ofNullable(best);
    }
}
