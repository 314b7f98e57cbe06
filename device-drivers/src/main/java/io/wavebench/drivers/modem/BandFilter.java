package io.wavebench.drivers.modem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The receiver's input filter: 8th-order Butterworth high-pass just below the profile's band and
 * 4th-order low-pass just above it (RBJ biquads). Without it, whatever is loud outside the band sets the
 * preamble correlator's normalization: crowd babble is tens of dB louder below 4 kHz than at
 * 18 kHz, so the ultrasonic profile, at 10 dB in-band SNR, drowned in noise it does not even use.
 * The filter's phase is part of the channel the training symbol measures.
 */
final class BandFilter {

    /** Section Qs of 4th- and 8th-order Butterworth filters. */
    private static final double[] BUTTERWORTH_4 = {0.5412, 1.3066};
    private static final double[] BUTTERWORTH_8 = {0.5098, 0.6013, 0.9000, 2.5629};

    private final double[][] sections; // b0, b1, b2, a1, a2
    private final double[][] state;

    BandFilter(ModemParameters p) {
        List<double[]> s = new ArrayList<>();
        double low = 0.85 * p.preambleLowHz();
        double high = 1.1 * p.preambleHighHz();
        // 8th order below the band: babble and rumble there can be 80 dB above the ultrasonic band.
        for (double q : BUTTERWORTH_8) s.add(design(true, low, q, p.sampleRate()));
        if (high < 0.45 * p.sampleRate()) for (double q : BUTTERWORTH_4) s.add(design(false, high, q, p.sampleRate()));
        sections = s.toArray(new double[0][]);
        state = new double[sections.length][2];
    }

    private static double[] design(boolean highPass, double hz, double q, double rate) {
        double w0 = 2 * Math.PI * hz / rate;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        double b0 = highPass ? (1 + cos) / 2 : (1 - cos) / 2;
        double b1 = highPass ? -(1 + cos) : 1 - cos;
        return new double[] {b0 / a0, b1 / a0, b0 / a0, -2 * cos / a0, (1 - alpha) / a0};
    }

    /** Filters {@code length} samples of {@code in} into {@code out} (transposed direct form II). */
    void process(float[] in, int offset, int length, float[] out) {
        for (int i = 0; i < length; i++) {
            double x = in[offset + i];
            for (int k = 0; k < sections.length; k++) {
                double[] c = sections[k];
                double[] z = state[k];
                double y = c[0] * x + z[0];
                z[0] = c[1] * x - c[3] * y + z[1];
                z[1] = c[2] * x - c[4] * y;
                x = y;
            }
            out[i] = (float) x;
        }
    }

    void reset() {
        for (double[] z : state) Arrays.fill(z, 0);
    }
}
