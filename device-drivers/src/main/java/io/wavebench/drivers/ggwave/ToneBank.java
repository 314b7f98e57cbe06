package io.wavebench.drivers.ggwave;

/**
 * The DFT of one ggwave frame at a fixed set of ggwave's tone bins, at any sample rate: each
 * tone's exact frequency (bin × 46.875 Hz) correlated over one frame's worth of samples at that
 * rate. At 48 kHz this is ggwave's own 1024-point FFT at those bins; at 44.1 kHz it measures the
 * same tones without resampling.
 */
final class ToneBank {

    private final int[] bins;
    private final double[] omega;
    private final float[][] cos;
    private final float[][] sin;
    private final int length;

    ToneBank(int[] bins, double sampleRate, int length) {
        this.bins = bins.clone();
        this.length = length;
        omega = new double[bins.length];
        cos = new float[bins.length][length];
        sin = new float[bins.length][length];
        for (int b = 0; b < bins.length; b++) {
            omega[b] = 2 * Math.PI * bins[b] * GgwaveProtocol.HZ_PER_BIN / sampleRate;
            for (int m = 0; m < length; m++) {
                cos[b][m] = (float) Math.cos(omega[b] * m);
                sin[b][m] = (float) Math.sin(omega[b] * m);
            }
        }
    }

    int size() {
        return bins.length;
    }

    int bin(int index) {
        return bins[index];
    }

    /** Radians a sample of tone {@code index} turns through. */
    double omega(int index) {
        return omega[index];
    }

    /** Complex DFT of {@code window[0..length)} at every bin, into re and im. */
    void dft(float[] window, float[] re, float[] im) {
        for (int b = 0; b < bins.length; b++) {
            float[] c = cos[b];
            float[] s = sin[b];
            float r = 0;
            float i = 0;
            for (int m = 0; m < length; m++) {
                float x = window[m];
                r += x * c[m];
                i -= x * s[m];
            }
            re[b] = r;
            im[b] = i;
        }
    }
}
