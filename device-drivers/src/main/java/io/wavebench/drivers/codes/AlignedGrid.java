package io.wavebench.drivers.codes;

import com.google.zxing.NotFoundException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * A QR code's module grid fitted piece by piece to every alignment pattern the version has
 * (ISO/IEC 18004:2015 §6.3.6 and Annex E, Table E.1), for {@link Rung#ALIGNED}.
 *
 * <p>ZXing's detector fits one perspective transform to the three finder patterns and the one
 * alignment pattern it seeks near the bottom-right corner, at the size the finder patterns'
 * distance over their module size gives. Under a keystone that size is often a version off (53
 * modules for 57), so the alignment pattern is sought in the wrong place and the grid drifts; and a
 * near finder pattern's modules can be more than 1.4 times a far one's, which ZXing's selection
 * refuses. Here the candidates of ZXing's own finder row scan are grouped with a looser bound
 * ({@link QrFinders}), every alignment pattern of the version is looked for in the grey image near
 * where a local fit of the patterns already found puts it (most found neighbours first, each one found refining the fit for
 * the next), and each region between four neighbouring pattern centres is mapped with its own
 * transform, so that an error in one pattern bends only its own regions. The caller reads the
 * modules and hands them to ZXing's decoder: a misplaced pattern or a wrong size makes the format,
 * the version or the Reed-Solomon check fail, never a wrong value.
 */
final class AlignedGrid {

    private AlignedGrid() {
    }

    /**
     * Where the centres of the code's modules, {@code dimension} a side, are in the frame: the
     * finder patterns and every alignment pattern found, each region between four of them mapped
     * with its own transform ({x, y} pairs, row by row; read them with {@link #readBits} or
     * {@link #readGrey}).
     */
    static double[] place(Luma luma, QrFinders finders, int dimension) {
        // Version 2 and up (DESIGN §5.2; QrFinders#dimensions gives no other) have alignment patterns.
        int[] centres = Version.getVersionForNumber((dimension - 17) / 4).getAlignmentPatternCenters();
        int n = centres.length;
        // Lattice node (i, j) is the alignment pattern at (centres[i], centres[j]); three corners
        // have finder patterns instead (Annex E: no alignment pattern overlaps a finder pattern).
        double[][] mx = new double[n][n], my = new double[n][n], px = new double[n][n], py = new double[n][n];
        boolean[][] known = new boolean[n][n];
        List<double[]> points = new ArrayList<>(); // {module x, module y, pixel x, pixel y}
        setNode(0, 0, 3.5, 3.5, finders.topLeft(), mx, my, px, py, known, points);
        setNode(n - 1, 0, dimension - 3.5, 3.5, finders.topRight(), mx, my, px, py, known, points);
        setNode(0, n - 1, 3.5, dimension - 3.5, finders.bottomLeft(), mx, my, px, py, known, points);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!known[i][j]) {
                    mx[i][j] = centres[i] + 0.5;
                    my[i][j] = centres[j] + 0.5;
                }
            }
        }
        // Most found neighbours first, then nearest to a found point: each pattern found improves
        // the guess at the next, and a guess between found patterns is better than one beyond them.
        List<int[]> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!known[i][j]) open.add(new int[] {i, j});
            }
        }
        List<int[]> guessed = new ArrayList<>();
        while (!open.isEmpty()) {
            int[] next = null;
            int mostNeighbours = -1;
            double nearest = Double.MAX_VALUE;
            for (int[] node : open) {
                int neighbours = knownNeighbours(known, node[0], node[1]);
                double d = nearestKnown(mx[node[0]][node[1]], my[node[0]][node[1]], points);
                if (neighbours > mostNeighbours || neighbours == mostNeighbours && d < nearest) {
                    mostNeighbours = neighbours;
                    nearest = d;
                    next = node;
                }
            }
            open.remove(next);
            int i = next[0], j = next[1];
            LocalAffine fit = LocalAffine.fit(points, mx[i][j], my[i][j]);
            double[] found = locateAlignment(luma, fit, mx[i][j], my[i][j], nearest > FAR_MODULES ? SEARCH_FAR_MODULES : SEARCH_MODULES);
            if (found != null) {
                px[i][j] = found[0];
                py[i][j] = found[1];
                points.add(new double[] {mx[i][j], my[i][j], found[0], found[1]});
                known[i][j] = true;
            } else {
                guessed.add(next);
            }
        }
        // A pattern not found (a blot, glare, the edge of the frame) is placed by its found neighbours.
        for (int[] g : guessed) {
            int i = g[0], j = g[1];
            double[] at = LocalAffine.fit(points, mx[i][j], my[i][j]).apply(mx[i][j], my[i][j]);
            px[i][j] = at[0];
            py[i][j] = at[1];
        }
        return placeCells(dimension, centres, mx, my, px, py);
    }

    private static void setNode(int i, int j, double moduleX, double moduleY, ResultPoint at, double[][] mx, double[][] my, double[][] px, double[][] py,
                                boolean[][] known, List<double[]> points) {
        mx[i][j] = moduleX;
        my[i][j] = moduleY;
        px[i][j] = at.getX();
        py[i][j] = at.getY();
        known[i][j] = true;
        points.add(new double[] {moduleX, moduleY, at.getX(), at.getY()});
    }

    /** Found patterns beside lattice node (i, j): left, right, above, below. */
    private static int knownNeighbours(boolean[][] known, int i, int j) {
        int count = 0;
        for (int[] d : new int[][] {{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
            int a = i + d[0], b = j + d[1];
            if (a >= 0 && b >= 0 && a < known.length && b < known.length && known[a][b]) count++;
        }
        return count;
    }

    private static double nearestKnown(double x, double y, List<double[]> points) {
        double best = Double.MAX_VALUE;
        for (double[] p : points) best = Math.min(best, Math.hypot(p[0] - x, p[1] - y));
        return best;
    }

    /** How far (modules, each way) from the guess an alignment pattern is looked for, and in what steps. */
    private static final double SEARCH_MODULES = 3.0;
    /**
     * Farther out for a pattern this many modules or more from any found one (version 2–6's only
     * alignment pattern, guessed from the finder patterns alone, is up to 3 modules off under a keystone).
     */
    private static final double FAR_MODULES = 20;
    private static final double SEARCH_FAR_MODULES = 4.5;
    private static final double SEARCH_STEP = 0.25;
    /** The correlation of the 25 modules' brightness with the pattern's below which no pattern is taken to be there. */
    private static final double MIN_CORRELATION = 0.6;

    /**
     * The alignment pattern (5×5 modules: dark ring, light ring, dark centre; §6.3.6) near where
     * {@code fit} puts module ({@code x}, {@code y}), looked for in the grey image (a binarizer's
     * threshold fills a 3-pixel light ring in): the offset at which the 25 modules' brightness
     * correlates best with the pattern, refined between steps; null when none correlates well.
     */
    private static double[] locateAlignment(Luma luma, LocalAffine fit, double x, double y, double radius) {
        int steps = (int) Math.round(radius / SEARCH_STEP);
        int side = 2 * steps + 1;
        double[] score = new double[side * side];
        int best = 0;
        for (int a = 0; a < side; a++) {
            for (int b = 0; b < side; b++) {
                score[b * side + a] = correlation(luma, fit, x + (a - steps) * SEARCH_STEP, y + (b - steps) * SEARCH_STEP);
                if (score[b * side + a] > score[best]) best = b * side + a;
            }
        }
        if (score[best] < MIN_CORRELATION) return null;
        int ba = best % side, bb = best / side;
        double u = (ba - steps + peak(score, best, 1, ba > 0 && ba < side - 1)) * SEARCH_STEP;
        double v = (bb - steps + peak(score, best, side, bb > 0 && bb < side - 1)) * SEARCH_STEP;
        return fit.apply(x + u, y + v);
    }

    /** Where between its neighbours ({@code stride} away) a parabola through three scores peaks, in steps from the middle one. */
    private static double peak(double[] score, int at, int stride, boolean inside) {
        if (!inside) return 0;
        double left = score[at - stride], mid = score[at], right = score[at + stride];
        double curve = left - 2 * mid + right;
        return curve >= 0 ? 0 : Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curve));
    }

    /** Sample points within a module: its centre and a quarter module to each side. */
    private static final double[] WITHIN = {0, 0, 0.25, 0, -0.25, 0, 0, 0.25, 0, -0.25};

    /** The correlation of the 5×5 modules' brightness around module ({@code x}, {@code y}) with the alignment pattern's. */
    private static double correlation(Luma luma, LocalAffine fit, double x, double y) {
        double sum = 0, sumSq = 0, sumT = 0;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                double value = 0;
                for (int s = 0; s < WITHIN.length; s += 2) {
                    double[] p = fit.apply(x + dx + WITHIN[s], y + dy + WITHIN[s + 1]);
                    value += luma.at(p[0], p[1]);
                }
                value /= WITHIN.length / 2;
                // Light is +1 (the ring one module out), dark -1 (the centre and the outer ring).
                double t = Math.max(Math.abs(dx), Math.abs(dy)) == 1 ? 1 : -1;
                sum += value;
                sumSq += value * value;
                sumT += value * t;
            }
        }
        // The template has 8 light and 17 dark of 25: mean -9/25, and Σ(t - mean)² = 25 - 81/25.
        double mean = sum / 25;
        double varV = sumSq - 25 * mean * mean;
        double cov = sumT - mean * (-9);
        double varT = 25 - 81.0 / 25;
        return varV <= 0 ? 0 : cov / Math.sqrt(varV * varT);
    }

    /** A grey image, sampled between pixels by bilinear interpolation; outside it, mid-grey. */
    record Luma(byte[] pixels, int width, int height) {

        double at(double x, double y) {
            double fx = x - 0.5, fy = y - 0.5;
            int x0 = (int) Math.floor(fx), y0 = (int) Math.floor(fy);
            if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) return 128;
            double ax = fx - x0, ay = fy - y0;
            int i = y0 * width + x0;
            double top = (pixels[i] & 0xFF) * (1 - ax) + (pixels[i + 1] & 0xFF) * ax;
            double bottom = (pixels[i + width] & 0xFF) * (1 - ax) + (pixels[i + width + 1] & 0xFF) * ax;
            return top * (1 - ay) + bottom * ay;
        }
    }

    /**
     * Where each module's centre is in the frame ({@code x, y} pairs, row by row), each through
     * the transform of the region of pattern centres it lies in.
     */
    private static double[] placeCells(int dimension, int[] centres, double[][] mx, double[][] my, double[][] px, double[][] py) {
        int n = centres.length;
        // Row or column m lies in cell c when it is at or past pattern centre c and before c + 1;
        // the first and last cells reach out to the code's edges.
        int[] cellOf = new int[dimension];
        for (int m = 0; m < dimension; m++) {
            int c = 0;
            while (c < n - 2 && m >= centres[c + 1]) c++;
            cellOf[m] = c;
        }
        double[] at = new double[2 * dimension * dimension];
        for (int cj = 0; cj < n - 1; cj++) {
            for (int ci = 0; ci < n - 1; ci++) {
                PerspectiveTransform t = PerspectiveTransform.quadrilateralToQuadrilateral(
                        (float) mx[ci][cj], (float) my[ci][cj], (float) mx[ci + 1][cj], (float) my[ci + 1][cj],
                        (float) mx[ci + 1][cj + 1], (float) my[ci + 1][cj + 1], (float) mx[ci][cj + 1], (float) my[ci][cj + 1],
                        (float) px[ci][cj], (float) py[ci][cj], (float) px[ci + 1][cj], (float) py[ci + 1][cj],
                        (float) px[ci + 1][cj + 1], (float) py[ci + 1][cj + 1], (float) px[ci][cj + 1], (float) py[ci][cj + 1]);
                for (int y = 0; y < dimension; y++) {
                    if (cellOf[y] != cj) continue;
                    for (int x = 0; x < dimension; x++) {
                        if (cellOf[x] != ci) continue;
                        float[] p = {x + 0.5f, y + 0.5f};
                        t.transformPoints(p);
                        at[2 * (y * dimension + x)] = p[0];
                        at[2 * (y * dimension + x) + 1] = p[1];
                    }
                }
            }
        }
        return at;
    }

    /** The binarized frame's pixel under each module's centre, as ZXing's GridSampler reads it. */
    static BitMatrix readBits(BitMatrix bits, double[] at, int dimension) throws NotFoundException {
        BitMatrix grid = new BitMatrix(dimension);
        int width = bits.getWidth(), height = bits.getHeight();
        for (int k = 0; k < dimension * dimension; k++) {
            int ix = (int) Math.floor(at[2 * k]), iy = (int) Math.floor(at[2 * k + 1]);
            // ZXing's GridSampler forgives a point a pixel outside; farther, the grid left the frame.
            if (ix < -1 || iy < -1 || ix > width || iy > height) throw NotFoundException.getNotFoundInstance();
            if (bits.get(Math.max(0, Math.min(width - 1, ix)), Math.max(0, Math.min(height - 1, iy)))) grid.set(k % dimension, k / dimension);
        }
        return grid;
    }

    /** Modules each way whose mean brightness is a module's threshold in {@link #readGrey}. */
    private static final int THRESHOLD_REACH = 4;

    /**
     * Each module's brightness at its centre (bilinear), dark when below the mean of the modules
     * within {@link #THRESHOLD_REACH} of it: a threshold that follows uneven light module by module.
     */
    static BitMatrix readGrey(Luma luma, double[] at, int dimension) throws NotFoundException {
        double[] value = new double[dimension * dimension];
        for (int k = 0; k < value.length; k++) {
            double x = at[2 * k], y = at[2 * k + 1];
            if (x < -1 || y < -1 || x > luma.width() + 1 || y > luma.height() + 1) throw NotFoundException.getNotFoundInstance();
            value[k] = luma.at(x, y);
        }
        // Summed-area table of the module values for the local means.
        double[] sum = new double[(dimension + 1) * (dimension + 1)];
        for (int y = 0; y < dimension; y++) {
            for (int x = 0; x < dimension; x++) {
                sum[(y + 1) * (dimension + 1) + x + 1] = value[y * dimension + x] + sum[y * (dimension + 1) + x + 1] + sum[(y + 1) * (dimension + 1) + x] - sum[y * (dimension + 1) + x];
            }
        }
        BitMatrix grid = new BitMatrix(dimension);
        for (int y = 0; y < dimension; y++) {
            for (int x = 0; x < dimension; x++) {
                int x0 = Math.max(0, x - THRESHOLD_REACH), x1 = Math.min(dimension, x + THRESHOLD_REACH + 1);
                int y0 = Math.max(0, y - THRESHOLD_REACH), y1 = Math.min(dimension, y + THRESHOLD_REACH + 1);
                double total = sum[y1 * (dimension + 1) + x1] - sum[y0 * (dimension + 1) + x1] - sum[y1 * (dimension + 1) + x0] + sum[y0 * (dimension + 1) + x0];
                if (value[y * dimension + x] < total / ((x1 - x0) * (y1 - y0))) grid.set(x, y);
            }
        }
        return grid;
    }

    /**
     * Module coordinates to pixels, the least-squares affine map of the known points weighted by
     * their nearness to one module: over a few modules a perspective is close to affine.
     */
    private record LocalAffine(double a, double b, double c, double d, double e, double f) {

        /** Weight 1 / (distance² + SOFT²): points within about SOFT modules count alike. */
        private static final double SOFT = 6;

        static LocalAffine fit(List<double[]> points, double x, double y) {
            double[][] m = new double[3][3];
            double[] rx = new double[3], ry = new double[3];
            for (double[] p : points) {
                double w = 1 / ((p[0] - x) * (p[0] - x) + (p[1] - y) * (p[1] - y) + SOFT * SOFT);
                double[] v = {p[0], p[1], 1};
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) m[r][c] += w * v[r] * v[c];
                    rx[r] += w * v[r] * p[2];
                    ry[r] += w * v[r] * p[3];
                }
            }
            double[] sx = solve3(m, rx), sy = solve3(m, ry);
            return new LocalAffine(sx[0], sx[1], sx[2], sy[0], sy[1], sy[2]);
        }

        double[] apply(double x, double y) {
            return new double[] {a * x + b * y + c, d * x + e * y + f};
        }

        private static double[] solve3(double[][] m, double[] r) {
            double det = det3(m);
            double[] out = new double[3];
            for (int k = 0; k < 3; k++) {
                double[][] mk = new double[3][];
                for (int row = 0; row < 3; row++) {
                    mk[row] = m[row].clone();
                    mk[row][k] = r[row];
                }
                out[k] = det3(mk) / det;
            }
            return out;
        }

        private static double det3(double[][] m) {
            return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                    + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        }
    }

}
