package io.wavebench.drivers.audio.loopback;

import io.wavebench.drivers.audio.Pcm16;
import java.util.function.IntUnaryOperator;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;

/**
 * What the loopback speaker and microphone lines share: the javax.sound {@code DataLine}
 * lifecycle (open, start, stop, close, listeners, position) and a bounded buffer of PCM bytes
 * between the line's user and the cable. All state is guarded by the cable's lock; events are
 * fired after it is released, so a listener may call back into the line.
 */
abstract class LoopbackLine extends BareLine implements DataLine {

    final LoopbackCable cable;
    private final DataLine.Info info;
    private final double defaultBufferSeconds;
    /** What is written and not yet played (a speaker), or heard and not yet read (a microphone). */
    ByteRing buffer = new ByteRing(Pcm16.BYTES_PER_SAMPLE);

    // Guarded by cable.lock.
    private AudioFormat format;
    private int bufferSize = AudioSystem.NOT_SPECIFIED;
    private boolean open;
    private boolean running;
    long framePosition;
    /** Bumped by flush, stop and close: a blocked call that sees it change returns early. */
    long interruptions;
    /** Bumped by flush and close (not stop): ends a drain early. */
    long flushes;

    LoopbackLine(LoopbackCable cable, DataLine.Info info, AudioFormat defaultFormat, double defaultBufferSeconds) {
        this.cable = cable;
        this.info = info;
        this.format = defaultFormat;
        this.defaultBufferSeconds = defaultBufferSeconds;
    }

    /** The buffer size, in bytes, when the opener does not choose one. */
    private int defaultBufferBytes(AudioFormat format) {
        return (int) (format.getSampleRate() * defaultBufferSeconds) * Pcm16.BYTES_PER_SAMPLE;
    }

    /** {@code SourceDataLine} or {@code TargetDataLine}. */
    final String kind() {
        return info.getLineClass().getSimpleName();
    }

    @Override
    String what() {
        return cable.name() + " " + kind();
    }

    @Override
    public void open() throws LineUnavailableException {
        open(getFormat(), AudioSystem.NOT_SPECIFIED);
    }

    public void open(AudioFormat newFormat) throws LineUnavailableException {
        open(newFormat, AudioSystem.NOT_SPECIFIED);
    }

    public void open(AudioFormat newFormat, int requestedBufferSize) throws LineUnavailableException {
        if (!LoopbackMixer.supports(newFormat)) {
            throw new IllegalArgumentException(cable.name() + " " + kind() + ": unsupported format " + newFormat
                + "; supported: " + LoopbackMixer.SUPPORTED_FORMATS_TEXT);
        }
        cable.lock.lock();
        try {
            if (open) {
                if (!format.matches(newFormat)) {
                    throw new IllegalStateException(cable.name() + " " + kind() + ": already open with " + format
                        + ", cannot reopen with " + newFormat);
                }
                return;
            }
            cable.attach(this, newFormat.getSampleRate());
            int bytes = requestedBufferSize == AudioSystem.NOT_SPECIFIED
                ? defaultBufferBytes(newFormat)
                : Math.max(LoopbackMixer.MIN_BUFFER_BYTES, Math.min(LoopbackMixer.MAX_BUFFER_BYTES, requestedBufferSize));
            bytes -= bytes % Pcm16.BYTES_PER_SAMPLE;
            format = newFormat;
            bufferSize = bytes;
            framePosition = 0;
            open = true;
            buffer = new ByteRing(bytes);
            cable.changed.signalAll();
        } finally {
            cable.lock.unlock();
        }
        fire(LineEvent.Type.OPEN);
    }

    @Override
    public void close() {
        boolean wasRunning;
        cable.lock.lock();
        try {
            if (!open) return;
            wasRunning = running;
            running = false;
            open = false;
            interruptions++;
            flushes++;
            cable.detach(this);
            cable.changed.signalAll();
        } finally {
            cable.lock.unlock();
        }
        if (wasRunning) fire(LineEvent.Type.STOP);
        fire(LineEvent.Type.CLOSE);
    }

