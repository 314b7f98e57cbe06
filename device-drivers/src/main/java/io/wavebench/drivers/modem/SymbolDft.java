package io.wavebench.drivers.modem;

/**
 * The DFT of one symbol window at the band's carriers only. A direct sum over the used carriers,
 * not an FFT: the window is {@code sampleRate / 50} samples (960 or 882, not powers of two), and
 * only a sixth to a half of its bins are wanted, so this costs about what an FFT would.
 */
final class SymbolDft {

    private final CarrierPlan plan;
    private final int n;
    private final float[] cos;
    private final float[] sin;
    private final float[] window;

    SymbolDft(CarrierPlan plan) {
        this.plan = plan;
        n = plan.p.dftSize();
        cos = new float[n];
        sin = new float[n];
        for (int i = 0; i < n; i++) {
            cos[i] = (float) Math.cos(2 * Math.PI * i / n);
            sin[i] = (float) Math.sin(2 * Math.PI * i / n);
        }
        window = new float[n];
    }

    /**
     * Fills {@code re/im[c]} with the DFT (e^{-j...}) at every band carrier of the {@code n}
     * samples from absolute position {@code start} of the ring.
     */
    void transform(SampleRing ring, long start, double[] re, double[] im) {
        ring.copy(start, window, 0, n);
        transform(window, re, im);
    }

    /** As {@link #transform(SampleRing, long, double[], double[])}, on the first {@code n} samples of {@code x}. */
    void transform(float[] x, double[] re, double[] im) {
        for (int c = 0; c < plan.carriers; c++) {
            int k = plan.carrier(c);
            float sr = 0, si = 0;
            int idx = 0;
            for (int t = 0; t < n; t++) {
                float v = x[t];
                sr += v * cos[idx];
                si -= v * sin[idx];
                idx += k;
                if (idx >= n) idx -= n;
            }
            re[c] = sr;
            im[c] = si;
        }
    }
}
