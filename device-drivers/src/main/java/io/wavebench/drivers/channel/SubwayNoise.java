package io.wavebench.drivers.channel;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A subway car or platform (DESIGN §4): strong rumble below ≈150 Hz (wheels and motors, with a
 * seeded motor hum and a slow swell), broadband hiss (air, ventilation) about 20 dB down, and
 * every few seconds on average a brake or rail screech: a 0.4–1.5 s whistle between 2.5 and
 * 4.5 kHz with harmonics and vibrato, louder than the rumble in its band.
 */
final class SubwayNoise implements NoiseBed {

    private final double rate;
    private final SplittableRandom random;
    private final BiquadCascade rumble;
    private final double rumbleScale;
    private final BiquadCascade hiss;
    private final double hissScale;
    private final double humHz;
    private final double meanGapSamples;
    private long n;
    private double humPhase, screechPhase, vibratoPhase;
    private long screechStart = -1, screechLength, nextScreech;
    private double screechHz;

    SubwayNoise(long seed, double sampleRate) {
        this.rate = sampleRate;
        this.random = new SplittableRandom(seed);
        List<Biquad> low = List.of(Biquad.design(Biquad.Type.LOWPASS, 150, 0.7, 0, rate),
                Biquad.design(Biquad.Type.LOWPASS, 150, 0.7, 0, rate), Biquad.design(Biquad.Type.HIGHPASS, 20, 0.7, 0, rate));
        rumble = new BiquadCascade(low);
        rumbleScale = 0.9 / Math.sqrt(whitePower(low));
        List<Biquad> high = List.of(Biquad.design(Biquad.Type.HIGHPASS, 1500, 0.7, 0, rate));
        hiss = new BiquadCascade(high);
        hissScale = 0.1 / Math.sqrt(whitePower(high));
        humHz = 40 + 30 * random.nextDouble();
        meanGapSamples = 5 * rate;
        nextScreech = gap();
    }

    @Override
    public void fill(float[] out, int offset, int length) {
        for (int i = offset; i < offset + length; i++, n++) {
            double swell = 1 + 0.3 * Math.sin(2 * Math.PI * 0.2 * n / rate);
            humPhase += humHz / rate;
            humPhase -= Math.floor(humPhase);
            double x = swell * (rumbleScale * rumble.process(random.nextGaussian()) + 0.35 * Math.sin(2 * Math.PI * humPhase))
                    + hissScale * hiss.process(random.nextGaussian());
            x += screech();
            out[i] = (float) x;
        }
    }

    private double screech() {
        if (screechStart < 0) {
            if (n < nextScreech) return 0;
            screechStart = n;
            screechLength = (long) ((0.4 + 1.1 * random.nextDouble()) * rate);
            screechHz = 2500 + 2000 * random.nextDouble();
        }
        long t = n - screechStart;
        if (t >= screechLength) {
            screechStart = -1;
            nextScreech = n + gap();
            return 0;
        }
        double attack = Math.min(1, t / (0.05 * rate));
        double release = Math.min(1, (screechLength - t) / (0.2 * rate));
        vibratoPhase += 6 / rate;
        screechPhase += (screechHz + 60 * Math.sin(2 * Math.PI * vibratoPhase)) / rate;
        screechPhase -= Math.floor(screechPhase);
        double p = 2 * Math.PI * screechPhase;
        return 0.8 * attack * release * (Math.sin(p) + 0.4 * Math.sin(2 * p) + 0.2 * Math.sin(3 * p));
    }

    private long gap() {
        return (long) (-meanGapSamples * Math.log(1 - random.nextDouble()));
    }

    /** Power of unit white noise through {@code sections}: the mean of |H|² over 0..fs/2. */
    static double whitePower(List<Biquad> sections) {
        int points = 4096;
        double sum = 0;
        for (int i = 0; i < points; i++) {
            double hz = (i + 0.5) / points * 0.5;
            double p = 1;
            for (Biquad b : sections) p *= b.powerGain(hz, 1);
            sum += p;
        }
        return sum / points;
    }
}
