package io.wavebench.drivers.channel;

/**
 * A generated, seeded, endless background sound (DESIGN §4: "additive noise beds"). Streaming: it
 * keeps only a few oscillators and filter states, never a precomputed recording, and the samples
 * do not depend on how the stream is cut into calls. Its level is only roughly unit RMS; the
 * channel sets it exactly with {@link NoiseCalibration}.
 */
public interface NoiseBed {

    /** Writes the bed's next {@code length} samples to {@code out[offset..]}. */
    void fill(float[] out, int offset, int length);
}
