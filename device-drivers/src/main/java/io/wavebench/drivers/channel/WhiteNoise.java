package io.wavebench.drivers.channel;

import java.util.Random;

/** Unit-variance white Gaussian noise; {@link java.util.Random} as the channel has always used. */
final class WhiteNoise implements NoiseBed {

    private final Random random;

    WhiteNoise(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public void fill(float[] out, int offset, int length) {
        for (int i = offset; i < offset + length; i++) out[i] = (float) random.nextGaussian();
    }
}
