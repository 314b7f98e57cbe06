package io.wavebench.drivers.channel;

/**
 * Linear-phase low-pass FIR design by the Kaiser window method (Kaiser 1974; Oppenheim &amp;
 * Schafer, Discrete-Time Signal Processing, §7.5.3): a sinc cut at the middle of the transition
 * band under a Kaiser window whose β and length follow from the stopband attenuation and the
 * transition width. The audio path's resampler and Bluetooth link are designed with it.
 */
final class KaiserLowpass {

    private KaiserLowpass() {
    }

    /** Kaiser's β for a stopband {@code attenuationDb} down. */
    static double beta(double attenuationDb) {
        if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
        if (attenuationDb >= 21) return 0.5842 * Math.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        return 0;
    }

    /** Kaiser's length estimate: taps for this attenuation over a transition of {@code transitionHz} at {@code rate}. */
    static int taps(double attenuationDb, double transitionHz, double rate) {
        double dw = 2 * Math.PI * transitionHz / rate;
        return (int) Math.ceil((attenuationDb - 8) / (2.285 * dw)) + 1;
    }

    /**
     * {@code n} taps of a low-pass at {@code rate} with its −6 dB point at {@code cutoffHz}, DC
     * gain {@code gain}; the group delay is {@code (n − 1) / 2} samples.
     */
    static double[] design(int n, double cutoffHz, double attenuationDb, double rate, double gain) {
        double beta = beta(attenuationDb);
        double fc = cutoffHz / rate;
        double mid = (n - 1) / 2.0;
        double i0Beta = besselI0(beta);
        double[] h = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double t = i - mid;
            double sinc = t == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * t) / (Math.PI * t);
            double r = mid == 0 ? 0 : t / mid;
            double w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            h[i] = sinc * w;
            sum += h[i];
        }
        for (int i = 0; i < n; i++) h[i] *= gain / sum; // exact DC gain: the passband sits at 0 dB
        return h;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return sum;
    }
}
