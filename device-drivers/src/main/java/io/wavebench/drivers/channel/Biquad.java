package io.wavebench.drivers.channel;

/**
 * One second-order IIR section, designed from the RBJ "Audio EQ Cookbook" formulas. Immutable
 * coefficients; the streaming state lives in {@link BiquadCascade}. A device's frequency response
 * (DESIGN §4) is a few of these in series.
 */
record Biquad(double b0, double b1, double b2, double a1, double a2) {

    enum Type { HIGHPASS, LOWPASS, PEAK, BANDPASS }

    static Biquad design(Type type, double hz, double q, double gainDb, double sampleRate) {
        double w0 = 2 * Math.PI * hz / sampleRate;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double a = Math.pow(10, gainDb / 40);
        double b0, b1, b2, a0, a1, a2;
        switch (type) {
            case HIGHPASS -> {
                b0 = (1 + cos) / 2; b1 = -(1 + cos); b2 = (1 + cos) / 2;
                a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
            }
            case LOWPASS -> {
                b0 = (1 - cos) / 2; b1 = 1 - cos; b2 = (1 - cos) / 2;
                a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
            }
            case PEAK -> {
                b0 = 1 + alpha * a; b1 = -2 * cos; b2 = 1 - alpha * a;
                a0 = 1 + alpha / a; a1 = -2 * cos; a2 = 1 - alpha / a;
            }
            case BANDPASS -> { // constant 0 dB peak gain
                b0 = alpha; b1 = 0; b2 = -alpha;
                a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
            }
            default -> throw new AssertionError(type);
        }
        return new Biquad(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    /** |H(e^{jw})|² at {@code hz}. */
    double powerGain(double hz, double sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        double c1 = Math.cos(w), s1 = Math.sin(w), c2 = Math.cos(2 * w), s2 = Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2, ni = -(b1 * s1 + b2 * s2);
        double dr = 1 + a1 * c1 + a2 * c2, di = -(a1 * s1 + a2 * s2);
        return (nr * nr + ni * ni) / (dr * dr + di * di);
    }
}
