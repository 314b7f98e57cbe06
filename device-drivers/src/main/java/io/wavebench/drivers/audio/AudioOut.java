package io.wavebench.drivers.audio;

import javax.sound.sampled.AudioFormat;

/**
 * A speaker: plays samples. Backed by a javax.sound {@code SourceDataLine} of a named mixer — a
 * real sound card on a bench, the wavebench loopback mixer on the simulated rig — so both go
 * through the same {@code AudioSystem} calls (DESIGN §3). Samples are floats in [-1, 1];
 * the line format is 16-bit signed little-endian PCM.
 */
public interface AudioOut extends AutoCloseable {

    /** The mixer this speaker plays through, as {@code AudioSystem} names it. */
    String mixerName();

    AudioFormat format();

    void open();

    /** Plays all samples and returns once the line has drained them (they are "on the air"). */
    void play(float[] samples);

    @Override
    void close();
}
