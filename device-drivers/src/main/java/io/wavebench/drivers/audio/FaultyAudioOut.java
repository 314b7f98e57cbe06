package io.wavebench.drivers.audio;

/**
 * A fault-injecting decorator any {@link AudioOut} can wear (DESIGN §3): a bench's real speaker or
 * the loopback cable's. It spoils what is played before the inner speaker plays it, the way a
 * faulty playback path does ({@link AudioFaults}: dropouts, gaps of samples never played, clicks,
 * clipping, a gain step, added noise, a clock offset).
 * Durations count the samples played through it ({@link AudioFaults}): "for the next 200 ms" is the
 * next 200 ms of sound this speaker plays, whenever it plays them. With no fault set, samples go
 * to the inner speaker unchanged and uncopied.
 */
public final class FaultyAudioOut extends FaultyAudioLink<AudioOut> implements AudioOut {

    public FaultyAudioOut(AudioOut inner, long seed) {
        super(inner, "speaker", inner.mixerName(), inner.format(), seed, inner::open, inner::close);
    }

    @Override
    public void play(float[] samples) {
        float[] faulted = faults.applyUnlessClean(samples, 0, samples.length);
        if (faulted == null) inner.play(samples);
        else if (faulted.length > 0) inner.play(faulted);
    }
}
