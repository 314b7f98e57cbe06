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

    /**
     * Generous, so a FAST-mode writer can run ahead of a slower reader without loss. A line opened
     * with a buffer of its own (JavaSoundAudioIn's 80 ms) keeps that bound in FAST mode too: there a
     * writer hands a whole sound over at once, so a FAST-mode reader asks for one that holds it.
     */
    private static final double DEFAULT_BUFFER_SECONDS = 5.0;

    private ByteRing captured = new ByteRing(Pcm16.BYTES_PER_SAMPLE);

    LoopbackTargetLine(LoopbackCable cable, AudioFormat defaultFormat) {
        super(cable, LoopbackMixer.TARGET_INFO, defaultFormat);
    }

    @Override
    String kind() {
        return "TargetDataLine";
    }

    @Override
    int defaultBufferBytes(AudioFormat format) {
        return (int) (format.getSampleRate() * DEFAULT_BUFFER_SECONDS) * Pcm16.BYTES_PER_SAMPLE;
    }

    @Override
    void allocate(int bufferBytes) {
        captured = new ByteRing(bufferBytes);
    }

    /**
     * Per {@link TargetDataLine#read}: blocks until {@code len} bytes are read, or returns what
     * was read once the line is stopped, flushed or closed. A line that is not running returns
     * what is buffered at once.
     */
    @Override
    public int read(byte[] b, int off, int len) {
        requireFrames(len);
        cable.lock.lock();
        try {
            long seen = interruptions;
            int got = 0;
            while (true) {
                got += captured.take(b, off + got, len - got);
                if (got == len || !openLocked() || !runningLocked() || interruptions != seen) return got;
                try {
                    cable.changed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return got;
                }
            }
        } finally {
            cable.lock.unlock();
        }
    }

    /** A microphone has nothing to play out: returns at once. */
    @Override
    public void drain() {
    }

    @Override
    public void flush() {
        cable.lock.lock();
        try {
            captured.clear();
            interruptions++;
            cable.changed.signalAll();
        } finally {
            cable.lock.unlock();
        }
    }

    /** Captured bytes that can be read without blocking. */
    @Override
    public int available() {
        cable.lock.lock();
        try {
            return captured.size();
        } finally {
            cable.lock.unlock();
        }
    }

    // ---- for the cable, lock held ----

    /** Appends what the microphone heard; returns frames dropped to make room. */
    int capture(byte[] pcm) {
        framePosition += pcm.length / Pcm16.BYTES_PER_SAMPLE;
        return captured.putDroppingOldest(pcm, 0, pcm.length, Pcm16.BYTES_PER_SAMPLE) / Pcm16.BYTES_PER_SAMPLE;
    }

    /** reset(): audio in flight is dropped, and a blocked reader returns what it has. */
    void discard() {
        captured.clear();
        interruptions++;
    }
}
