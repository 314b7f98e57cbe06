package io.wavebench.drivers.channel;

import io.wavebench.drivers.dsp.RealFft;

/** Test measurements: power within a band from one long FFT (Parseval), and RMS. */
final class Spectra {

    private Spectra() {
    }

    /** Mean power of {@code x[0..n)} (n a power of two) within {@code lowHz..highHz}. */
    static double bandPower(float[] x, int n, double rate, double lowHz, double highHz) {
        double[] f = new double[n];
        for (int i = 0; i < Math.min(n, x.length); i++) f[i] = x[i];
        new RealFft(n).forward(f);
        double sum = 0;
        for (int k = 1; k < n / 2; k++) {
            double hz = k * rate / n;
            if (hz >= lowHz && hz < highHz) sum += 2.0 * (f[2 * k] * f[2 * k] + f[2 * k + 1] * f[2 * k + 1]);
        }
        return sum / ((double) n * n);
    }

    static double rms(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) e += (double) x[i] * x[i];
        return Math.sqrt(e / (to - from));
    }

    static float[] tone(double hz, double rms, int samples, double rate) {
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) out[i] = (float) (rms * Math.sqrt(2) * Math.sin(2 * Math.PI * hz * i / rate));
        return out;
    }
}
