package io.wavebench.drivers.optical;

/**
 * The {@link Homography} that takes four points to four others (the direct linear transform with
 * h33 = 1): how a card's corners found in a frame map to an upright card, or a card lands in a
 * photo. Points are {@code {x0, y0, x1, y1, x2, y2, x3, y3}}.
 */
public final class QuadHomography {

    private QuadHomography() {}

    public static Homography between(double[] from, double[] to) {
        if (from.length != 8 || to.length != 8) throw new IllegalArgumentException("four points are 8 numbers each");
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[2 * i], y = from[2 * i + 1], u = to[2 * i], v = to[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        // Gaussian elimination with partial pivoting on the 8×8 system (last column: right side).
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int r = col + 1; r < 8; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            if (Math.abs(a[pivot][col]) < 1e-12) throw new IllegalArgumentException("degenerate quadrilateral: three of its points are in a line");
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < 8; r++) {
                if (r == col) continue;
                double f = a[r][col] / a[col][col];
                if (f == 0) continue;
                for (int k = col; k < 9; k++) a[r][k] -= f * a[col][k];
            }
        }
        double[] h = new double[9];
        for (int i = 0; i < 8; i++) h[i] = a[i][8] / a[i][i];
        h[8] = 1;
        return Homography.of(h);
    }
}
