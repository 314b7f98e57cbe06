package io.wavebench.drivers.optical;

/**
 * A plane-to-plane projective map, a 3×3 matrix acting on homogeneous points: how a flat screen,
 * tilted and turned, lands on a camera's sensor.
 */
public final class Homography {

    private final double[] m; // row-major 3×3

    private Homography(double[] m) {
        this.m = m;
    }

    public static Homography of(double... rowMajor) {
        if (rowMajor.length != 9) throw new IllegalArgumentException("a homography has 9 entries, got " + rowMajor.length);
        return new Homography(rowMajor.clone());
    }

    /**
     * Screen pixels to camera pixels for a pinhole camera of focal length {@code focalPx} and
     * principal point ({@code cx}, {@code cy}) looking straight at the screen point ({@code aimU},
     * {@code aimV}), which sits {@code distanceMm} away and offset by ({@code offsetXmm},
     * {@code offsetYmm}), the screen turned in plane by {@code rollDeg} and then tilted by
     * {@code tiltDeg} about the in-plane axis at {@code tiltAxisDeg}.
     */
    public static Homography pose(Display display, double aimU, double aimV, double distanceMm, double offsetXmm, double offsetYmm,
                                  double tiltDeg, double tiltAxisDeg, double rollDeg, double focalPx, double cx, double cy) {
        double s = display.mmPerPixel();
        double[] toMm = {s, 0, -s * aimU, 0, s, -s * aimV, 0, 0, 1};
        double r = Math.toRadians(rollDeg);
        double[] roll = {Math.cos(r), -Math.sin(r), 0, Math.sin(r), Math.cos(r), 0, 0, 0, 1};
        // Axis angle 0 is the screen's vertical axis (0, 1, 0); 90 its horizontal axis (1, 0, 0).
        double[] tilt = rotationAbout(Math.sin(Math.toRadians(tiltAxisDeg)), Math.cos(Math.toRadians(tiltAxisDeg)), 0, Math.toRadians(tiltDeg));
        double[] rot = multiply(tilt, roll);
        // The screen plane is z = 0, so [r1 r2 t] maps its (x, y, 1) to camera coordinates.
        double[] extrinsic = {rot[0], rot[1], offsetXmm, rot[3], rot[4], offsetYmm, rot[6], rot[7], distanceMm};
        double[] k = {focalPx, 0, cx, 0, focalPx, cy, 0, 0, 1};
        return new Homography(multiply(k, multiply(extrinsic, toMm)));
    }

    /** A 3-D rotation as a matrix: {@code yawDeg} about y, then {@code pitchDeg} about x. */
    public static Homography rotation(double yawDeg, double pitchDeg) {
        double[] yaw = rotationAbout(0, 1, 0, Math.toRadians(yawDeg));
        double[] pitch = rotationAbout(1, 0, 0, Math.toRadians(pitchDeg));
        return new Homography(multiply(pitch, yaw));
    }

    /** Maps (x, y) into {@code out[0..1]}; returns false if the point is at or behind the horizon. */
    public boolean apply(double x, double y, double[] out) {
        double w = m[6] * x + m[7] * y + m[8];
        if (w <= 1e-12) return false;
        out[0] = (m[0] * x + m[1] * y + m[2]) / w;
        out[1] = (m[3] * x + m[4] * y + m[5]) / w;
        return true;
    }

    public Homography inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
        double det = a * A + b * B + c * C;
        if (Math.abs(det) < 1e-15) throw new IllegalStateException("homography is singular");
        double[] inv = {
            A / det, -(b * i - c * h) / det, (b * f - c * e) / det,
            B / det, (a * i - c * g) / det, -(a * f - c * d) / det,
            C / det, -(a * h - b * g) / det, (a * e - b * d) / det};
        return new Homography(inv);
    }

    public Homography then(Homography next) {
        return new Homography(multiply(next.m, m));
    }

    static double[] rotationAbout(double nx, double ny, double nz, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
        return new double[] {
            c + nx * nx * t, nx * ny * t - nz * s, nx * nz * t + ny * s,
            ny * nx * t + nz * s, c + ny * ny * t, ny * nz * t - nx * s,
            nz * nx * t - ny * s, nz * ny * t + nx * s, c + nz * nz * t};
    }

    private static double[] multiply(double[] p, double[] q) {
        double[] r = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) sum += p[row * 3 + k] * q[k * 3 + col];
                r[row * 3 + col] = sum;
            }
        }
        return r;
    }
}
