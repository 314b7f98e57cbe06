package io.wavebench.drivers.audio;

import io.wavebench.drivers.dsp.FractionalResampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The faults of one audio stream, set by a test or a step and applied block by block: what
 * {@link FaultyAudioIn} does to what it captures and {@link FaultyAudioOut} to what it plays (each
 * hands out its own through {@code faults()}). A fault is a device misbehaving; what the air does
 * between speaker and microphone (noise bed, echo, SNR) is the channel model's (DESIGN §4), not
 * this.
 *
 * <ul>
 *   <li><b>dropout</b>: samples become silence (a muted or momentarily disconnected device);
 *   <li><b>gap</b>: samples are lost and the stream closes up behind them (a buffer overrun or
 *       underrun: what follows comes early);
 *   <li><b>click</b>: a full-scale sample, once or at a seeded rate (a converter glitch, a loose
 *       contact);
 *   <li><b>clipping</b> at a level (an overdriven preamp, an amplifier at its rail);
 *   <li><b>gain step</b> (an automatic gain control jumping, a volume change);
 *   <li><b>added noise</b> at a stated level (a noisy preamp);
 *   <li><b>clock offset</b> in ppm (a sample clock that disagrees with the other end's).
 * </ul>
 *
 * <p>Time is the stream's own: a dropout "for 200 ms" covers the next 200 ms of samples through
 * the decorator, counted at its line's sample rate, so the same traffic gets the same faults
 * whatever the machine's load. Random faults (noise, clicks by rate) draw from one seeded
 * {@link Random}. In the order a signal meets them: gain, added noise, clipping, clicks, dropouts
 * (silence), gaps (samples lost), clock offset.
 */
public final class AudioFaults {

    /** What the faults did so far, in samples of the stream (before a gap removed any). */
    public record Counts(long samples, long silenced, long removed, long clicks, long clipped) {
        @Override
        public String toString() {
            return samples + " samples, " + silenced + " silenced, " + removed + " removed, " + clicks + " clicks, " + clipped + " clipped";
        }
    }

    private enum Kind { SILENCE, GAP, CLICK }

    /** A one-shot fault over samples {@code [from, to)} of the stream. */
    private record Window(Kind kind, long from, long to) {}

    private final String where;
    private final float sampleRate;
    private final Random random;

    // All guarded by this.
    private final List<Window> windows = new ArrayList<>();
    private double gain = 1;
    private double noiseRms;
    private double clipLevel; // 0: off
    private double clicksPerSecond;
    private double clockOffsetPpm;
    private FractionalResampler resampler;
    private long position; // samples seen so far
    private long silenced;
    private long removed;
    private long clicks;
    private long clipped;

    AudioFaults(String where, float sampleRate, long seed) {
        if (!(sampleRate > 0)) throw new IllegalArgumentException(where + ": sample rate must be positive: " + sampleRate);
        this.where = where;
        this.sampleRate = sampleRate;
        this.random = new Random(seed);
    }

    /** The next {@code lasting} of the stream is silence. */
    public AudioFaults dropout(Duration lasting) {
        return dropout(Duration.ZERO, lasting);
    }

    /** Silence for {@code lasting}, starting {@code startingIn} of the stream from now. */
    public synchronized AudioFaults dropout(Duration startingIn, Duration lasting) {
        schedule(Kind.SILENCE, startingIn, lasting);
        return this;
    }

    /** The next {@code lasting} of the stream is lost. */
    public AudioFaults gap(Duration lasting) {
        return gap(Duration.ZERO, lasting);
    }

    /** Loses {@code lasting} of the stream, starting {@code startingIn} from now. */
    public synchronized AudioFaults gap(Duration startingIn, Duration lasting) {
        schedule(Kind.GAP, startingIn, lasting);
        return this;
    }

    /** One click, {@code startingIn} of the stream from now. */
    public synchronized AudioFaults click(Duration startingIn) {
        long from = position + samples("click start", startingIn);
        windows.add(new Window(Kind.CLICK, from, from + 1));
        return this;
    }

    /** Clicks at random, {@code perSecond} on average (seeded). */
    public synchronized AudioFaults clicks(double perSecond) {
        if (!(perSecond >= 0 && perSecond < sampleRate)) throw new IllegalArgumentException(where + ": clicks per second must be 0.." + sampleRate + ": " + perSecond);
        clicksPerSecond = perSecond;
        return this;
    }

    /** Steps the gain to {@code db} from now on. */
    public synchronized AudioFaults gainDb(double db) {
        if (!Double.isFinite(db)) throw new IllegalArgumentException(where + ": gain must be finite: " + db + " dB");
        gain = Math.pow(10, db / 20);
        return this;
    }

    /** White noise of RMS {@code dbfs} relative to full scale (1.0); {@code -Infinity} for none. */
    public synchronized AudioFaults noiseDbfs(double dbfs) {
        if (Double.isNaN(dbfs) || dbfs > 0) throw new IllegalArgumentException(where + ": noise level must be at most 0 dBFS: " + dbfs);
        noiseRms = dbfs == Double.NEGATIVE_INFINITY ? 0 : Math.pow(10, dbfs / 20);
        return this;
    }

    /** Clips at ±{@code level} of full scale, 0 < level ≤ 1. */
    public synchronized AudioFaults clipAt(double level) {
        if (!(level > 0 && level <= 1)) throw new IllegalArgumentException(where + ": clipping level must be in (0, 1]: " + level);
        clipLevel = level;
        return this;
    }

    /**
     * A sample clock {@code ppm} fast (positive: fewer samples for the same sound, as a faster
     * clock at the other end would see it). Changing it starts a fresh resampler, whose
     * {@value FractionalResampler#HALF_TAPS}-sample latency comes in as silence.
     */
    public synchronized AudioFaults clockOffsetPpm(double ppm) {
        if (!(Math.abs(ppm) <= 10_000)) throw new IllegalArgumentException(where + ": clock offset must be within ±10000 ppm: " + ppm);
        clockOffsetPpm = ppm;
        resampler = ppm == 0 ? null : new FractionalResampler(1 + ppm * 1e-6);
        return this;
    }

    /** No faults from now on; one-shots not yet reached are cancelled. */
    public synchronized AudioFaults clean() {
        windows.clear();
        gain = 1;
        noiseRms = 0;
        clipLevel = 0;
        clicksPerSecond = 0;
        clockOffsetPpm = 0;
        resampler = null;
        return this;
    }

    /**
     * As {@link #apply}, but null where no fault is set or scheduled: the samples pass as they are
     * (counted, so the stream's time stays right) and the caller hands its own array on.
     */
    synchronized float[] applyUnlessClean(float[] in, int offset, int length) {
        if (windows.isEmpty() && gain == 1 && noiseRms == 0 && clipLevel == 0 && clicksPerSecond == 0 && resampler == null) {
            position += length;
            return null;
        }
        return apply(in, offset, length);
    }

    public synchronized Counts counts() {
        return new Counts(position, silenced, removed, clicks, clipped);
    }

    /** The faulted version of {@code length} samples from {@code in[offset]}; may be shorter (gaps) or differ in length (clock offset). */
    synchronized float[] apply(float[] in, int offset, int length) {
        float[] out = new float[length];
        boolean[] gone = null;
        int kept = length;
        double clickChance = clicksPerSecond / sampleRate;
        for (int i = 0; i < length; i++) {
            long at = position + i;
            double v = in[offset + i] * gain;
            if (noiseRms > 0) v += noiseRms * random.nextGaussian();
            if (clipLevel > 0 && Math.abs(v) > clipLevel) {
                v = Math.copySign(clipLevel, v);
                clipped++;
            }
            if (clickChance > 0 && random.nextDouble() < clickChance) v = click();
            for (Window w : windows) {
                if (at < w.from || at >= w.to) continue;
                switch (w.kind) {
                    case CLICK -> v = click();
                    case SILENCE -> {
                        v = 0;
                        silenced++;
                    }
                    case GAP -> {
                        if (gone == null) gone = new boolean[length];
                        if (!gone[i]) {
                            gone[i] = true;
                            kept--;
                            removed++;
                        }
                    }
                }
            }
            out[i] = (float) v;
        }
        position += length;
        windows.removeIf(w -> w.to <= position);
        if (gone != null) {
            float[] left = new float[kept];
            for (int i = 0, j = 0; i < length; i++) if (!gone[i]) left[j++] = out[i];
            out = left;
        }
        return resampler == null ? out : resampler.process(out, 0, out.length);
    }

    /** A click: one full-scale sample of either sign, as a glitch in a converter or a loose contact gives. */
    private double click() {
        clicks++;
        return random.nextBoolean() ? 1.0 : -1.0;
    }

    private void schedule(Kind kind, Duration startingIn, Duration lasting) {
        long from = position + samples(kind.name().toLowerCase(Locale.ROOT) + " start", startingIn);
        long n = samples(kind.name().toLowerCase(Locale.ROOT) + " length", lasting);
        if (n > 0) windows.add(new Window(kind, from, from + n));
    }

    private long samples(String what, Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException(where + ": " + what + " must not be negative: " + d);
        return Math.round(d.toNanos() * (double) sampleRate / 1e9);
    }

    @Override
    public synchronized String toString() {
        List<String> set = new ArrayList<>();
        if (gain != 1) set.add(String.format(Locale.ROOT, "gain %+.1f dB", 20 * Math.log10(gain)));
        if (noiseRms > 0) set.add(String.format(Locale.ROOT, "noise %.1f dBFS", 20 * Math.log10(noiseRms)));
        if (clipLevel > 0) set.add("clip at " + clipLevel);
        if (clicksPerSecond > 0) set.add(clicksPerSecond + " clicks/s");
        if (clockOffsetPpm != 0) set.add(clockOffsetPpm + " ppm");
        for (Window w : windows) set.add(w.kind.name().toLowerCase(Locale.ROOT) + " at samples " + w.from + ".." + w.to);
        return set.isEmpty() ? "clean" : String.join(", ", set);
    }
}
