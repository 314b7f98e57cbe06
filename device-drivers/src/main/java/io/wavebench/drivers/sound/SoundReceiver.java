package io.wavebench.drivers.sound;

/**
 * Samples to messages, streaming: fed blocks of any size, it finds messages anywhere in what it
 * was fed and calls its {@link HeardListener} for each, on the feeding thread ({@link SoundProtocol#receiver}).
 * It is given samples and the sample rate only: nothing tells it where a message starts.
 */
public interface SoundReceiver {

    /**
     * Feeds {@code length} samples; calls the listener for each message completed by them. If the
     * listener throws, the exception reaches the caller; what was fed stays fed.
     */
    void accept(float[] samples, int offset, int length);

    default void accept(float[] samples) {
        accept(samples, 0, samples.length);
    }

    /** Forgets any partly heard message: what is fed next starts afresh (sample positions keep counting). */
    void reset();

    /** Samples fed so far: the clock {@link Heard} positions count on. */
    long samplesFed();

    /**
     * The stream has ended (a file read to its end): a message still being heard is settled now,
     * decoded or dropped. A live capture never ends; feeding after this starts afresh.
     */
    default void end() {}
}
