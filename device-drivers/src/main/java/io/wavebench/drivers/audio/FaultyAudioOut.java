package io.wavebench.drivers.audio;

import java.time.Duration;
import javax.sound.sampled.AudioFormat;

/**
 * A fault-injecting decorator any {@link AudioOut} can wear (DESIGN §3): a bench's real speaker or
 * the loopback cable's. It spoils what is played before the inner speaker plays it, the way a
 * faulty playback path does — dropouts (silence), gaps (samples never played), clicks, clipping, a
 * gain step, added noise, a clock offset — with the same meanings as {@link FaultyAudioIn}'s.
 * Durations count the samples played through it ({@link AudioFaults}): "for the next 200 ms" is the
 * next 200 ms of sound this speaker plays, whenever it plays them. With no fault set, samples go
 * to the inner speaker unchanged and uncopied.
 */
public final class FaultyAudioOut implements AudioOut {

    private final AudioOut inner;
    private final AudioFaults faults;

    public FaultyAudioOut(AudioOut inner, long seed) {
        this.inner = inner;
        this.faults = new AudioFaults("speaker '" + inner.mixerName() + "'", inner.format().getSampleRate(), seed);
    }

    /** The next {@code lasting} of sound played is silence. */
    public FaultyAudioOut dropout(Duration lasting) {
        return dropout(Duration.ZERO, lasting);
    }

    /** Silence for {@code lasting}, starting {@code startingIn} of sound from now. */
    public FaultyAudioOut dropout(Duration startingIn, Duration lasting) {
        faults.dropout(startingIn, lasting);
        return this;
    }

    /** The next {@code lasting} of sound is never played. */
    public FaultyAudioOut gap(Duration lasting) {
        return gap(Duration.ZERO, lasting);
    }

    /** Leaves {@code lasting} of sound out, starting {@code startingIn} from now. */
    public FaultyAudioOut gap(Duration startingIn, Duration lasting) {
        faults.gap(startingIn, lasting);
        return this;
    }

    /** One click, {@code startingIn} of sound from now. */
    public FaultyAudioOut click(Duration startingIn) {
        faults.click(startingIn);
        return this;
    }

    /** Clicks at random, {@code perSecond} on average (seeded). */
    public FaultyAudioOut clicks(double perSecond) {
        faults.clicks(perSecond);
        return this;
    }

    /** Clips what is played at ±{@code level} of full scale, 0 < level ≤ 1 (an amplifier at its rail). */
    public FaultyAudioOut clipAt(double level) {
        faults.clipAt(level);
        return this;
    }

    /** Steps the gain to {@code db} from now on. */
    public FaultyAudioOut gainDb(double db) {
        faults.gainDb(db);
        return this;
    }

    /** Adds white noise of RMS {@code dbfs} relative to full scale to what is played (seeded). */
    public FaultyAudioOut noiseDbfs(double dbfs) {
        faults.noiseDbfs(dbfs);
        return this;
    }

    /** A playback clock {@code ppm} off nominal (positive: fewer samples for the same sound). */
    public FaultyAudioOut clockOffsetPpm(double ppm) {
        faults.clockOffsetPpm(ppm);
        return this;
    }

    /** No faults from now on; one-shots not yet reached are cancelled. */
    public FaultyAudioOut clean() {
        faults.clean();
        return this;
    }

    public AudioFaults.Counts counts() {
        return faults.counts();
    }

    /** The speaker under the faults. */
    public AudioOut inner() {
        return inner;
    }

    @Override
    public String mixerName() {
        return inner.mixerName();
    }

    @Override
    public AudioFormat format() {
        return inner.format();
    }

    @Override
    public void open() {
        inner.open();
    }

    @Override
    public void play(float[] samples) {
        float[] faulted = faults.applyUnlessClean(samples, 0, samples.length);
        if (faulted == null) inner.play(samples);
        else if (faulted.length > 0) inner.play(faulted);
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public String toString() {
        return "FaultyAudioOut[" + inner + ", " + faults + "]";
    }
}
