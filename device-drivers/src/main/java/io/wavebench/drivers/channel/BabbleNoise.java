package io.wavebench.drivers.channel;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Crowd babble (DESIGN §4): {@value #VOICES} overlapping synthetic talkers. Each talks in
 * syllables of 120–300 ms at ≈4–5 per second (the syllable rate that makes babble sound like
 * speech, and the amplitude modulation a modem's detector must live with), with phrase pauses. A
 * syllable is a short noisy consonant, then a vowel: a glottal sawtooth at the talker's pitch
 * through three formant resonators set from a table of vowels (Peterson &amp; Barney), scaled up
 * for higher-pitched voices. The long-term spectrum falls off above ≈1 kHz as speech does.
 */
final class BabbleNoise implements NoiseBed {

    static final int VOICES = 12;
    /** F1, F2, F3 of /i e æ a o u/ for adult male talkers. */
    private static final double[][] VOWELS = {
            {270, 2290, 3010}, {530, 1840, 2480}, {660, 1720, 2410},
            {730, 1090, 2440}, {570, 840, 2410}, {300, 870, 2240}};
    private static final double[] FORMANT_GAIN = {1.0, 0.5, 0.25};

    private final double rate;
    private final SplittableRandom random;
    private final Voice[] voices = new Voice[VOICES];

    BabbleNoise(long seed, double sampleRate) {
        this.rate = sampleRate;
        this.random = new SplittableRandom(seed);
        for (int v = 0; v < VOICES; v++) voices[v] = new Voice();
    }

    @Override
    public void fill(float[] out, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            double sum = 0;
            for (Voice v : voices) sum += v.next();
            out[i] = (float) (sum * (15 / Math.sqrt(VOICES)));
        }
    }

    private final class Voice {
        final double pitch;
        final double formantScale;
        final double level;
        final BiquadCascade[] formants = new BiquadCascade[3];
        final BiquadCascade fricative;
        double phase;
        int at; // sample within the current segment
        int length; // of the current segment
        int consonant; // samples of consonant at the start of the syllable
        boolean silent;

        Voice() {
            boolean high = random.nextBoolean();
            pitch = high ? 180 + 60 * random.nextDouble() : 90 + 50 * random.nextDouble();
            formantScale = high ? 1.17 : 1.0;
            level = 0.5 + 0.5 * random.nextDouble();
            for (int f = 0; f < 3; f++) {
                formants[f] = new BiquadCascade(List.of(Biquad.design(Biquad.Type.BANDPASS, 500, 5, 0, rate)));
            }
            fricative = new BiquadCascade(List.of(Biquad.design(Biquad.Type.BANDPASS, 4000, 1.5, 0, rate)));
            // start somewhere inside a syllable so the voices are not in step
            nextSegment();
            at = random.nextInt(length);
        }

        private void nextSegment() {
            at = 0;
            silent = random.nextDouble() < 0.12; // a pause between phrases
            if (silent) {
                length = (int) ((0.15 + 0.35 * random.nextDouble()) * rate);
                return;
            }
            length = (int) ((0.12 + 0.18 * random.nextDouble()) * rate);
            consonant = random.nextDouble() < 0.6 ? (int) ((0.02 + 0.04 * random.nextDouble()) * rate) : 0;
            double[] vowel = VOWELS[random.nextInt(VOWELS.length)];
            for (int f = 0; f < 3; f++) {
                double hz = Math.min(vowel[f] * formantScale * (0.93 + 0.14 * random.nextDouble()), 0.4 * rate);
                formants[f].set(0, Biquad.design(Biquad.Type.BANDPASS, hz, 6 + 4 * f, 0, rate));
            }
            fricative.set(0, Biquad.design(Biquad.Type.BANDPASS, Math.min((2500 + 4000 * random.nextDouble()), 0.4 * rate), 1.5, 0, rate));
        }

        double next() {
            if (at >= length) nextSegment();
            int t = at++;
            if (silent) {
                // keep the filters ringing down
                return 0;
            }
            double envelope = Math.sin(Math.PI * t / length);
            double out;
            if (t < consonant) {
                out = 0.5 * fricative.process(random.nextGaussian());
            } else {
                // slight vibrato-free pitch declination over the syllable, as in speech
                phase += pitch * (1.05 - 0.1 * t / length) / rate;
                phase -= Math.floor(phase);
                double excitation = 2 * phase - 1;
                out = 0;
                for (int f = 0; f < 3; f++) out += FORMANT_GAIN[f] * formants[f].process(excitation);
            }
            return level * envelope * out;
        }
    }
}
