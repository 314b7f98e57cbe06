package io.wavebench.drivers.codes.others;

/**
 * How a printed code is photographed by {@link PrintPhotographer}: turned {@code rotationDeg} in
 * plane (either way), {@code pxPerModule} camera pixels a module, Gaussian blur of
 * {@code blurSigma} pixels, sensor noise of {@code noiseSigma} levels, JPEG at
 * {@code jpegQuality} (0: PNG), light falling off by {@code unevenLight} (a fraction of white)
 * across the frame, a keystone of {@code perspective} (module sizes at the paper's far side over
 * its near side: (1 + p)/(1 - p)), and a lamp's specular reflection of peak {@code glare} (a
 * fraction of white, 0: none) over the code.
 */
public record PhotoLevel(String name, double rotationDeg, double pxPerModule, double blurSigma, double noiseSigma, int jpegQuality,
                         double unevenLight, double perspective, double glare) {

    public PhotoLevel {
        if (!(pxPerModule > 0)) throw new IllegalArgumentException("pixels a module must be positive: " + pxPerModule);
        if (blurSigma < 0 || noiseSigma < 0 || unevenLight < 0 || unevenLight >= 1 || glare < 0) {
            throw new IllegalArgumentException("blur, noise and glare cannot be negative, uneven light is in [0, 1): " + this);
        }
        if (perspective < 0 || perspective >= 0.5) throw new IllegalArgumentException("perspective is in [0, 0.5): " + perspective);
        if (jpegQuality < 0 || jpegQuality > 100) throw new IllegalArgumentException("JPEG quality is 0 (PNG) or 1..100: " + jpegQuality);
    }

    /** The level photographs of others' codes were first measured at: 15°, ≈ 3 px a module, blur σ 1, noise, JPEG 70. */
    public static PhotoLevel common() {
        return new PhotoLevel("15°, 3 px/module, σ 1, JPEG 70", 15, 3.0, 1.0, 4, 70, 0, 0, 0);
    }

    /** A code held farther off: 2.5 px a module, otherwise {@link #common()}. */
    public static PhotoLevel small() {
        return new PhotoLevel("15°, 2.5 px/module, σ 1, JPEG 70", 15, 2.5, 1.0, 4, 70, 0, 0, 0);
    }

    /** {@link #common()} out of focus: blur σ 1.5. */
    public static PhotoLevel soft() {
        return new PhotoLevel("15°, 3 px/module, σ 1.5, JPEG 70", 15, 3.0, 1.5, 4, 70, 0, 0, 0);
    }

    /** Held at an angle under a side lamp: 25°, a keystone, light falling to 60 %, more noise, JPEG 50. */
    public static PhotoLevel harsh() {
        return new PhotoLevel("25°, 3 px/module, σ 1, JPEG 50, uneven light, perspective", 25, 3.0, 1.0, 6, 50, 0.4, 0.15, 0);
    }

    /** All of it at once: 2.5 px a module, σ 1.2, 25°, JPEG 50, uneven light, a keystone. */
    public static PhotoLevel harshest() {
        return new PhotoLevel("25°, 2.5 px/module, σ 1.2, JPEG 50, uneven light, perspective", 25, 2.5, 1.2, 6, 50, 0.4, 0.12, 0);
    }

    /** {@link #common()} with a lamp's reflection of the given peak over the code. */
    public static PhotoLevel glaring(double peak) {
        PhotoLevel c = common();
        return new PhotoLevel(c.name() + ", glare " + peak, c.rotationDeg, c.pxPerModule, c.blurSigma, c.noiseSigma, c.jpegQuality, 0, 0, peak);
    }

    public PhotoLevel withGlare(double peak) {
        return new PhotoLevel(name + ", glare " + peak, rotationDeg, pxPerModule, blurSigma, noiseSigma, jpegQuality, unevenLight, perspective, peak);
    }
}
