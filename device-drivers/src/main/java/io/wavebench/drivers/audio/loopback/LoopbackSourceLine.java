package io.wavebench.drivers.audio.loopback;

import io.wavebench.drivers.audio.Pcm16;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;

/**
 * The speaker side of a loopback cable. CLOCKED: writes fill a buffer the cable's clock plays in
 * real time, blocking when it is full like a sound card; FAST: a write goes through the channel
 * into the captures before it returns (see {@link LoopbackCable.Mode}).
 */
final class LoopbackSourceLine extends LoopbackLine implements SourceDataLine {

    /** Half a second, like the JDK's own lines. */
    private static final double DEFAULT_BUFFER_SECONDS = 0.5;

    private ByteRing queue = new ByteRing(Pcm16.BYTES_PER_SAMPLE);

    LoopbackSourceLine(LoopbackCable cable, AudioFormat defaultFormat) {
        super(cable, LoopbackMixer.SOURCE_INFO, defaultFormat);
    }

    @Override
    String kind() {
        return "SourceDataLine";
    }

    @Override
    int defaultBufferBytes(AudioFormat format) {
        return (int) (format.getSampleRate() * DEFAULT_BUFFER_SECONDS) * Pcm16.BYTES_PER_SAMPLE;
    }

    @Override
    void allocate(int bufferBytes) {
        queue = new ByteRing(bufferBytes);
    }

    /**
     * Per {@link SourceDataLine#write}: blocks until all is written, or returns what was written
     * once the line is stopped, flushed or closed.
     */
    @Override
    public int write(byte[] b, int off, int len) {
        requireFrames(len);
        cable.lock.lock();
        try {
            if (!openLocked()) return 0;
            long seen = interruptions;
            int written = 0;
            while (true) {
                if (cable.mode() == LoopbackCable.Mode.FAST) {
                    cable.passThrough(b, off + written, len - written);
                    framePosition += (len - written) / Pcm16.BYTES_PER_SAMPLE;
                    return len;
                }
                written += queue.put(b, off + written, len - written);
                if (written == len || !openLocked() || interruptions != seen) return written;
                try {
                    cable.changed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return written;
                }
            }
        } finally {
            cable.lock.unlock();
        }
    }

    /** Blocks until the clock has played everything written, or the line is flushed or closed. */
    @Override
    public void drain() {
        cable.lock.lock();
        try {
            long seen = flushes;
            // Per DataLine#drain a stopped line keeps waiting until restarted: stop() does not end it.
            while (openLocked() && flushes == seen && queue.size() > 0 && cable.mode() == LoopbackCable.Mode.CLOCKED) {
                try {
                    cable.changed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            cable.lock.unlock();
        }
    }

    @Override
    public void flush() {
        cable.lock.lock();
        try {
            queue.clear();
            interruptions++;
            flushes++;
            cable.changed.signalAll();
        } finally {
            cable.lock.unlock();
        }
    }

    /** Bytes that can be written now without blocking. */
    @Override
    public int available() {
        cable.lock.lock();
        try {
            if (!openLocked()) return 0;
            return cable.mode() == LoopbackCable.Mode.FAST ? queue.capacity() : queue.free();
        } finally {
            cable.lock.unlock();
        }
    }

    // ---- for the cable, lock held ----

    int takeQueued(byte[] dst, int len) {
        return queue.take(dst, 0, len);
    }

    byte[] drainQueue() {
        byte[] all = new byte[queue.size()];
        queue.take(all, 0, all.length);
        return all;
    }

    void framesPlayed(int frames) {
        framePosition += frames;
    }

    /** reset(): audio in flight is dropped, and a blocked writer or drain returns. */
    void discard() {
        queue.clear();
        interruptions++;
        flushes++;
    }
}
