package io.wavebench.drivers.audio;

/** Test signals reachable from the loopback package's tests. */
public final class SignalsForLoopback {

    private SignalsForLoopback() {}

    /** A ramp of distinct exact 16-bit values, so any drop or reorder shows. */
    public static float[] ramp(int length) {
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) samples[i] = ((i % 30_000) - 15_000) / 32768f;
        return samples;
    }
}
