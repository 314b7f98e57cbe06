package io.wavebench.drivers.dsp;

/** The twiddle factors e^{-2πik/n} for k &lt; n/2 of a transform of size n (a power of two), as cosines and sines. */
final class Twiddles {

    final double[] cos;
    /** Sines of the negative angle, so forward butterflies use them as they are. */
    final double[] sin;

    /** @param what the transform, for the message when {@code n} is not a power of two from {@code min} */
    Twiddles(int n, int min, String what) {
        if (n < min || Integer.bitCount(n) != 1) throw new IllegalArgumentException(what + " size must be a power of two from " + min + ", got " + n);
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = -Math.sin(2 * Math.PI * k / n);
        }
    }
}
