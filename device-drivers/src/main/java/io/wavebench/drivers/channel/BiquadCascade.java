package io.wavebench.drivers.channel;

import java.util.List;

/**
 * Biquads in series with their state (transposed direct form II, in double so a low corner at
 * 48 kHz stays accurate): the streaming filter behind a {@link DeviceResponse} and the formant
 * and colour filters of the noise beds. Processes in place; allocates nothing per call.
 */
final class BiquadCascade {

    private final double[] c; // 5 coefficients per section
    private final double[] z; // 2 state values per section

    BiquadCascade(List<Biquad> sections) {
        c = new double[5 * sections.size()];
        z = new double[2 * sections.size()];
        for (int i = 0; i < sections.size(); i++) set(i, sections.get(i));
    }

    /** Replaces section {@code i}'s coefficients, keeping its state (formants move between syllables). */
    void set(int i, Biquad b) {
        c[5 * i] = b.b0();
        c[5 * i + 1] = b.b1();
        c[5 * i + 2] = b.b2();
        c[5 * i + 3] = b.a1();
        c[5 * i + 4] = b.a2();
    }

    int sections() {
        return z.length / 2;
    }

    double process(double x) {
        for (int s = 0, k = 0; s < z.length; s += 2, k += 5) {
            double y = c[k] * x + z[s];
            z[s] = c[k + 1] * x - c[k + 3] * y + z[s + 1];
            z[s + 1] = c[k + 2] * x - c[k + 4] * y;
            x = y;
        }
        return x;
    }

    void process(float[] x, int offset, int length) {
        for (int i = offset; i < offset + length; i++) x[i] = (float) process(x[i]);
    }
}
