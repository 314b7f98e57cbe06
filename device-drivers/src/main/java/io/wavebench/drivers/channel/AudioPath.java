package io.wavebench.drivers.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a phone and a reader do to the sound besides their transducers (DESIGN §4 channel model):
 * the parts users' complaints name, each optional (null: not there), each stated in physical units.
 * On the phone's side, in the order the sound meets them: the mixer's {@link Resampler}, the
 * speaker's {@link Limiter}, a {@link Bluetooth} speaker; on the reader's side: the microphone's
 * {@link Agc} and the {@link NoiseSuppression}. {@link ChannelModel} runs the phone's parts before
 * the speaker response and the reader's after the microphone response (see its class comment).
 * The parts hold no randomness: the same settings give the same sound for every seed.
 *
 * <p>Presets ({@link #preset}): {@value #PHONE_TO_READER} (the default: an Android phone's mixer
 * at 44.1 kHz with AOSP's default resampler, its speaker limiter, the reader's AGC and noise
 * suppressor), {@value #BLUETOOTH} (the same with the sound going through a Bluetooth speaker),
 * {@value #NONE}.
 */
public record AudioPath(Resampler resampler, Limiter limiter, Bluetooth bluetooth, Agc agc, NoiseSuppression noiseSuppression) {

    public static final String PHONE_TO_READER = "phone-to-reader";
    public static final String BLUETOOTH = "bluetooth";
    public static final String NONE = "none";

    /** No part: the channel as it was without a path. */
    public static final AudioPath EMPTY = new AudioPath(null, null, null, null, null);

    /** The phone-to-reader path: {@link Resampler#ANDROID_DEFAULT}, {@link Limiter#ANDROID_DEFAULT}, {@link Agc#READER}, {@link NoiseSuppression#WEBRTC_DEFAULT}. */
    public static final AudioPath PHONE_TO_READER_PATH = new AudioPath(Resampler.ANDROID_DEFAULT, Limiter.ANDROID_DEFAULT, null, Agc.READER,
            NoiseSuppression.WEBRTC_DEFAULT);

    private static final Map<String, AudioPath> PRESETS = Map.of(
            PHONE_TO_READER, PHONE_TO_READER_PATH,
            BLUETOOTH, PHONE_TO_READER_PATH.withBluetooth(Bluetooth.SBC_SPEAKER),
            NONE, EMPTY);

    /** The preset of that name; the message of the exception names the known ones. */
    public static AudioPath preset(String name) {
        AudioPath p = PRESETS.get(name);
        if (p == null) throw new IllegalArgumentException("is '" + name + "'; known: " + String.join(", ", presetNames()));
        return p;
    }

    public static List<String> presetNames() {
        return PRESETS.keySet().stream().sorted().toList();
    }

    public AudioPath withResampler(Resampler r) {
        return new AudioPath(r, limiter, bluetooth, agc, noiseSuppression);
    }

    public AudioPath withLimiter(Limiter l) {
        return new AudioPath(resampler, l, bluetooth, agc, noiseSuppression);
    }

    public AudioPath withBluetooth(Bluetooth b) {
        return new AudioPath(resampler, limiter, b, agc, noiseSuppression);
    }

    public AudioPath withAgc(Agc a) {
        return new AudioPath(resampler, limiter, bluetooth, a, noiseSuppression);
    }

    public AudioPath withNoiseSuppression(NoiseSuppression n) {
        return new AudioPath(resampler, limiter, bluetooth, agc, n);
    }

    boolean hasPhoneSide() {
        return resampler != null || limiter != null || bluetooth != null;
    }

    boolean hasReaderSide() {
        return agc != null || noiseSuppression != null;
    }

    /** The phone's parts in order (mixer, limiter, Bluetooth) as one fresh stage, or null. */
    PathStage newPhoneSide(double sampleRate) {
        List<PathStage> stages = new ArrayList<>();
        if (resampler != null) stages.add(new MixerResampler(resampler, sampleRate));
        if (limiter != null) stages.add(new SpeakerLimiter(limiter, sampleRate));
        if (bluetooth != null) stages.add(new BluetoothLink(bluetooth, sampleRate));
        return stages.isEmpty() ? null : PathStage.chain(stages);
    }

    /** The reader's parts in order (AGC, noise suppression) as one fresh stage, or null. */
    PathStage newReaderSide(double sampleRate) {
        List<PathStage> stages = new ArrayList<>();
        if (agc != null) stages.add(new MicAgc(agc, sampleRate));
        if (noiseSuppression != null) stages.add(new NoiseSuppressor(noiseSuppression, sampleRate));
        return stages.isEmpty() ? null : PathStage.chain(stages);
    }

    /** For reports, e.g. {@code mixer 44100 Hz (pass 18100 Hz, stop 22050 Hz, 90 dB), limiter ..., AGC ..., NS ...}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (resampler != null) parts.add(resampler.describe());
        if (limiter != null) parts.add(limiter.describe());
        if (bluetooth != null) parts.add(bluetooth.describe());
        if (agc != null) parts.add(agc.describe());
        if (noiseSuppression != null) parts.add(noiseSuppression.describe());
        return parts.isEmpty() ? "no audio path" : String.join(", ", parts);
    }

    /** A setting out of range: {@link #key()} is its name as a rig file writes it. */
    public static final class BadSetting extends IllegalArgumentException {
        private final String key;
        private final String problem;

        BadSetting(String key, String problem) {
            super(key + " " + problem);
            this.key = key;
            this.problem = problem;
        }

        public String key() {
            return key;
        }

        public String problem() {
            return problem;
        }
    }

    private static void require(boolean ok, String key, String problem, double value) {
        if (!ok || Double.isNaN(value)) throw new BadSetting(key, problem + ", got " + fmt(value));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * The phone's mixer runs at {@code mixerRateHz} and the sound goes there and back through a
     * windowed-sinc polyphase resampler: flat to {@code passbandHz}, at least {@code stopbandDb}
     * down from {@code stopbandHz} (capped at the lower rate's Nyquist frequency).
     */
    public record Resampler(int mixerRateHz, double passbandHz, double stopbandHz, double stopbandDb) {

        /**
         * AOSP's AudioResamplerDyn at its defaults (stopband 90 dB, half filter length 32 taps,
         * cut-off 100 % of Nyquist, i.e. the stopband starts at the lower rate's Nyquist frequency:
         * the ro.audio.resampler.psd.* properties) taking 48 kHz sound to a 44.1 kHz mixer.
         * 64 taps a phase at 90 dB leave a Kaiser transition of ≈3.9 kHz below 22.05 kHz: the
         * passband ends near 18.1 kHz, inside the ultrasonic profile's 17.5–20.4 kHz.
         */
        public static final Resampler ANDROID_DEFAULT = new Resampler(44_100, 18_100, 22_050, 90);

        public Resampler {
            require(mixerRateHz >= 8000 && mixerRateHz <= 192_000, "mixerRateHz", "must be 8000..192000 Hz", mixerRateHz);
            require(passbandHz > 0, "passbandHz", "must be > 0 Hz", passbandHz);
            require(passbandHz < mixerRateHz / 2.0, "passbandHz", "must be below the mixer's Nyquist frequency (" + fmt(mixerRateHz / 2.0) + " Hz)", passbandHz);
            require(stopbandHz > passbandHz, "stopbandHz", "must be above passbandHz (" + fmt(passbandHz) + " Hz)", stopbandHz);
            require(stopbandDb >= 20 && stopbandDb <= 160, "stopbandDb", "must be 20..160 dB", stopbandDb);
            require(stopbandHz - passbandHz >= 100, "stopbandHz", "must be at least 100 Hz above passbandHz (the filter's length grows as 1/transition)", stopbandHz);
        }

        String describe() {
            return String.format(Locale.ROOT, "mixer at %d Hz (pass to %.0f Hz, %.0f dB down from %.0f Hz)", mixerRateHz, passbandHz, stopbandDb, stopbandHz);
        }
    }

    /**
     * The phone's speaker limiter/compressor: above {@code thresholdDb} (dBFS, sample peak) the
     * level grows 1/{@code ratio} as fast; nothing leaves above {@code ceilingDb} when there is a
     * look-ahead; {@code attackMs} and {@code releaseMs} are the times in which 90 % of a gain change
     * (in dB) is made; {@code lookaheadMs} 0 is a limiter without look-ahead.
     */
    public record Limiter(double thresholdDb, double ratio, double ceilingDb, double attackMs, double releaseMs, double lookaheadMs) {

        /**
         * Android's DynamicsProcessing limiter defaults (threshold −2 dBFS, ratio 10:1, attack 1 ms,
         * release 60 ms), with a 1 ms look-ahead and a −1 dBFS ceiling as a speaker-protection amplifier has.
         */
        public static final Limiter ANDROID_DEFAULT = new Limiter(-2, 10, -1, 1, 60, 1);

        public Limiter {
            require(thresholdDb <= 0 && thresholdDb >= -60, "thresholdDb", "must be -60..0 dBFS", thresholdDb);
            require(ratio >= 1 && ratio <= 1000, "ratio", "must be 1..1000 (1 is no compression)", ratio);
            require(ceilingDb <= 0 && ceilingDb >= thresholdDb, "ceilingDb", "must be between thresholdDb (" + fmt(thresholdDb) + ") and 0 dBFS", ceilingDb);
            require(attackMs > 0 && attackMs <= 1000, "attackMs", "must be > 0 and at most 1000 ms", attackMs);
            require(releaseMs > 0 && releaseMs <= 10_000, "releaseMs", "must be > 0 and at most 10000 ms", releaseMs);
            require(lookaheadMs >= 0 && lookaheadMs <= 100, "lookaheadMs", "must be 0..100 ms", lookaheadMs);
            require(lookaheadMs == 0 || attackMs <= lookaheadMs, "attackMs", "must be at most lookaheadMs (" + fmt(lookaheadMs) + " ms): the attack ramp runs within the look-ahead", attackMs);
        }

        String describe() {
            return String.format(Locale.ROOT, "limiter %.1f dBFS %.0f:1 ceiling %.1f dBFS (attack %.1f ms, release %.0f ms, look-ahead %.1f ms)",
                    thresholdDb, ratio, ceilingDb, attackMs, releaseMs, lookaheadMs);
        }
    }

    /** A Bluetooth speaker: its codec's low-pass edge and the link's latency. */
    public record Bluetooth(double cutoffHz, double latencyMs) {

        /** SBC at the usual bitpool: flat to ≈16 kHz; 200 ms from the phone to the air. */
        public static final Bluetooth SBC_SPEAKER = new Bluetooth(16_000, 200);

        public Bluetooth {
            require(cutoffHz >= 1000 && cutoffHz <= 96_000, "cutoffHz", "must be 1000..96000 Hz", cutoffHz);
            require(latencyMs >= 5 && latencyMs <= 2000, "latencyMs", "must be 5..2000 ms (the low-pass alone takes ≈1 ms)", latencyMs);
        }

        String describe() {
            return String.format(Locale.ROOT, "Bluetooth speaker (low-pass %.0f Hz, latency %.0f ms)", cutoffHz, latencyMs);
        }
    }

    /**
     * The reader's microphone AGC: the level it aims for ({@code targetDbfs}, RMS, 0 dB a
     * full-scale square wave), the gain's range (it climbs to {@code maxGainDb} in silence and
     * starts there), and how fast it moves down ({@code attackMs}) and up ({@code releaseMs}).
     */
    public record Agc(double targetDbfs, double maxGainDb, double minGainDb, double attackMs, double releaseMs) {

        /**
         * Modelled on WebRTC's AGC as phones and embedded readers run it (target −3 dBFS peak in
         * its legacy config, i.e. speech at ≈ −18 dBFS RMS; gain up to +30 dB): a burst after
         * silence takes tens of milliseconds to come down (attack 50 ms) and the gain climbs back
         * in half a second of quiet.
         */
        public static final Agc READER = new Agc(-18, 30, -20, 50, 500);

        public Agc {
            require(targetDbfs < 0 && targetDbfs >= -60, "targetDbfs", "must be -60..0 dBFS (below 0)", targetDbfs);
            require(maxGainDb >= 0 && maxGainDb <= 60, "maxGainDb", "must be 0..60 dB", maxGainDb);
            require(minGainDb <= maxGainDb && minGainDb >= -60, "minGainDb", "must be -60 dB..maxGainDb (" + fmt(maxGainDb) + " dB)", minGainDb);
            require(attackMs > 0 && attackMs <= 10_000, "attackMs", "must be > 0 and at most 10000 ms", attackMs);
            require(releaseMs > 0 && releaseMs <= 60_000, "releaseMs", "must be > 0 and at most 60000 ms", releaseMs);
        }

        String describe() {
            return String.format(Locale.ROOT, "AGC to %.0f dBFS (gain %+.0f..%+.0f dB, attack %.0f ms, release %.0f ms)",
                    targetDbfs, minGainDb, maxGainDb, attackMs, releaseMs);
        }
    }

    /**
     * The reader's noise suppressor: at most {@code depthDb} of suppression, and a noise estimate
     * that takes {@code settleMs} to cover 90 % of a change (in dB): anything steady for longer is noise.
     */
    public record NoiseSuppression(double depthDb, double settleMs) {

        /** WebRTC's default level (12 dB) and a noise estimate that settles in 1.5 s. */
        public static final NoiseSuppression WEBRTC_DEFAULT = new NoiseSuppression(12, 1500);

        public NoiseSuppression {
            require(depthDb > 0 && depthDb <= 60, "depthDb", "must be > 0 and at most 60 dB", depthDb);
            require(settleMs >= 20 && settleMs <= 60_000, "settleMs", "must be 20..60000 ms", settleMs);
        }

        String describe() {
            return String.format(Locale.ROOT, "noise suppression %.0f dB (noise settles in %.0f ms)", depthDb, settleMs);
        }
    }
}
