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

    LoopbackSourceLine(LoopbackCable cable, AudioFormat defaultFormat) {
        super(cable, LoopbackMixer.SOURCE_INFO, defaultFormat, LoopbackMixer.SOURCE_BUFFER_SECONDS);
    }

    /**
     * Per {@link SourceDataLine#write}: blocks until all is written, or returns what was written
     * once the line is stopped, flushed or closed.
     */
    @Override
    public int write(byte[] b, int off, int len) {
        return move(len, false, done -> {
            if (!openLocked()) return 0;
            if (cable.mode() == LoopbackCable.Mode.CLOCKED) return buffer.put(b, off + done, len - done);
            cable.passThrough(b, off + done, len - done);
            framePosition += (len - done) / Pcm16.BYTES_PER_SAMPLE;
            return len - done;
        });
    }

    /** Blocks until the clock has played everything written, or the line is flushed or closed. */
    @Override
    public void drain() {
        cable.lock.lock();
        try {
            long seen = flushes;
            // Per DataLine#drain a stopped line keeps waiting until restarted: stop() does not end it.
            while (openLocked() && flushes == seen && buffer.size() > 0 && cable.mode() == LoopbackCable.Mode.CLOCKED) {
                if (!awaitChange()) return;
            }
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
            return cable.mode() == LoopbackCable.Mode.FAST ? buffer.capacity() : buffer.free();
        } finally {
            cable.lock.unlock();
        }
    }

    // ---- for the cable, lock held ----

    int takeQueued(byte[] dst, int len) {
        return buffer.take(dst, 0, len);
    }

    byte[] drainQueue() {
        byte[] all = new byte[buffer.size()];
        buffer.take(all, 0, all.length);
        return all;
    }

    void framesPlayed(int frames) {
        framePosition += frames;
    }
}
