package io.wavebench.drivers.modem;

import java.util.SplittableRandom;

/** What the code tests send through: seeded random bits, and BPSK over Gaussian noise as soft bits. */
final class SoftBitChannel {

    private SoftBitChannel() {
    }

    static byte[] randomBits(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] bits = new byte[n];
        for (int i = 0; i < n; i++) bits[i] = (byte) r.nextInt(2);
        return bits;
    }

    /** BPSK over Gaussian noise of standard deviation sigma: LLR = 2y/σ², positive for a 0 bit. */
    static float[] channel(byte[] coded, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] llr = new float[coded.length];
        for (int i = 0; i < coded.length; i++) {
            double y = (coded[i] == 0 ? 1 : -1) + sigma * r.nextGaussian();
            llr[i] = (float) (2 * y / (sigma * sigma));
        }
        return llr;
    }
}