    @Override
    public void start() {
        cable.lock.lock();
        try {
            if (!open || running) return;
            running = true;
            cable.updateClock();
            cable.changed.signalAll();
        } finally {
            cable.lock.unlock();
        }
        fire(LineEvent.Type.START);
    }

    @Override
    public void stop() {
        cable.lock.lock();
        try {
            if (!open || !running) return;
            running = false;
            interruptions++;
            cable.updateClock();
            cable.changed.signalAll();
        } finally {
            cable.lock.unlock();
        }
        fire(LineEvent.Type.STOP);
    }

    boolean openLocked() {
        return open;
    }

    boolean runningLocked() {
        return running;
    }

    @Override
    public boolean isOpen() {
        cable.lock.lock();
        try {
            return open;
        } finally {
            cable.lock.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        cable.lock.lock();
        try {
            return running;
        } finally {
            cable.lock.unlock();
        }
    }

    @Override
    public boolean isActive() {
        return isRunning();
    }

    @Override
    public AudioFormat getFormat() {
        cable.lock.lock();
        try {
            return format;
        } finally {
            cable.lock.unlock();
        }
    }

    @Override
    public int getBufferSize() {
        cable.lock.lock();
        try {
            return open ? bufferSize : defaultBufferBytes(format);
        } finally {
            cable.lock.unlock();
        }
    }

    @Override
    public int getFramePosition() {
        return (int) getLongFramePosition();
    }

    @Override
    public long getLongFramePosition() {
        cable.lock.lock();
        try {
            return framePosition;
        } finally {
            cable.lock.unlock();
        }
    }

    @Override
    public long getMicrosecondPosition() {
        cable.lock.lock();
        try {
            return (long) (framePosition * 1_000_000.0 / format.getFrameRate());
        } finally {
            cable.lock.unlock();
        }
    }

    @Override
    public float getLevel() {
        return AudioSystem.NOT_SPECIFIED;
    }

    @Override
    public DataLine.Info getLineInfo() {
        return info;
    }

    /** Drops what is buffered; a blocked call returns, and so does a drain. */
    @Override
    public void flush() {
        cable.lock.lock();
        try {
            discard();
            cable.changed.signalAll();
        } finally {
            cable.lock.unlock();
        }
    }

    /** flush() and the cable's reset(), lock held: audio in flight is dropped, and a blocked call or drain returns. */
    void discard() {
        buffer.clear();
        interruptions++;
        flushes++;
    }

    /**
     * What write and read share (per {@link javax.sound.sampled.SourceDataLine#write} and
     * {@link javax.sound.sampled.TargetDataLine#read}): {@code step} moves what it can of the
     * {@code len} bytes now, given how many are done, and says how many it moved; the rest is waited
     * for until the line is flushed or closed, or stopped if {@code endsWhenStopped} (a microphone
     * that is not running returns what is buffered at once). Returns the bytes moved.
     */
    final int move(int len, boolean endsWhenStopped, IntUnaryOperator step) {
        requireFrames(len);
        cable.lock.lock();
        try {
            long seen = interruptions;
            int done = 0;
            while (true) {
                done += step.applyAsInt(done);
                if (done == len || !open || (endsWhenStopped && !running) || interruptions != seen || !awaitChange()) return done;
            }
        } finally {
            cable.lock.unlock();
        }
    }

    /**
     * Waits, lock held, for the cable to change; false if the thread was interrupted (its flag set
     * again), when the blocked call returns what it has.
     */
    boolean awaitChange() {
        try {
            cable.changed.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void requireFrames(int len) {
        if (len < 0 || len % Pcm16.BYTES_PER_SAMPLE != 0) {
            throw new IllegalArgumentException(cable.name() + " " + kind() + ": " + len
                + " bytes is not a whole number of " + Pcm16.BYTES_PER_SAMPLE + "-byte frames");
        }
    }

    /** A short state description for error messages; lock held or not, it only reads. */
    String state() {
        return cable.name() + " " + kind() + "[" + (open ? "open" : "closed") + (running ? ", running" : "")
            + ", " + format.getSampleRate() + " Hz, position " + framePosition + "]";
    }

    private void fire(LineEvent.Type type) {
        fire(type, getLongFramePosition());
    }

    @Override
    public String toString() {
        return state();
    }
}
