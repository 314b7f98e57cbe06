package io.wavebench.drivers.optical;

/**
 * How a {@link SimulatedCamera} sees a screen: where the phone is held and what spoils the image.
 * Stages, in the order the camera applies them:
 * <ol>
 *   <li><b>pose</b>: the screen centre {@code distanceMm} in front of the lens, tilted out of plane
 *       by {@code tiltDeg} about an in-plane axis at {@code tiltAxisDeg} (0: the screen's vertical
 *       axis, which foreshortens a barcode's bars; 90: its horizontal axis), and turned in plane by
 *       {@code rollDeg}: a perspective homography ({@link Homography});</li>
 *   <li><b>glare</b>: a lamp reflected in the glass, a Gaussian blob of peak {@code glare} (1 = as
 *       bright as white on the screen) and radius {@code glareRadius} (a fraction of the frame
 *       width) around ({@code glareX}, {@code glareY}) in frame fractions, with a gentle gradient;</li>
 *   <li><b>ambient</b>: room light reflected evenly, lifting black (a fraction of white);</li>
 *   <li><b>blur</b>: defocus (Gaussian, {@code defocusPx} sigma in camera pixels, on top of the
 *       lens's own 0.5 px) and motion ({@code motionBlurPx} long at {@code motionAngleDeg});</li>
 *   <li><b>exposure</b>: camera gain; 1 puts full-brightness white at 235 of 255;</li>
 *   <li><b>noise</b>: Gaussian read noise of {@code noiseSigma} levels plus shot noise;</li>
 *   <li><b>JPEG</b> at {@code jpegQuality} (0: off), as a reader that compresses frames does.</li>
 * </ol>
 * {@code jitter} scales the hand's shake from frame to frame (1: about ±2° roll, ±3 mm, ±3 %
 * distance, glare moving). Everything random comes from {@code seed} and the frame's sequence
 * number, so a frame is reproducible.
 */
public record OpticalModel(
        double distanceMm,
        double tiltDeg,
        double tiltAxisDeg,
        double rollDeg,
        double defocusPx,
        double motionBlurPx,
        double motionAngleDeg,
        double glare,
        double glareRadius,
        double glareX,
        double glareY,
        double ambient,
        double exposure,
        double noiseSigma,
        int jpegQuality,
        double jitter,
        long seed) {

    public OpticalModel {
        if (!(distanceMm > 0)) throw new IllegalArgumentException("distance must be positive: " + distanceMm);
        if (Math.abs(tiltDeg) >= 80) throw new IllegalArgumentException("tilt must be under 80°: " + tiltDeg);
        if (defocusPx < 0 || motionBlurPx < 0 || glare < 0 || ambient < 0 || noiseSigma < 0 || jitter < 0) {
            throw new IllegalArgumentException("blur, glare, ambient, noise and jitter cannot be negative");
        }
        if (!(glareRadius > 0)) throw new IllegalArgumentException("glare radius must be positive: " + glareRadius);
        if (!(exposure > 0)) throw new IllegalArgumentException("exposure must be positive: " + exposure);
        if (jpegQuality < 0 || jpegQuality > 100) throw new IllegalArgumentException("JPEG quality is 0 (off) or 1..100: " + jpegQuality);
    }

    /** Held flat and still at 100 mm, in focus, no glare, no noise. */
    public static OpticalModel ideal() {
        return new OpticalModel(100, 0, 0, 0, 0, 0, 0, 0, 0.15, 0.5, 0.5, 0, 1, 0, 0, 0, 1);
    }

    /** Almost flat, a little soft, a little noise. */
    public static OpticalModel mild() {
        return new OpticalModel(100, 8, 20, 5, 0.6, 0.5, 10, 0.1, 0.15, 0.75, 0.3, 0.03, 1, 2, 0, 0.5, 1);
    }

    /** A shopper's hand at a reader: tilted and turned a little, soft, moving, some glare, noisy, compressed. */
    public static OpticalModel typical() {
        return new OpticalModel(110, 15, 30, 12, 1.0, 1.5, 20, 0.15, 0.12, 0.7, 0.3, 0.05, 0.85, 4, 85, 1, 1);
    }

    /** {@link #typical()} tilted out of plane about the screen's vertical axis (bars foreshortened). */
    public static OpticalModel tilted(double deg) {
        return typical().withTilt(deg, 0);
    }

    /** {@link #typical()} turned in plane. */
    public static OpticalModel rotated(double deg) {
        return typical().withRoll(deg);
    }

    /** {@link #typical()} out of focus by {@code sigmaPx} camera pixels. */
    public static OpticalModel blurred(double sigmaPx) {
        return typical().withDefocus(sigmaPx);
    }

    /** {@link #typical()} with a lamp's reflection of peak {@code strength} on the middle of the code. */
    public static OpticalModel glare(double strength) {
        return typical().withGlare(strength, 0.12, 0.5, 0.5);
    }

    /** {@link #typical()} with read noise of {@code sigma} levels. */
    public static OpticalModel noisy(double sigma) {
        return typical().withNoise(sigma);
    }

    public OpticalModel withSeed(long s) {
        return new OpticalModel(distanceMm, tiltDeg, tiltAxisDeg, rollDeg, defocusPx, motionBlurPx, motionAngleDeg, glare, glareRadius, glareX, glareY, ambient, exposure, noiseSigma, jpegQuality, jitter, s);
    }

    public OpticalModel withDistance(double mm) {
        return new OpticalModel(mm, tiltDeg, tiltAxisDeg, rollDeg, defocusPx, motionBlurPx, motionAngleDeg, glare, glareRadius, glareX, glareY, ambient, exposure, noiseSigma, jpegQuality, jitter, seed);
    }

    public OpticalModel withTilt(double deg, double axisDeg) {
        return new OpticalModel(distanceMm, deg, axisDeg, rollDeg, defocusPx, motionBlurPx, motionAngleDeg, glare, glareRadius, glareX, glareY, ambient, exposure, noiseSigma, jpegQuality, jitter, seed);
    }

    public OpticalModel withRoll(double deg) {
        return new OpticalModel(distanceMm, tiltDeg, tiltAxisDeg, deg, defocusPx, motionBlurPx, motionAngleDeg, glare, glareRadius, glareX, glareY, ambient, exposure, noiseSigma, jpegQuality, jitter, seed);
    }

    public OpticalModel withDefocus(double sigmaPx) {
        return new OpticalModel(distanceMm, tiltDeg, tiltAxisDeg, rollDeg, sigmaPx, motionBlurPx, motionAngleDeg, glare, glareRadius, glareX, glareY, ambient, exposure, noiseSigma, jpegQuality, jitter, seed);
    }

    public OpticalModel withGlare(double strength, double radius, double x, double y) {
        return new OpticalModel(distanceMm, tiltDeg, tiltAxisDeg, rollDeg, defocusPx, motionBlurPx, motionAngleDeg, strength, radius, x, y, ambient, exposure, noiseSigma, jpegQuality, jitter, seed);
    }

    public OpticalModel withNoise(double sigma) {
        return new OpticalModel(distanceMm, tiltDeg, tiltAxisDeg, rollDeg, defocusPx, motionBlurPx, motionAngleDeg, glare, glareRadius, glareX, glareY, ambient, exposure, sigma, jpegQuality, jitter, seed);
    }

    public OpticalModel withJitter(double scale) {
        return new OpticalModel(distanceMm, tiltDeg, tiltAxisDeg, rollDeg, defocusPx, motionBlurPx, motionAngleDeg, glare, glareRadius, glareX, glareY, ambient, exposure, noiseSigma, jpegQuality, scale, seed);
    }
}
