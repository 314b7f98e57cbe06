package io.wavebench.drivers.modem;

/**
 * The start marker of every frame (DESIGN §4: "preamble for detection and timing, a chirp or
 * similar, found by correlation"): a linear up-chirp over the profile's band. Its autocorrelation
 * has one narrow peak (width ≈ sampleRate / bandwidth samples), which gives the symbol timing, and
 * it barely changes under a ±200 ppm clock offset (the Doppler-induced time shift of a linear
 * chirp is far below one sample).
 */
final class Preamble {

    private Preamble() {
    }

    /** The chirp as played, at the profile's preamble amplitude, without fades. */
    static float[] waveform(ModemParameters p) {
        int n = p.preambleSamples();
        float[] out = new float[n];
        double duration = n / (double) p.sampleRate();
        double rate = (p.preambleHighHz() - p.preambleLowHz()) / duration;
        double amplitude = p.preambleAmplitude();
        for (int i = 0; i < n; i++) {
            double t = i / (double) p.sampleRate();
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * (p.preambleLowHz() * t + 0.5 * rate * t * t)));
        }
        return out;
    }
}
