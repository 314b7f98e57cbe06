package io.wavebench.drivers.channel;

import io.wavebench.drivers.dsp.FractionalResampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A seeded, streaming model of the air between a phone's speaker and a reader's microphone
 * (DESIGN §4, used by the virtual loopback). Stages, in this order, each optional:
 * <ol>
 *   <li><b>the phone's audio path</b> ({@link AudioPath}, {@link Builder#path}), on the digital
 *       sound before it reaches the speaker, in the order a phone applies it: the <b>mixer's
 *       resampler</b> (the app's rate to the mixer's and back), the <b>speaker limiter</b> (it
 *       acts on the digital level, so it comes before the distance gain), a <b>Bluetooth
 *       speaker</b> (codec low-pass and latency);</li>
 *   <li><b>gain</b> (distance): scales what is played;</li>
 *   <li><b>speaker response</b> ({@link DeviceResponse}): the phone's transducer shapes the sound
 *       before it leaves the phone, so it comes first and the room echoes the shaped sound;</li>
 *   <li><b>room</b> ({@link RoomImpulseResponse}): echoes of what the speaker radiated, by
 *       partitioned FFT convolution (output delayed by {@value StreamingConvolver#BLOCK} samples);</li>
 *   <li><b>noise bed</b> ({@link NoiseKind}), added as heard at the microphone: the bed stands for
 *       the ambient sound field at the reader (its reverberation is part of the generated bed), so
 *       it passes neither the phone's speaker nor the room model, but does pass the microphone;</li>
 *   <li><b>microphone response</b>: the reader's mic hears signal and noise alike;</li>
 *   <li><b>the reader's audio path</b>: the microphone's <b>AGC</b> (its gain stage sits before the
 *       ADC, so a burst it pumps is clipped by the last stage) and the <b>noise suppressor</b> (it
 *       runs on the ADC's samples in a real reader; here it comes before the clock offset, which a
 *       200 ppm shift of 10 ms spectra does not notice, and before clipping, which it therefore
 *       does not clean up);</li>
 *   <li><b>sample-clock offset</b>: the reader's ADC samples the mic's output on its own clock
 *       (the noise bed is resampled with the rest; a 200 ppm shift of a noise bed is immaterial);</li>
 *   <li><b>clipping</b>: the reader's preamp and ADC saturate on what they finally sample, so last.</li>
 * </ol>
 *
 * <p><b>SNR.</b> {@code SNR dB = 10·log10(S / N)} where {@code S = (referenceRms · gain)² · G}
 * with {@code referenceRms} the RMS the caller says the played signal has (for a modem, its
 * {@code nominalRms()}) and {@code G} the speaker response's mean power gain over the band (the
 * signal is taken as flat there: a modem's tones are), and {@code N} the noise bed's power within
 * the band, as it arrives at the microphone. The room's echoes are not counted as signal: the
 * figure states how loud the noise is against the direct sound. With {@link Builder#snrDb} the band
 * is 0..fs/2 (the noise's whole power); DESIGN §4 wants SNR over the profile's occupied band,
 * {@link Builder#snrInBandDb}. The level of a bed in the band is measured at build time over a
 * seeded stretch of the same bed ({@link NoiseCalibration}). The audio path is not counted either:
 * the SNR states the noise against the sound as the app plays it, and what the phone's limiter or a
 * Bluetooth low-pass takes away from it is what the path costs. It does not depend on what is actually
 * played, so silence gets the same noise as a frame (the loopback's clocked mode pushes silence).
 *
 * <p><b>Clock offset</b> {@code +ppm} means the sender's clock runs fast against the receiver's:
 * a tone played at f Hz is heard at {@code f·(1 + ppm·1e-6)} Hz and a second of sound becomes
 * {@code 1/(1 + ppm·1e-6)} seconds of received samples. With a non-zero offset the output lags the
 * input by 16 samples (interpolator latency). Chunked processing equals one-shot processing.
 */
public final class ChannelModel implements AcousticChannel {

    private final double gainDb;
    private final Double snrDb;
    private final double referenceRms;
    private final double bandLowHz;
    private final Double bandHighHz; // null: full band
    private final NoiseKind noiseKind;
    private final DeviceResponse speakerResponse;
    private final DeviceResponse micResponse;
    private final RoomImpulseResponse roomResponse;
    private final double clipLevel; // 0: no clipping
    private final double clockOffsetPpm;
    private final double sampleRate;
    private final long seed;

    private final float gain;
    private final double noiseRms;
    private final double noiseScale;
    private final NoiseBed noise;
    private final BiquadCascade speaker;
    private final StreamingConvolver room;
    private final BiquadCascade mic;
    private final FractionalResampler resampler;
    private final AudioPath path;
    private final PathStage phoneSide;
    private final PathStage readerSide;
    private float[] noiseBuffer = new float[0];

    private ChannelModel(Builder b) {
        this.gainDb = b.gainDb;
        this.snrDb = b.snrDb;
        this.referenceRms = b.referenceRms;
        this.bandLowHz = b.bandLowHz;
        this.bandHighHz = b.bandHighHz;
        this.noiseKind = b.noiseKind;
        this.speakerResponse = b.speaker;
        this.micResponse = b.mic;
        this.clipLevel = b.clipLevel;
        this.clockOffsetPpm = b.clockOffsetPpm;
        this.sampleRate = b.sampleRate;
        this.seed = b.seed;
        if (bandHighHz != null && bandHighHz > sampleRate / 2) {
            throw new IllegalArgumentException("SNR band " + bandLowHz + "–" + bandHighHz + " Hz reaches past Nyquist at " + sampleRate + " Hz");
        }
        this.gain = (float) Math.pow(10, gainDb / 20);
        double low = bandHighHz == null ? 0 : bandLowHz;
        double high = bandHighHz == null ? sampleRate / 2 : bandHighHz;
        this.speaker = speakerResponse == DeviceResponse.FLAT ? null : speakerResponse.newFilter(sampleRate);
        this.mic = micResponse == DeviceResponse.FLAT ? null : micResponse.newFilter(sampleRate);
        this.roomResponse = b.rt60 == null ? null
                : RoomImpulseResponse.of(b.rt60, b.directToReverberantDb, seed ^ 0x3C6EF372FE94F82BL, sampleRate);
        this.room = roomResponse == null ? null : roomResponse.newConvolver();
        if (snrDb == null) {
            this.noiseRms = 0;
            this.noiseScale = 0;
            this.noise = null;
        } else {
            double signalPower = Math.pow(referenceRms * gain, 2) * speakerResponse.meanPowerGain(low, high, sampleRate);
            this.noiseRms = Math.sqrt(signalPower) * Math.pow(10, -snrDb / 20);
            this.noiseScale = noiseRms / NoiseCalibration.inBandRms(noiseKind, seed, sampleRate, low, high);
            this.noise = noiseKind.newBed(seed, sampleRate);
        }
        this.resampler = clockOffsetPpm == 0 ? null : new FractionalResampler(1 + clockOffsetPpm * 1e-6);
        this.path = b.path;
        this.phoneSide = path.newPhoneSide(sampleRate);
        this.readerSide = path.newReaderSide(sampleRate);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public float[] process(float[] samples, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, samples.length);
        float[] work = new float[length]; // returned when there is no clock offset
        System.arraycopy(samples, offset, work, 0, length);
        if (phoneSide != null) phoneSide.process(work, 0, length);
        for (int i = 0; i < length; i++) work[i] *= gain;
        if (speaker != null) speaker.process(work, 0, length);
        if (room != null) room.process(work, 0, length);
        if (noise != null) {
            if (noiseBuffer.length < length) noiseBuffer = new float[Math.max(length, 2 * noiseBuffer.length)];
            noise.fill(noiseBuffer, 0, length);
            float s = (float) noiseScale;
            for (int i = 0; i < length; i++) work[i] += s * noiseBuffer[i];
        }
        if (mic != null) mic.process(work, 0, length);
        if (readerSide != null) readerSide.process(work, 0, length);
        float[] out = resampler == null ? work : resampler.process(work, 0, length);
        if (clipLevel > 0) {
            float c = (float) clipLevel;
            for (int i = 0; i < out.length; i++) out[i] = Math.max(-c, Math.min(c, out[i]));
        }
        return out;
    }

    /** RMS of the added noise within the SNR band, at the microphone (0 without noise). */
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

    public double sampleRate() {
        return sampleRate;
    }

    /** The phone's and the reader's audio path ({@link AudioPath#EMPTY} unless set). */
    public AudioPath path() {
        return path;
    }

    /**
     * For reports (DESIGN §4: SNR "printed with every result"): every stage in order, e.g.
     * {@code gain 0.0 dB, phone speaker, room RT60 0.30 s (DRR +10.0 dB), reader mic, babble at
     * in-band SNR 3.0 dB (1500–9400 Hz, ref rms 0.26), clock +200 ppm, clipping at 0.50 FS}.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (path.hasPhoneSide()) parts.add(path.withAgc(null).withNoiseSuppression(null).describe());
        parts.add(String.format(Locale.ROOT, "gain %.1f dB", gainDb));
        if (speakerResponse != DeviceResponse.FLAT) parts.add(speakerResponse.label());
        if (roomResponse != null) parts.add(roomResponse.describe());
        if (micResponse != DeviceResponse.FLAT) parts.add(micResponse.label());
        if (snrDb == null) {
            parts.add("no noise");
        } else if (bandHighHz == null) {
            parts.add(String.format(Locale.ROOT, "%s at SNR %.1f dB (ref rms %.2f)", noiseKind.label(), snrDb, referenceRms));
        } else {
            parts.add(String.format(Locale.ROOT, "%s at in-band SNR %.1f dB (%.0f–%.0f Hz, ref rms %.2f)",
                    noiseKind.label(), snrDb, bandLowHz, bandHighHz, referenceRms));
        }
        if (path.hasReaderSide()) parts.add(new AudioPath(null, null, null, path.agc(), path.noiseSuppression()).describe());
        parts.add(String.format(Locale.ROOT, "clock %+.0f ppm", clockOffsetPpm));
        if (clipLevel > 0) parts.add(String.format(Locale.ROOT, "clipping at %.2f FS", clipLevel));
        return String.join(", ", parts);
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
        private double bandLowHz;
        private Double bandHighHz;
        private NoiseKind noiseKind = NoiseKind.WHITE;
        private DeviceResponse speaker = DeviceResponse.FLAT;
        private DeviceResponse mic = DeviceResponse.FLAT;
        private Double rt60;
        private double directToReverberantDb;
        private double clipLevel;
        private double clockOffsetPpm;
        private double sampleRate = 48_000;
        private long seed = 1;
        private AudioPath path = AudioPath.EMPTY;

        private Builder() {
        }

        /**
         * The phone's and the reader's audio path: {@link AudioPath#PHONE_TO_READER_PATH}, another
         * {@link AudioPath#preset}, or one with parts changed ({@code AudioPath.preset(...).withLimiter(...)}).
         * Each part is checked when the model is built (e.g. a resampler's rates against the sample rate).
         */
        public Builder path(AudioPath path) {
            this.path = Objects.requireNonNull(path, "audio path");
            return this;
        }

        public Builder gainDb(double gainDb) {
            if (!Double.isFinite(gainDb)) throw new IllegalArgumentException("gain must be finite, got " + gainDb);
            this.gainDb = gainDb;
            return this;
        }

        /**
         * Noise at {@code snrDb} over the whole band 0..fs/2 against a signal of RMS
         * {@code referenceRms} as played (gain and speaker response apply to it); see the class
         * comment. The noise is white unless {@link #noise} says otherwise.
         */
        public Builder snrDb(double snrDb, double referenceRms) {
            checkSnr(snrDb, referenceRms);
            this.snrDb = snrDb;
            this.referenceRms = referenceRms;
            this.bandHighHz = null;
            return this;
        }

        /**
         * Noise at {@code snrDb} measured within {@code bandLowHz..bandHighHz} (DESIGN §4: over the
         * profile's occupied band, e.g. a modem's {@code preambleLowHz()..preambleHighHz()}).
         */
        public Builder snrInBandDb(double snrDb, double referenceRms, double bandLowHz, double bandHighHz) {
            checkSnr(snrDb, referenceRms);
            if (!(bandLowHz >= 0 && bandHighHz > bandLowHz)) {
                throw new IllegalArgumentException("SNR band must be 0 <= low < high, got " + bandLowHz + "–" + bandHighHz + " Hz");
            }
            this.snrDb = snrDb;
            this.referenceRms = referenceRms;
            this.bandLowHz = bandLowHz;
            this.bandHighHz = bandHighHz;
            return this;
        }

        /** Which bed the SNR settings add (white unless set). */
        public Builder noise(NoiseKind kind) {
            this.noiseKind = Objects.requireNonNull(kind, "noise kind");
            return this;
        }

        public Builder noNoise() {
            this.snrDb = null;
            return this;
        }

        public Builder speaker(DeviceResponse response) {
            this.speaker = Objects.requireNonNull(response, "speaker response");
            return this;
        }

        public Builder microphone(DeviceResponse response) {
            this.mic = Objects.requireNonNull(response, "microphone response");
            return this;
        }

        /**
         * A seeded room with this RT60 and the reference channel's direct-to-reverberant ratio,
         * {@value ReferenceChannel#DIRECT_TO_REVERBERANT_DB} dB (a phone ≈25 cm from the reader).
         */
        public Builder roomRt60(double seconds) {
            return roomRt60(seconds, ReferenceChannel.DIRECT_TO_REVERBERANT_DB);
        }

        /** A seeded room with this RT60 (0.01..2 s) and direct-to-reverberant energy ratio. */
        public Builder roomRt60(double seconds, double directToReverberantDb) {
            RoomImpulseResponse.of(seconds, directToReverberantDb, 0, 8000); // validates now, not at build
            this.rt60 = seconds;
            this.directToReverberantDb = directToReverberantDb;
            return this;
        }

        public Builder noRoom() {
            this.rt60 = null;
            return this;
        }

        /** Hard clip at ±{@code fullScaleFraction} (0 < f ≤ 1) after every other stage. */
        public Builder clipAt(double fullScaleFraction) {
            if (!(fullScaleFraction > 0 && fullScaleFraction <= 1)) {
                throw new IllegalArgumentException("clip level must be in (0, 1] of full scale, got " + fullScaleFraction);
            }
            this.clipLevel = fullScaleFraction;
            return this;
        }

        /** Sender clock fast by {@code ppm} against the receiver (|ppm| ≤ 10000). */
        public Builder clockOffsetPpm(double ppm) {
            if (!(Math.abs(ppm) <= 10_000)) throw new IllegalArgumentException("clock offset " + ppm + " ppm is outside ±10000");
            this.clockOffsetPpm = ppm;
            return this;
        }

        /** Sample rate the filters, room and noise beds are designed for (48 kHz unless set). */
        public Builder sampleRate(double hz) {
            if (!(hz >= 8000 && hz <= 384_000)) throw new IllegalArgumentException("sample rate " + hz + " Hz is outside 8000..384000 Hz");
            this.sampleRate = hz;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public ChannelModel build() {
            return new ChannelModel(this);
        }

        private static void checkSnr(double snrDb, double referenceRms) {
            if (!Double.isFinite(snrDb)) throw new IllegalArgumentException("SNR must be finite, got " + snrDb);
            if (!(referenceRms > 0)) throw new IllegalArgumentException("reference RMS must be > 0, got " + referenceRms);
        }
    }
}
