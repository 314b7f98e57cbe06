package io.wavebench.drivers.channel;

import java.util.Arrays;

/**
 * What happens to sound between a speaker and a microphone (DESIGN §4): a streaming,
 * stateful transform. The loopback mixer pushes everything played — and, in clocked mode, the
 * silence between transmissions — through one of these, so noise is present even when nobody
 * plays. The output length may differ from the input length (sample-clock offset).
 */
public interface AcousticChannel {

    /** Passes {@code len} samples (floats in [-1, 1]) and returns what the microphone hears. */
    float[] process(float[] samples, int offset, int length);

    /** A perfect cable: what is played is heard. */
    AcousticChannel IDENTITY = (samples, offset, length) -> Arrays.copyOfRange(samples, offset, offset + length);
}
