package io.wavebench.drivers.channel;

/**
 * A reader's microphone automatic gain control ({@link AudioPath.Agc}): a level detector (mean
 * square over a 10 ms time constant — WebRTC's AGC works on 10 ms frames) and a gain, in dB, that
 * brings the detected level to {@code targetDbfs} RMS within {@code minGainDb..maxGainDb}. The gain
 * moves towards that with {@code attackMs} when it must fall and {@code releaseMs} when it may rise
 * (each the time in which 90 % of a step, in dB, is covered). In silence it climbs to
 * {@code maxGainDb}, where it also starts, so a burst after silence comes out too loud (and the
 * ADC after it clips) until the attack has brought the gain down: the preamble is pumped. With
 * noise before the burst it starts from the gain the noise left it at.
 */
final class MicAgc implements PathStage {

    private static final double DETECTOR_SECONDS = 0.010;

    private final double targetDbfs;
    private final double minGainDb;
    private final double maxGainDb;
    private final double detector;
    private final double attackCoefficient;
    private final double releaseCoefficient;
    private double meanSquare;
    private double gainDb;

    MicAgc(AudioPath.Agc s, double sampleRate) {
        this.targetDbfs = s.targetDbfs();
        this.minGainDb = s.minGainDb();
        this.maxGainDb = s.maxGainDb();
        this.detector = Math.exp(-1 / (DETECTOR_SECONDS * sampleRate));
        this.attackCoefficient = SpeakerLimiter.ninetyPercentIn(s.attackMs() * 1e-3 * sampleRate);
        this.releaseCoefficient = SpeakerLimiter.ninetyPercentIn(s.releaseMs() * 1e-3 * sampleRate);
        this.gainDb = maxGainDb;
    }

    /** The gain now, in dB (for tests and plots). */
    double gainDb() {
        return gainDb;
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            double x = samples[i];
            meanSquare = x * x + detector * (meanSquare - x * x);
            double wanted = meanSquare <= 1e-20 ? maxGainDb
                    : Math.max(minGainDb, Math.min(maxGainDb, targetDbfs - 10 * Math.log10(meanSquare)));
            double a = wanted < gainDb ? attackCoefficient : releaseCoefficient;
            gainDb = wanted + a * (gainDb - wanted);
            samples[i] = (float) (x * Math.pow(10, gainDb / 20));
        }
    }
}
