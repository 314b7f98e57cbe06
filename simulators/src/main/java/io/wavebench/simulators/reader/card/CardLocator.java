package io.wavebench.simulators.reader.card;

import io.wavebench.drivers.optical.Frame;
import io.wavebench.drivers.optical.GrayFilters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a bank card's four edges in a camera frame (DESIGN §5.4 "locate the card"). Edges are
 * found by gradient on a half-size frame; a Hough transform in which each edge pixel votes only
 * near its own gradient direction gives near-horizontal and near-vertical line candidates; every
 * (top, bottom, left, right) choice is scored by how much of its four sides the edges support,
 * with the ID-1 aspect (85.60 / 53.98 ≈ 1.59, perspective allowed for). Among well-supported
 * quadrilaterals the smallest wins: the photo's own border and the phone's screen make larger
 * rectangles around the card; one whose opposite sides converge more than a flat card's seen by
 * the camera does wins only where there is no other.
 */
final class CardLocator {

    /** Corners in frame pixels: top left, top right, bottom right, bottom left. */
    record Quad(double[] corners, double support) {}

    private static final int SCALE = 2;
    private static final int ANGLE_RANGE = 28;
    private static final int VOTE_SPREAD = 5;
    /**
     * An edge pixel's least gradient (levels per pixel on the half-size frame): at most this, so
     * a card's edge of some 12 levels (a dark card on a dark table) still counts, and at least
     * {@link #NOISE_FACTOR} times the frame's median gradient, so sensor noise and table grain do not.
     */
    private static final double EDGE_MIN = 4;
    private static final double EDGE_FLOOR = 1.5;
    private static final double NOISE_FACTOR = 3;
    private static final double MIN_SIDE_SUPPORT = 0.5;
    /**
     * Sides this well supported are a card's cut edges rather than a row of printed characters
     * (whose baseline also makes a straight edge, but one with gaps): when any quadrilateral has
     * them, the smallest such wins over less supported smaller ones.
     */
    private static final double STRONG_SIDE_SUPPORT = 0.75;

    /**
     * A flat card seen by the reader's camera keeps its opposite sides within this many degrees of
     * parallel: measured on 120 frames of the fixtures' card photos through the simulated camera
     * (its typical hand tilts the phone 15°), the card's sides converged by at most 14°. A
     * quadrilateral with an arc of the card's art for a side converges more: on a dark ImageMagick
     * card with rings over it, one with sides 22° apart was the smallest, and its digits came out
     * squeezed past reading.
     */
    private static final double MAX_OPPOSITE_ANGLE_DEG = 16;

    /**
     * Half the width (half-size pixels) of the band along each side of a located quadrilateral
     * whose edges are left out when a card inside it is looked for ({@link #cardInside}): the
     * blurred gradient of the quadrilateral's own edges, and the copies of them it makes.
     */
    private static final double INNER_MARGIN = 4;
    /**
     * The least area of a card within a photo, as a share of the photo's: a shopper's photo of a
     * card is mostly card (the ImageMagick set's: card width 0.62–0.82 of the photo's, an area
     * share of 0.37–0.64), while print and art inside a card make smaller boxes.
     */
    private static final double INNER_MIN_AREA = 0.3;
    /** ISO/IEC 7810 ID-1: 85.60 × 53.98 mm. */
    private static final double ID1_ASPECT = 85.60 / 53.98;
    /** A card within a photo lies turned by a few degrees at most (ImageMagick's set: up to 5°): its sides stay this near the photo's. */
    private static final double INNER_SIDE_DEG = 8;

    private record Line(double thetaDeg, double rho, int votes) {}

