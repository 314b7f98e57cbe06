package io.wavebench.drivers.channel;

import java.util.Arrays;

/**
 * A phone's speaker-protection limiter and loudness compressor ({@link AudioPath.Limiter}): above
 * {@code thresholdDb} the level rises only 1/{@code ratio} as fast, and no sample leaves louder
 * than {@code ceilingDb}. The gain is computed per sample from the peak level and smoothed in dB:
 * it recovers with {@code releaseMs} (the time in which 90 % of a gain reduction, in dB, is given
 * back).
 *
 * <p>With look-ahead (the feed-forward design of Giannoulis, Massberg &amp; Reiss, "Digital
 * dynamic range compressor design — a tutorial and analysis", JAES 60(6), 2012, with the
 * look-ahead peak limiter's sliding minimum): the sound is delayed by {@code lookaheadMs}, the
 * gain each sample needs is taken as the minimum over the look-ahead window, and that gain is
 * averaged over {@code attackMs} (≤ the look-ahead), a linear ramp down that ends before the peak
 * arrives, so the ceiling holds for every sample. Without look-ahead the gain falls with a
 * one-pole attack of {@code attackMs} (90 % in dB) and a fast transient overshoots the ceiling, as
 * a cheap compressor does.
 */
final class SpeakerLimiter implements PathStage {

    private final double thresholdDb;
    private final double slope; // dB of reduction per dB over the threshold
    private final double ceilingDb;
    private final int lookahead; // samples
    private final int attack;    // samples (ramp length with look-ahead)
    private final double attackCoefficient;
    private final double releaseCoefficient;

    private final float[] delay;      // the last `lookahead` samples of input
    private final double[] needed;    // the gain each of those samples needs
    private final double[] ramp;      // the last `attack` smoothed gains
    private double rampSum;
    private long count;
    private double gainDb;            // smoothed, ≤ 0

    SpeakerLimiter(AudioPath.Limiter s, double sampleRate) {
        this.thresholdDb = s.thresholdDb();
        this.slope = 1 - 1 / s.ratio();
        this.ceilingDb = s.ceilingDb();
        this.lookahead = (int) Math.round(s.lookaheadMs() * 1e-3 * sampleRate);
        this.attack = Math.max(1, Math.min(lookahead + 1, (int) Math.round(s.attackMs() * 1e-3 * sampleRate)));
        this.attackCoefficient = ninetyPercentIn(s.attackMs() * 1e-3 * sampleRate);
        this.releaseCoefficient = ninetyPercentIn(s.releaseMs() * 1e-3 * sampleRate);
        this.delay = new float[Math.max(1, lookahead)];
        this.needed = new double[lookahead + 1];
        this.ramp = new double[attack];
        Arrays.fill(needed, 1);
        Arrays.fill(ramp, 1);
        this.rampSum = attack;
    }

    /** One-pole coefficient a with a^samples = 0.1: 90 % of a step is covered in that many samples. */
    static double ninetyPercentIn(double samples) {
        return samples <= 0 ? 0 : Math.pow(10, -1 / samples);
    }

    /** The gain this sample needs, as a linear factor ≤ 1. */
    private double neededGain(float x) {
        double peak = Math.abs(x);
        if (peak <= 1e-9) return 1;
        double levelDb = 20 * Math.log10(peak);
        double reductionDb = levelDb > thresholdDb ? (levelDb - thresholdDb) * slope : 0;
        if (levelDb - reductionDb > ceilingDb) reductionDb = levelDb - ceilingDb;
        return Math.pow(10, -reductionDb / 20);
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            float x = samples[i];
            double need = neededGain(x);
            if (lookahead == 0) {
                double needDb = 20 * Math.log10(need);
                double a = needDb < gainDb ? attackCoefficient : releaseCoefficient;
                gainDb = needDb + a * (gainDb - needDb);
                samples[i] = (float) (x * Math.pow(10, gainDb / 20));
                continue;
            }
            int d = (int) (count % delay.length);
            float delayed = delay[d]; // the input `lookahead` samples ago
            delay[d] = x;
            needed[(int) (count % needed.length)] = need;
            double windowMin = 1;
            for (double g : needed) windowMin = Math.min(windowMin, g);
            // Falls at once to what the window needs, recovers with the release.
            double minDb = 20 * Math.log10(windowMin);
            gainDb = minDb < gainDb ? minDb : minDb + releaseCoefficient * (gainDb - minDb);
            double smoothed = Math.pow(10, gainDb / 20);
            int r = (int) (count % attack);
            double previous = ramp[r];
            ramp[r] = smoothed;
            if (r == attack - 1) {
                rampSum = 0; // summed afresh once a ramp, so rounding cannot build up
                for (double v : ramp) rampSum += v;
            } else {
                rampSum += smoothed - previous;
            }
            count++;
            samples[i] = (float) (delayed * (rampSum / attack));
        }
    }
}
