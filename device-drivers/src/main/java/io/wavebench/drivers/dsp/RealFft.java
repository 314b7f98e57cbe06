package io.wavebench.drivers.dsp;

/**
 * FFT of {@code n} real samples through one complex {@link Fft} of {@code n/2}: the even samples
 * go in as the real parts and the odd ones as the imaginary parts, and one butterfly per bin pair
 * separates the two spectra again (the classic packing; half the work of a complex transform of
 * {@code n}). Used by the channel's room convolution and the noise and band-energy measurements.
 *
 * <p>The spectrum is packed into the {@code n} slots the samples came in: {@code [0]} is Re X₀,
 * {@code [1]} is Re X_{n/2} (both real for a real signal), then {@code [2k], [2k+1]} are Re and Im
 * of X_k for 0 &lt; k &lt; n/2; the bins above n/2 are the conjugates of those below. This is the
 * layout of JTransforms' {@code realForward}, so code written for that reads the same.
 *
 * <p>Allocation-free per call; the two half-size work arrays make an instance single-threaded.
 */
public final class RealFft {

    private final int n;
    private final int half;
    /** The even samples' transform, the odd samples' as its imaginary part. */
    private final Fft fft;
    /** e^{-2πik/n}: joins the even and odd half-spectra. */
    private final Twiddles join;
    private final double[] re;
    private final double[] im;

    public RealFft(int n) {
        join = new Twiddles(n, 4, "real FFT");
        this.n = n;
        half = n / 2;
        fft = new Fft(half);
        re = new double[half];
        im = new double[half];
    }

    public int size() {
        return n;
    }

    /** Forward transform (e^{-i...}) of {@code x[0..n)}, in place, into the packed layout. */
    public void forward(double[] x) {
        requireSize(x);
        for (int j = 0; j < half; j++) {
            re[j] = x[2 * j];
            im[j] = x[2 * j + 1];
        }
        fft.forward(re, im);
        // Z = E + iO with E, O the spectra of the even and odd samples; X_k = E_k + W^k·O_k.
        x[0] = re[0] + im[0];
        x[1] = re[0] - im[0];
        for (int k = 1; k < half; k++) {
            double zr = re[k], zi = im[k];
            double cr = re[half - k], ci = -im[half - k]; // conj(Z_{n/2-k})
            double er = (zr + cr) / 2, ei = (zi + ci) / 2;
            double odr = (zi - ci) / 2, odi = -(zr - cr) / 2; // (Z_k - conj(Z_{n/2-k})) / 2i
            double wr = join.cos[k], wi = join.sin[k];
            x[2 * k] = er + wr * odr - wi * odi;
            x[2 * k + 1] = ei + wr * odi + wi * odr;
        }
    }

    /** Inverse of {@link #forward}, scaled by 1/n, in place: the packed spectrum back to n samples. */
    public void inverse(double[] x) {
        requireSize(x);
        re[0] = (x[0] + x[1]) / 2;
        im[0] = (x[0] - x[1]) / 2;
        for (int k = 1; k < half; k++) {
            double xr = x[2 * k], xi = x[2 * k + 1];
            double yr = x[2 * (half - k)], yi = -x[2 * (half - k) + 1]; // conj(X_{n/2-k}) = X_{k+n/2}
            double er = (xr + yr) / 2, ei = (xi + yi) / 2;
            double dr = (xr - yr) / 2, di = (xi - yi) / 2;
            double wr = join.cos[k], wi = -join.sin[k]; // W^{-k}
            double odr = dr * wr - di * wi, odi = dr * wi + di * wr;
            re[k] = er - odi;
            im[k] = ei + odr;
        }
        fft.transform(re, im, true); // back to the even samples in re, the odd ones in im, times n/2
        double scale = 1.0 / half;
        for (int j = 0; j < half; j++) {
            x[2 * j] = re[j] * scale;
            x[2 * j + 1] = im[j] * scale;
        }
    }

    private void requireSize(double[] x) {
        if (x.length < n) throw new IllegalArgumentException("a real FFT of " + n + " needs " + n + " values, got an array of " + x.length);
    }
}