    Optional<Quad> locate(Frame frame) {
        int w = frame.width() / SCALE;
        int h = frame.height() / SCALE;
        float[] small = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int dy = 0; dy < SCALE; dy++) for (int dx = 0; dx < SCALE; dx++) s += frame.at(x * SCALE + dx, y * SCALE + dy);
                small[y * w + x] = s / (SCALE * SCALE);
            }
        }
        small = GrayFilters.gaussian(small, w, h, 1.2);
        float[] gx = new float[w * h];
        float[] gy = new float[w * h];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                gx[i] = (small[i - w + 1] + 2 * small[i + 1] + small[i + w + 1] - small[i - w - 1] - 2 * small[i - 1] - small[i + w - 1]) / 8f;
                gy[i] = (small[i + w - 1] + 2 * small[i + w] + small[i + w + 1] - small[i - w - 1] - 2 * small[i - w] - small[i - w + 1]) / 8f;
            }
        }
        float[] mags = new float[w * h];
        for (int i = 0; i < mags.length; i++) mags[i] = (float) (4 * Math.hypot(gx[i], gy[i]));
        double edgeMin = Math.max(EDGE_FLOOR, Math.min(EDGE_MIN, NOISE_FACTOR * GrayFilters.percentile(mags, 0.5) / 4));
        Quad best = smallest(peaks(hough(gx, gy, w, h, 90, edgeMin), 10), peaks(hough(gx, gy, w, h, 0, edgeMin), 10), gx, gy, w, h, edgeMin,
                0.06 * w * h, null);
        if (best == null) return Optional.empty();
        Quad inner = cardInside(best, gx, gy, w, h, edgeMin);
        if (inner != null) best = inner;
        double[] full = best.corners().clone();
        for (int i = 0; i < 8; i++) full[i] = full[i] * SCALE + (SCALE - 1) / 2.0;
        return Optional.of(new Quad(full, best.support()));
    }

    /**
     * The smallest well-supported quadrilateral of lines {@code horizontal} and {@code vertical},
     * of the best tier that has one (see {@link #belongs}), at least {@code minArea} (half-size
     * pixels), its sides' support measured on {@code gx, gy}; with {@code like} given, only
     * strongly supported ones seen in perspective whose sides each lie within
     * {@link #INNER_SIDE_DEG}° of that quadrilateral's and whose aspect is nearer ID-1's than its.
     */
    private static Quad smallest(List<Line> horizontal, List<Line> vertical, float[] gx, float[] gy, int w, int h, double edgeMin, double minArea,
            double[] like) {
        // The smallest well-supported quadrilateral of each tier, best tier first (see belongs).
        Quad[] picks = new Quad[4];
        double[] areas = new double[4];
        for (Line top : horizontal) {
            for (Line bottom : horizontal) {
                if (bottom.rho - top.rho < 0.15 * h) continue;
                for (Line left : vertical) {
                    for (Line right : vertical) {
                        if (right.rho - left.rho < 0.2 * w) continue;
                        double[] c = new double[8];
                        if (!corner(top, left, c, 0) || !corner(top, right, c, 2) || !corner(bottom, right, c, 4) || !corner(bottom, left, c, 6)) continue;
                        double width = (dist(c, 0, 1) + dist(c, 3, 2)) / 2;
                        double height = (dist(c, 0, 3) + dist(c, 1, 2)) / 2;
                        double aspect = width / height;
                        if (aspect < 1.25 || aspect > 2.0) continue;
                        double area = width * height;
                        if (area < minArea) continue;
                        if (like != null && (!sidesAlike(c, like) || Math.abs(aspect - ID1_ASPECT) >= Math.abs(aspect(like) - ID1_ASPECT))) continue;
                        double support = Math.min(Math.min(side(gx, gy, w, h, c, 0, 1, edgeMin), side(gx, gy, w, h, c, 1, 2, edgeMin)),
                                Math.min(side(gx, gy, w, h, c, 2, 3, edgeMin), side(gx, gy, w, h, c, 3, 0, edgeMin)));
                        if (support < MIN_SIDE_SUPPORT) continue;
                        boolean strong = support >= STRONG_SIDE_SUPPORT, perspective = seenInPerspective(c);
                        for (int t = 0; t < (like == null ? picks.length : 1); t++) {
                            if (!belongs(t, strong, perspective)) continue;
                            Quad pick = picks[t];
                            if (pick == null || area < areas[t] * 0.97 || (area < areas[t] * 1.03 && support > pick.support())) {
                                areas[t] = area;
                                picks[t] = new Quad(c, support);
                            }
                        }
                    }
                }
            }
        }
        return Arrays.stream(picks).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * A card inside quadrilateral {@code outer} (half-size pixels), or null. A photo of a card
     * shown on a phone has its own border, as straight and strongly supported as a card's edges
     * and of nearly ID-1's aspect (a 3:2 photo is 1.50, ID-1 1.59). Each pixel of an edge votes
     * for lines a few degrees either side of it ({@link #VOTE_SPREAD}), so each long border also
     * makes strong peaks at lines turned about its middle, which the peaks' neighbourhood does not
     * cover: on a light card on a light table these copies of the border filled the ten places,
     * the card's own fainter edges were not among them, and the border, or the border on two sides
     * and the card's edges on the other two, was taken for the card, which came out deskewed a
     * third too small (its 3 mm expiry some 20 px tall). So the lines are looked for again with the
     * edges along {@code outer}'s sides left out ({@link #INNER_MARGIN} either side), and, with
     * {@code outer}'s own sides (one may be a card's edge), make the quadrilaterals a card inside
     * could be: strongly supported on the whole frame's edges, seen in perspective, at least
     * {@link #INNER_MIN_AREA} of {@code outer} and smaller than it, sides near its sides' (a card
     * lies on the table turned a few degrees at most), and nearer ID-1's aspect than {@code outer}
     * (both are seen in the same perspective: a 3:2 photo's border is 1.50 where the card is
     * 1.59, while a line of a card's busy art that cuts off part of the card, taken with three of
     * its edges, makes it narrower than the card). The smallest such is the card.
     */
    private static Quad cardInside(Quad outer, float[] gx, float[] gy, int w, int h, double edgeMin) {
        double[] c = outer.corners();
        float[] ix = gx.clone();
        float[] iy = gy.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!nearASide(c, x, y, INNER_MARGIN)) continue;
                ix[y * w + x] = 0;
                iy[y * w + x] = 0;
            }
        }
        List<Line> horizontal = new ArrayList<>(peaks(hough(ix, iy, w, h, 90, edgeMin), 10));
        List<Line> vertical = new ArrayList<>(peaks(hough(ix, iy, w, h, 0, edgeMin), 10));
        horizontal.add(through(c, 0, 1, 90));
        horizontal.add(through(c, 3, 2, 90));
        vertical.add(through(c, 0, 3, 0));
        vertical.add(through(c, 1, 2, 0));
        double outerArea = area(c);
        Quad inner = smallest(horizontal, vertical, gx, gy, w, h, edgeMin, INNER_MIN_AREA * outerArea, c);
        return inner != null && area(inner.corners()) < 0.97 * outerArea ? inner : null;
    }

    /** The line through corners p and q of {@code c}, as one of the family around {@code centreDeg} (90 or 0). */
    private static Line through(double[] c, int p, int q, int centreDeg) {
        double direction = Math.toDegrees(Math.atan2(c[2 * q + 1] - c[2 * p + 1], c[2 * q] - c[2 * p]));
        double theta = centreDeg == 90 ? direction : direction - 90;
        double t = Math.toRadians(centreDeg + theta);
        return new Line(theta, c[2 * p] * Math.cos(t) + c[2 * p + 1] * Math.sin(t), 0);
    }

    /** Mean width over mean height. */
    private static double aspect(double[] c) {
        return (dist(c, 0, 1) + dist(c, 3, 2)) / (dist(c, 0, 3) + dist(c, 1, 2));
    }

    private static double area(double[] c) {
        return (dist(c, 0, 1) + dist(c, 3, 2)) / 2 * (dist(c, 0, 3) + dist(c, 1, 2)) / 2;
    }

    /** Whether (x, y) lies within {@code margin} of the line of any side of quadrilateral {@code c}. */
    private static boolean nearASide(double[] c, double x, double y, double margin) {
        for (int k = 0; k < 4; k++) {
            double x0 = c[2 * k], y0 = c[2 * k + 1], x1 = c[(2 * k + 2) % 8], y1 = c[(2 * k + 3) % 8];
            double d = ((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) / Math.hypot(x1 - x0, y1 - y0);
            if (Math.abs(d) < margin) return true;
        }
        return false;
    }

    /** Whether each side of {@code c} lies within {@link #INNER_SIDE_DEG}° of the same side of {@code like}. */
    private static boolean sidesAlike(double[] c, double[] like) {
        for (int k = 0; k < 4; k++) {
            int p = k, q = (k + 1) % 4;
            double a = Math.atan2(c[2 * q + 1] - c[2 * p + 1], c[2 * q] - c[2 * p]);
            double b = Math.atan2(like[2 * q + 1] - like[2 * p + 1], like[2 * q] - like[2 * p]);
            if (Math.abs(Math.toDegrees(Math.IEEEremainder(a - b, 2 * Math.PI))) > INNER_SIDE_DEG) return false;
        }
        return true;
    }

    /** Votes of edge pixels whose normal is within ±ANGLE_RANGE° of {@code centreDeg}. */
    private static int[][] hough(float[] gx, float[] gy, int w, int h, int centreDeg, double edgeMin) {
        int diag = (int) Math.ceil(Math.hypot(w, h));
        int[][] acc = new int[2 * ANGLE_RANGE + 1][2 * diag + 1];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double mag = Math.hypot(gx[i], gy[i]);
                if (mag < edgeMin) continue;
                double normal = Math.toDegrees(Math.atan2(gy[i], gx[i]));
                // A line's normal is defined modulo 180°.
                double offset = ((normal - centreDeg) % 180 + 270) % 180 - 90;
                if (Math.abs(offset) > ANGLE_RANGE + VOTE_SPREAD) continue;
                int from = (int) Math.max(-ANGLE_RANGE, Math.round(offset) - VOTE_SPREAD);
                int to = (int) Math.min(ANGLE_RANGE, Math.round(offset) + VOTE_SPREAD);
                for (int a = from; a <= to; a++) {
                    double t = Math.toRadians(centreDeg + a);
                    int rho = (int) Math.round(x * Math.cos(t) + y * Math.sin(t));
                    acc[a + ANGLE_RANGE][rho + diag]++;
                }
            }
        }
        return acc;
    }

    private static List<Line> peaks(int[][] acc, int count) {
        int diag = (acc[0].length - 1) / 2;
        List<Line> out = new ArrayList<>();
        boolean[][] taken = new boolean[acc.length][acc[0].length];
        for (int n = 0; n < count; n++) {
            int bestA = -1;
            int bestR = -1;
            int best = 20;
            for (int a = 0; a < acc.length; a++) {
                for (int r = 0; r < acc[a].length; r++) {
                    if (!taken[a][r] && acc[a][r] > best) {
                        best = acc[a][r];
                        bestA = a;
                        bestR = r;
                    }
                }
            }
            if (bestA < 0) break;
            for (int a = Math.max(0, bestA - 4); a <= Math.min(acc.length - 1, bestA + 4); a++) {
                for (int r = Math.max(0, bestR - 6); r <= Math.min(acc[a].length - 1, bestR + 6); r++) taken[a][r] = true;
            }
            out.add(new Line(bestA - ANGLE_RANGE, bestR - diag, best));
        }
        // thetaDeg stays relative to the family's centre (90° or 0°); corner() adds it back.
        return out;
    }

    /** Intersection of a horizontal-family line (normal near 90°) and a vertical-family one (near 0°). */
    private static boolean corner(Line hz, Line vt, double[] out, int at) {
        double t1 = Math.toRadians(90 + hz.thetaDeg);
        double t2 = Math.toRadians(vt.thetaDeg);
        double a1 = Math.cos(t1), b1 = Math.sin(t1), a2 = Math.cos(t2), b2 = Math.sin(t2);
        double det = a1 * b2 - a2 * b1;
        if (Math.abs(det) < 1e-6) return false;
        out[at] = (hz.rho * b2 - vt.rho * b1) / det;
        out[at + 1] = (a1 * vt.rho - a2 * hz.rho) / det;
        return true;
    }

    /** Share of points along side p→q (its middle 80 %: card corners are rounded) with an edge across it. */
    private static double side(float[] gx, float[] gy, int w, int h, double[] c, int p, int q, double edgeMin) {
        double x0 = c[2 * p], y0 = c[2 * p + 1], x1 = c[2 * q], y1 = c[2 * q + 1];
        double len = Math.hypot(x1 - x0, y1 - y0);
        double nx = -(y1 - y0) / len, ny = (x1 - x0) / len;
        int samples = Math.max(8, (int) (len / 2));
        int hits = 0;
        for (int s = 0; s < samples; s++) {
            double t = 0.1 + 0.8 * (s + 0.5) / samples;
            double x = x0 + t * (x1 - x0);
            double y = y0 + t * (y1 - y0);
            boolean hit = false;
            for (int d = -2; d <= 2 && !hit; d++) {
                int xi = (int) Math.round(x + d * nx);
                int yi = (int) Math.round(y + d * ny);
                if (xi < 1 || yi < 1 || xi >= w - 1 || yi >= h - 1) continue;
                int i = yi * w + xi;
                double mag = Math.hypot(gx[i], gy[i]);
                if (mag < edgeMin) continue;
                double across = Math.abs(gx[i] * nx + gy[i] * ny) / mag;
                if (across > 0.85) hit = true;
            }
            if (hit) hits++;
        }
        return hits / (double) samples;
    }

    /**
     * The tiers a quadrilateral competes in, best first: sides strongly supported and seen in
     * perspective; strongly supported; seen in perspective; any. The smallest of the best tier
     * that has one wins: cut edges over a row of print's baseline, and a card's edges over an arc
     * of its art that makes a smaller quadrilateral no camera would see a flat card as.
     */
    private static boolean belongs(int tier, boolean strong, boolean perspective) {
        return switch (tier) {
            case 0 -> strong && perspective;
            case 1 -> strong;
            case 2 -> perspective;
            default -> true;
        };
    }

    /** Whether corners {@code c} (TL, TR, BR, BL) could be a flat card seen by the camera: opposite sides near parallel. */
    static boolean seenInPerspective(double[] c) {
        return degreesApart(c, 0, 1, 3, 2) <= MAX_OPPOSITE_ANGLE_DEG && degreesApart(c, 0, 3, 1, 2) <= MAX_OPPOSITE_ANGLE_DEG;
    }

    /** The angle between side p→q and side r→s. */
    private static double degreesApart(double[] c, int p, int q, int r, int s) {
        double a = Math.atan2(c[2 * q + 1] - c[2 * p + 1], c[2 * q] - c[2 * p]);
        double b = Math.atan2(c[2 * s + 1] - c[2 * r + 1], c[2 * s] - c[2 * r]);
        return Math.abs(Math.toDegrees(Math.IEEEremainder(a - b, 2 * Math.PI)));
    }

    private static double dist(double[] c, int p, int q) {
        return Math.hypot(c[2 * p] - c[2 * q], c[2 * p + 1] - c[2 * q + 1]);
    }
}
