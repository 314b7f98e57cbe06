package io.wavebench.drivers.dsp;

/**
 * In-place radix-2 complex FFT of one fixed size, twiddles precomputed, so the preamble search
 * (DESIGN §4: correlation, receiver ≥ 50× real time) allocates nothing per block. wavebench's one
 * FFT: the modem's correlator and the rig's band-power measurements use it, and through
 * {@link RealFft} the channel's room convolution, its noise calibration and the evidence.
 */
public final class Fft {

    private final int n;
    private final Twiddles twiddles;
    private final int[] bitReverse;

    public Fft(int n) {
        twiddles = new Twiddles(n, 2, "FFT");
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        bitReverse = new int[n];
        for (int i = 0; i < n; i++) bitReverse[i] = Integer.reverse(i) >>> (32 - bits);
    }

    public int size() {
        return n;
    }

    /** Forward transform (e^{-i...}) of {@code re + i·im}, in place. */
    public void forward(double[] re, double[] im) {
        transform(re, im, false);
    }

    /** Inverse transform, scaled by 1/n, in place. */
    public void inverse(double[] re, double[] im) {
        transform(re, im, true);
        double scale = 1.0 / n;
        for (int i = 0; i < n; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    /** The transform without the inverse's 1/n, for callers that fold the scale into a pass of their own. */
    void transform(double[] re, double[] im, boolean inverse) {
        for (int i = 0; i < n; i++) {
            int j = bitReverse[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        // the first stage's twiddle is 1: sums and differences of neighbours
        for (int a = 0; a < n; a += 2) {
            double xr = re[a + 1], xi = im[a + 1];
            re[a + 1] = re[a] - xr;
            im[a + 1] = im[a] - xi;
            re[a] += xr;
            im[a] += xi;
        }
        double sign = inverse ? -1 : 1;
        double[] cos = twiddles.cos, sin = twiddles.sin;
        for (int len = 4; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            // twiddle outermost: each is loaded once per stage, not once per butterfly
            for (int k = 0; k < half; k++) {
                double wr = cos[k * step];
                double wi = sign * sin[k * step];
                for (int a = k; a < n; a += len) {
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
