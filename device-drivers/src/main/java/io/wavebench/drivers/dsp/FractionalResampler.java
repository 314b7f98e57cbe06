package io.wavebench.drivers.dsp;

import java.util.Arrays;

/**
 * Streaming resampler for a sample-clock offset (DESIGN §4: ±200 ppm between phone and reader).
 * Output sample n is the input band-limited-interpolated at input position {@code n * step}, with
 * a 32-tap Kaiser-windowed sinc (table of 1024 fractional phases, linearly blended), which stays
 * flat up to the ultrasonic band (≈0.43·fs), where a cubic would already dull the tones.
 *
 * <p>Each output position is computed from the absolute output count, never accumulated, so the
 * output is the same however the input is cut into calls. The price is a latency of
 * {@value #HALF_TAPS} input samples: the last ones are held until the samples after them arrive.
 */
public final class FractionalResampler {

    public static final int HALF_TAPS = 16;
    private static final int TAPS = 2 * HALF_TAPS;
    private static final int PHASES = 1024;
    private static final double KAISER_BETA = 7.0;
    private static final double[][] TABLE = table();

    private final double step;
    /** Input not yet behind every future output; pending[0] is absolute input sample {@code base}. */
    private float[] pending = new float[4096];
    private int pendingLength;
    private long base = -HALF_TAPS; // zeros before the stream starts
    private long produced;

    /** @param step input samples per output sample (1 + offset) */
    public FractionalResampler(double step) {
        this.step = step;
        pendingLength = HALF_TAPS; // the leading zeros
    }

    /** Takes {@code length} more input samples and returns the output samples they complete. */
    public float[] process(float[] samples, int offset, int length) {
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(samples, offset, pending, pendingLength, length);
        pendingLength += length;
        long inputEnd = base + pendingLength;
        // Output n needs input up to floor(n*step) + HALF_TAPS; the same test decides in every call.
        int count = 0;
        while ((long) Math.floor((produced + count) * step) + HALF_TAPS < inputEnd) count++;
        float[] out = new float[count];
        for (int j = 0; j < count; j++) {
            double t = (produced + j) * step;
            long i = (long) Math.floor(t);
            double frac = t - i;
            double phase = frac * PHASES;
            int ph = (int) phase;
            double blend = phase - ph;
            double[] h0 = TABLE[ph];
            double[] h1 = TABLE[ph + 1];
            int at = (int) (i - HALF_TAPS + 1 - base);
            double acc = 0;
            for (int k = 0; k < TAPS; k++) acc += pending[at + k] * (h0[k] + blend * (h1[k] - h0[k]));
            out[j] = (float) acc;
        }
        produced += count;
        long keepFrom = (long) Math.floor(produced * step) - HALF_TAPS + 1;
        int drop = (int) Math.max(0, Math.min(pendingLength, keepFrom - base));
        System.arraycopy(pending, drop, pending, 0, pendingLength - drop);
        pendingLength -= drop;
        base += drop;
        return out;
    }

    /**
     * A whole recording made at {@code fromRate}, as heard at {@code toRate}: output sample n is
     * the input at {@code n * fromRate / toRate}, up to the last input sample (the held-back tail is
     * flushed with zeros after it). No anti-alias filter: for signals below both rates' Nyquist,
     * as the modem's bands are (DESIGN §4, up to 20.5 kHz).
     */
    public static float[] resample(float[] in, double fromRate, double toRate) {
        if (!(fromRate > 0 && toRate > 0)) throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        double step = fromRate / toRate;
        int length = in.length == 0 ? 0 : (int) Math.floor((in.length - 1) / step) + 1;
        FractionalResampler r = new FractionalResampler(step);
        float[] head = r.process(in, 0, in.length);
        float[] tail = r.process(new float[HALF_TAPS + 1], 0, HALF_TAPS + 1);
        float[] out = Arrays.copyOf(head, length);
        System.arraycopy(tail, 0, out, head.length, Math.max(0, Math.min(tail.length, length - head.length)));
        return out;
    }

    /** TABLE[p][k]: weight of input sample i - HALF_TAPS + 1 + k for fraction p / PHASES past i. */
    private static double[][] table() {
        double[][] t = new double[PHASES + 1][TAPS];
        double norm = besselI0(KAISER_BETA);
        for (int p = 0; p <= PHASES; p++) {
            double frac = p / (double) PHASES;
            for (int k = 0; k < TAPS; k++) {
                double x = (k - HALF_TAPS + 1) - frac; // distance from the wanted position
                double r = x / HALF_TAPS;
                double w = Math.abs(r) >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / norm;
                t[p][k] = (x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)) * w;
            }
        }
        return t;
    }

    private static double besselI0(double x) {
        double sum = 1, term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
