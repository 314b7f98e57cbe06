package io.wavebench.drivers.channel;

import java.util.SplittableRandom;

/**
 * Pink (−3 dB/octave) noise: white noise through Paul Kellett's "refined" sum of seven one-pole
 * filters, within ±0.05 dB of 1/f from ≈9 Hz to Nyquist at 44.1–48 kHz.
 */
final class PinkNoise implements NoiseBed {

    private static final double SCALE = 0.11; // brings the sum to about unit RMS
    private final SplittableRandom random;
    private double b0, b1, b2, b3, b4, b5, b6;

    PinkNoise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void fill(float[] out, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            double w = random.nextGaussian();
            b0 = 0.99886 * b0 + w * 0.0555179;
            b1 = 0.99332 * b1 + w * 0.0750759;
            b2 = 0.96900 * b2 + w * 0.1538520;
            b3 = 0.86650 * b3 + w * 0.3104856;
            b4 = 0.55000 * b4 + w * 0.5329522;
            b5 = -0.7616 * b5 - w * 0.0168980;
            out[i] = (float) (SCALE * (b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362));
            b6 = w * 0.115926;
        }
    }
}
