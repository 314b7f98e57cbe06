package io.wavebench.drivers.channel;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Background music (DESIGN §4): a seeded key and tempo (96–132 BPM), a four-chord progression
 * changing every bar, each chord (bass plus triad, four harmonics per note) struck on every beat
 * and decaying; under it a drum pattern: kick on beats 1 and 3, snare on 2 and 4, hi-hat on every
 * eighth. Tonal lines and sharp onsets are what distinguishes music from babble for a detector.
 */
final class MusicNoise implements NoiseBed {

    /** I–V–vi–IV, as semitones of bass, third-ish and fifth above the key (pop's favourite). */
    private static final int[][] PROGRESSION = {{0, 4, 7}, {7, 11, 14}, {9, 12, 16}, {5, 9, 12}};
    private static final double[] HARMONIC = {1, 0.5, 0.3, 0.2};

    private final double rate;
    private final SplittableRandom random;
    private final double keyHz;
    private final long beatSamples;
    private final double[] noteHz = new double[4];
    private final double[] phase = new double[4 * HARMONIC.length];
    private final BiquadCascade snare;
    private final BiquadCascade hat;
    private double kickPhase;
    private long n;

    MusicNoise(long seed, double sampleRate) {
        this.rate = sampleRate;
        this.random = new SplittableRandom(seed);
        keyHz = 220 * Math.pow(2, random.nextInt(12) / 12.0);
        beatSamples = (long) (rate * 60 / (96 + 36 * random.nextDouble()));
        snare = new BiquadCascade(List.of(Biquad.design(Biquad.Type.BANDPASS, 1800, 0.8, 0, rate)));
        hat = new BiquadCascade(List.of(Biquad.design(Biquad.Type.HIGHPASS, Math.min(7000, 0.4 * rate), 0.7, 0, rate)));
    }

    @Override
    public void fill(float[] out, int offset, int length) {
        for (int i = offset; i < offset + length; i++, n++) {
            long beat = n / beatSamples;
            long t = n % beatSamples;
            if (t == 0 && beat % 4 == 0) chord((int) (beat / 4 % PROGRESSION.length));
            double sinceBeat = t / rate;
            double x = 0.5 * Math.exp(-sinceBeat / 0.35) * tones();
            long eighth = beatSamples / 2;
            double sinceEighth = (n % eighth) / rate;
            if (beat % 2 == 0) { // kick: a falling sine
                kickPhase += (50 + 70 * Math.exp(-sinceBeat / 0.03)) / rate;
                x += 0.9 * Math.exp(-sinceBeat / 0.12) * Math.sin(2 * Math.PI * kickPhase);
            } else {
                x += 0.6 * Math.exp(-sinceBeat / 0.08) * snare.process(random.nextGaussian());
            }
            x += 0.25 * Math.exp(-sinceEighth / 0.025) * hat.process(random.nextGaussian());
            out[i] = (float) x;
        }
    }

    private void chord(int index) {
        int[] c = PROGRESSION[index];
        noteHz[0] = keyHz / 2 * Math.pow(2, c[0] / 12.0); // bass
        for (int k = 0; k < 3; k++) noteHz[k + 1] = keyHz * Math.pow(2, c[k] / 12.0);
    }

    private double tones() {
        if (noteHz[0] == 0) chord(0);
        double sum = 0;
        for (int note = 0; note < noteHz.length; note++) {
            for (int h = 0; h < HARMONIC.length; h++) {
                int k = note * HARMONIC.length + h;
                double hz = noteHz[note] * (h + 1);
                if (hz >= 0.45 * rate) continue;
                phase[k] += hz / rate;
                phase[k] -= Math.floor(phase[k]);
                sum += HARMONIC[h] * Math.sin(2 * Math.PI * phase[k]);
            }
        }
        return sum;
    }
}
