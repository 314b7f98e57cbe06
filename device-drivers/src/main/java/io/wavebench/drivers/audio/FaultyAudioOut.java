package io.wavebench.drivers.audio;

import javax.sound.sampled.AudioFormat;

/**
 * A fault-injecting decorator any {@link AudioOut} can wear (DESIGN §3): a bench's real speaker or
 * the loopback cable's. It spoils what is played before the inner speaker plays it, the way a
 * faulty playback path does ({@link AudioFaults}: dropouts, gaps of samples never played, clicks,
 * clipping, a gain step, added noise, a clock offset).
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

    /** Its faults: set one from a test or a step, e.g. {@code faults().dropout(Duration.ofMillis(300))}. */
    public AudioFaults faults() {
        return faults;
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
