package io.wavebench.drivers.modem;

/**
 * The start marker of every frame (DESIGN §4: "preamble for detection and timing, a chirp or
 * similar, found by correlation"): a linear up-chirp over the profile's band, so it adds no sound
 * outside it (an ultrasonic frame stays inaudible). Its autocorrelation has one narrow peak (width
 * ≈ sampleRate / bandwidth samples), which gives the frame timing, and it barely changes under a
 * ±200 ppm clock offset (the Doppler-induced time shift of a linear chirp is far below one sample).
 * It is defined in seconds and hertz, so a receiver at another sample rate builds the same sound.
 */
final class Preamble {

    private Preamble() {
    }

    /** The chirp as played, at the profile's preamble amplitude, without fades. */
    static float[] waveform(ModemParameters p) {
        return waveform(p, p.preambleSamples());
    }

    /** The chirp's first {@code length} samples, continued past its nominal end if longer. */
    static float[] waveform(ModemParameters p, int length) {
        float[] out = new float[length];
        double duration = p.preambleSamples() / (double) p.sampleRate();
        double rate = (p.preambleHighHz() - p.preambleLowHz()) / duration;
        double amplitude = p.preambleAmplitude();
        for (int i = 0; i < length; i++) {
            double t = i / (double) p.sampleRate();
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * (p.preambleLowHz() * t + 0.5 * rate * t * t)));
        }
        return out;
    }
}
