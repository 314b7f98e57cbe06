package io.wavebench.drivers.audio;

import java.util.Random;

/** Test signals that survive 16-bit PCM exactly (multiples of 2^-15), seeded for reproducibility. */
final class Signals {

    private Signals() {}

    /** {@code length} seeded random samples in about [-0.5, 0.5], never zero, as exact 16-bit values. */
    static float[] random(long seed, int length) {
        Random random = new Random(seed);
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            int value = random.nextInt(16_384) + 1; // 1..16384, then a sign: never silence
            samples[i] = (random.nextBoolean() ? value : -value) / 32768f;
        }
        return samples;
    }

    static float[] scaled(float[] samples, float gain) {
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) out[i] = samples[i] * gain;
        return out;
    }

    /** The first index where {@code needle} occurs in {@code haystack} sample-exact, or -1. */
    static int indexOf(float[] haystack, float[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
