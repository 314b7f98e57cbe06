package io.wavebench.drivers.modem;

/**
 * Band-limited resampling of a whole recording from one sample rate to another (a Hann-windowed
 * sinc, 64 taps), for tests that play a frame made at one rate to a receiver at another. The
 * modem's bands end below 20.5 kHz, under both rates' Nyquist, so no anti-alias filter is needed.
 */
final class Resample {

    private static final int HALF = 32;

    private Resample() {
    }

    static float[] of(float[] in, double fromRate, double toRate) {
        double step = fromRate / toRate;
        int outLength = (int) Math.floor((in.length - 1) / step) + 1;
        float[] out = new float[outLength];
        for (int i = 0; i < outLength; i++) {
            double t = i * step;
            int center = (int) Math.floor(t);
            double sum = 0;
            for (int j = center - HALF + 1; j <= center + HALF; j++) {
                if (j < 0 || j >= in.length) continue;
                double x = t - j;
                double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
                double w = 0.5 + 0.5 * Math.cos(Math.PI * x / HALF);
                sum += in[j] * sinc * w;
            }
            out[i] = (float) sum;
        }
        return out;
    }
}
