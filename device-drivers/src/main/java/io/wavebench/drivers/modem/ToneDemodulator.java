package io.wavebench.drivers.modem;

/**
 * Non-coherent detection of one multi-tone FSK symbol (DESIGN §4): the energy of every tone bin
 * over a {@code window}-sample slice (Goertzel, so the magnitude does not depend on the tone's
 * phase — unlike TarsosDSP's {@code Goertzel}, which DESIGN §4 rules out), then the strongest tone
 * of each group gives that group's bits. No threshold: a faint symbol still picks its best tone,
 * and Reed-Solomon judges the result. Work arrays are allocated once.
 */
final class ToneDemodulator {

    private final ModemParameters p;
    private final double[] coefficient;
    private final float[] window;
    private final double[] power;

    ToneDemodulator(ModemParameters p) {
        this.p = p;
        int bins = p.groups() * p.tonesPerGroup();
        coefficient = new double[bins];
        for (int g = 0; g < p.groups(); g++) {
            for (int t = 0; t < p.tonesPerGroup(); t++) {
                coefficient[g * p.tonesPerGroup() + t] = 2 * Math.cos(2 * Math.PI * p.bin(g, t) / p.window());
            }
        }
        window = new float[p.window()];
        power = new double[bins];
    }

    /**
     * Demodulates the symbol whose DFT window starts at {@code windowStart} in {@code ring} and
     * writes its bits into {@code out} at symbol {@code symbol} (bits past the end are dropped).
     */
    void demodulate(SampleRing ring, long windowStart, byte[] out, int symbol) {
        ring.copy(windowStart, window, 0, window.length);
        int tones = p.tonesPerGroup();
        for (int k = 0; k < coefficient.length; k++) power[k] = goertzel(coefficient[k]);
        int bitsPerGroup = p.bitsPerGroup();
        for (int g = 0; g < p.groups(); g++) {
            int best = 0;
            double bestPower = power[g * tones];
            for (int t = 1; t < tones; t++) {
                double e = power[g * tones + t];
                if (e > bestPower) {
                    bestPower = e;
                    best = t;
                }
            }
            writeBits(out, symbol * p.bitsPerSymbol() + g * bitsPerGroup, bitsPerGroup, best);
        }
    }

    private double goertzel(double c) {
        double s1 = 0, s2 = 0;
        float[] x = window;
        for (int n = 0; n < x.length; n++) {
            double s = x[n] + c * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - c * s1 * s2;
    }

    private static void writeBits(byte[] out, int bitIndex, int count, int value) {
        for (int i = 0; i < count; i++) {
            int bit = bitIndex + i;
            if (bit >>> 3 >= out.length) return;
            int mask = 1 << (7 - (bit & 7));
            if (((value >>> (count - 1 - i)) & 1) != 0) out[bit >>> 3] |= (byte) mask;
            else out[bit >>> 3] &= (byte) ~mask;
        }
    }
}
