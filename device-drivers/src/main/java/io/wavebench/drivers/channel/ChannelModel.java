package io.wavebench.drivers.channel;

import java.util.Locale;
import java.util.Random;

/**
 * A seeded, streaming model of the air between a phone's speaker and a reader's microphone
 * (DESIGN §4, used by the virtual loopback). In order: gain (distance), sample-clock offset,
 * additive white Gaussian noise. Echo, device responses, other noise beds and clipping are for a
 * later issue.
 *
 * <p><b>SNR, as stated here:</b> {@code SNR dB = 20·log10(referenceRms · gain / noiseRms)}, where
 * {@code referenceRms} is the RMS the caller says the played signal has (for a modem, its
 * {@code nominalRms()}), {@code gain} the linear gain of this model, and the noise is white over
 * the whole band 0..fs/2. It does not depend on what is actually played, so silence gets the
 * same noise as a frame (the loopback's clocked mode pushes silence through). DESIGN §4 wants SNR
 * over the profile's occupied band: that is this figure plus {@code 10·log10((fs/2) / bandwidth)}
 * (≈ +4.8 dB for the robust profile's 8 kHz at 48 kHz).
 *
 * <p><b>Clock offset</b> {@code +ppm} means the sender's clock runs fast against the receiver's:
 * a tone played at f Hz is heard at {@code f·(1 + ppm·1e-6)} Hz and a second of sound becomes
 * {@code 1/(1 + ppm·1e-6)} seconds of received samples. With a non-zero offset the output lags the
 * input by 16 samples (interpolator latency); chunked processing equals one-shot processing.
 */
public final class ChannelModel implements AcousticChannel {

    private final double gainDb;
    private final Double snrDb;
    private final double referenceRms;
    private final double clockOffsetPpm;
    private final long seed;
    private final float gain;
    private final double noiseRms;
    private final Random random;
    private final FractionalResampler resampler;

    private ChannelModel(Builder b) {
        this.gainDb = b.gainDb;
        this.snrDb = b.snrDb;
        this.referenceRms = b.referenceRms;
        this.clockOffsetPpm = b.clockOffsetPpm;
        this.seed = b.seed;
        this.gain = (float) Math.pow(10, gainDb / 20);
        this.noiseRms = snrDb == null ? 0 : referenceRms * gain * Math.pow(10, -snrDb / 20);
        this.random = new Random(seed);
        this.resampler = clockOffsetPpm == 0 ? null : new FractionalResampler(1 + clockOffsetPpm * 1e-6);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public float[] process(float[] samples, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, samples.length);
        float[] scaled = new float[length];
        for (int i = 0; i < length; i++) scaled[i] = samples[offset + i] * gain;
        float[] out = resampler == null ? scaled : resampler.process(scaled, 0, length);
        if (noiseRms > 0) {
            for (int i = 0; i < out.length; i++) out[i] += (float) (noiseRms * random.nextGaussian());
        }
        return out;
    }

    /** RMS of the added noise (0 without noise). */
    public double noiseRms() {
        return noiseRms;
    }

    public double gainDb() {
        return gainDb;
    }

    public double clockOffsetPpm() {
        return clockOffsetPpm;
    }

    public long seed() {
        return seed;
    }

    /** For reports (DESIGN §4: SNR "printed with every result"), e.g. {@code gain -6.0 dB, white noise at SNR 20.0 dB (ref rms 0.30), clock +100 ppm}. */
    public String describe() {
        String noise = snrDb == null ? "no noise"
                : String.format(Locale.ROOT, "white noise at SNR %.1f dB (ref rms %.2f)", snrDb, referenceRms);
        return String.format(Locale.ROOT, "gain %.1f dB, %s, clock %+.0f ppm", gainDb, noise, clockOffsetPpm);
    }

    @Override
    public String toString() {
        return "ChannelModel[" + describe() + ", seed " + seed + "]";
    }

    /** Settings; each call changes this builder, {@link #build()} makes a fresh model with fresh state. */
    public static final class Builder {
        private double gainDb;
        private Double snrDb;
        private double referenceRms;
        private double clockOffsetPpm;
        private long seed = 1;

        private Builder() {
        }

        public Builder gainDb(double gainDb) {
            if (!Double.isFinite(gainDb)) throw new IllegalArgumentException("gain must be finite, got " + gainDb);
            this.gainDb = gainDb;
            return this;
        }

        /**
         * White noise at {@code snrDb} against a signal of RMS {@code referenceRms} as played
         * (the gain applies to both); see the class comment for the exact definition.
         */
        public Builder snrDb(double snrDb, double referenceRms) {
            if (!Double.isFinite(snrDb)) throw new IllegalArgumentException("SNR must be finite, got " + snrDb);
            if (!(referenceRms > 0)) throw new IllegalArgumentException("reference RMS must be > 0, got " + referenceRms);
            this.snrDb = snrDb;
            this.referenceRms = referenceRms;
            return this;
        }

        public Builder noNoise() {
            this.snrDb = null;
            return this;
        }

        /** Sender clock fast by {@code ppm} against the receiver (|ppm| ≤ 10000). */
        public Builder clockOffsetPpm(double ppm) {
            if (!(Math.abs(ppm) <= 10_000)) throw new IllegalArgumentException("clock offset " + ppm + " ppm is outside ±10000");
            this.clockOffsetPpm = ppm;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public ChannelModel build() {
            return new ChannelModel(this);
        }
    }
}
