package io.wavebench.drivers.audio.loopback;

import io.wavebench.drivers.audio.Pcm16;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.TargetDataLine;

/**
 * The microphone side of a loopback cable. Several may be open on one cable (the reader's mic and
 * an evidence recorder); each hears the cable from the moment it was started. Its capture buffer
 * is bounded: when nobody reads, the oldest audio is dropped and counted as overrun
 * ({@link LoopbackCable#overrunFrames()}), never grown (DESIGN §7).
 */
final class LoopbackTargetLine extends LoopbackLine implements TargetDataLine {

    LoopbackTargetLine(LoopbackCable cable, AudioFormat defaultFormat) {
        super(cable, LoopbackMixer.TARGET_INFO, defaultFormat, LoopbackMixer.TARGET_BUFFER_SECONDS);
    }

    /**
     * Per {@link TargetDataLine#read}: blocks until {@code len} bytes are read, or returns what
     * was read once the line is stopped, flushed or closed. A line that is not running returns
     * what is buffered at once.
     */
    @Override
    public int read(byte[] b, int off, int len) {
        return move(len, true, done -> buffer.take(b, off + done, len - done));
    }

    /** A microphone has nothing to play out: returns at once. */
    @Override
    public void drain() {
    }

    /** Captured bytes that can be read without blocking. */
    @Override
    public int available() {
        cable.lock.lock();
        try {
            return buffer.size();
        } finally {
            cable.lock.unlock();
        }
    }

    // ---- for the cable, lock held ----

    /** Appends what the microphone heard; returns frames dropped to make room. */
    int capture(byte[] pcm) {
        framePosition += pcm.length / Pcm16.BYTES_PER_SAMPLE;
        return buffer.putDroppingOldest(pcm, 0, pcm.length, Pcm16.BYTES_PER_SAMPLE) / Pcm16.BYTES_PER_SAMPLE;
    }
}
