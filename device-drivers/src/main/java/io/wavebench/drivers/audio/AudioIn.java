package io.wavebench.drivers.audio;

import javax.sound.sampled.AudioFormat;

/**
 * A microphone: captures samples from a javax.sound {@code TargetDataLine} of a named mixer.
 * A capture never reaches end of stream: a consumer stops by closing it, which makes a blocked
 * {@link #read} return -1 (DESIGN §7).
 */
public interface AudioIn extends AutoCloseable {

    String mixerName();

    AudioFormat format();

    void open();

    /**
     * Blocks until at least one sample is available, then fills up to {@code buffer.length}.
     *
     * @return samples read, or -1 once closed
     */
    int read(float[] buffer);

    @Override
    void close();
}
