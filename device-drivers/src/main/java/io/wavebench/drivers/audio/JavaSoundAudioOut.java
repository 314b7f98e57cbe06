package io.wavebench.drivers.audio;

import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;

/**
 * The javax.sound backing of {@link AudioOut}: a {@link SourceDataLine} of a mixer found by name.
 * The same class drives a bench's real speaker and the simulated rig's loopback cable; it knows
 * nothing about either (DESIGN §3). Opens on {@link #open()}, never in the constructor.
 */
public final class JavaSoundAudioOut implements AudioOut {

    public static final float DEFAULT_SAMPLE_RATE = 48_000f;
    /** Samples converted per write, so a long recording does not need one huge byte array. */
    private static final int CHUNK = 4096;

    /**
     * The line buffer unless told otherwise: short, so that a sound of a few hundred milliseconds
     * written to an idle line plays whole and at once (DESIGN §5.7: PulseAudio's ALSA plugin holds
     * a sound shorter than ≈ 0.45 s back in javax.sound's default 0.5 s buffer).
     */
    public static final Duration DEFAULT_LINE_BUFFER = Duration.ofMillis(80);

    private final String mixerName;
    private final AudioFormat format;
    private final Duration lineBuffer;
    private volatile SourceDataLine line;
    private volatile boolean closed;

    public JavaSoundAudioOut(String mixerName) {
        this(mixerName, DEFAULT_SAMPLE_RATE);
    }

    public JavaSoundAudioOut(String mixerName, float sampleRate) {
        this(mixerName, sampleRate, DEFAULT_LINE_BUFFER);
    }

    /** @param lineBuffer the javax.sound line's buffer, as audio time (see {@link #DEFAULT_LINE_BUFFER}) */
    public JavaSoundAudioOut(String mixerName, float sampleRate, Duration lineBuffer) {
        if (lineBuffer.isNegative() || lineBuffer.isZero()) throw new IllegalArgumentException("JavaSoundAudioOut '" + mixerName + "': line buffer must be positive, got " + lineBuffer);
        this.mixerName = mixerName;
        this.format = Pcm16.monoFormat(sampleRate);
        this.lineBuffer = lineBuffer;
    }

    /** The line buffer asked for when the line opens. */
    public Duration lineBuffer() {
        return lineBuffer;
    }

    /** The buffer the open line actually has, in bytes (a mixer may round what was asked); -1 before open. */
    public int lineBufferBytes() {
        var current = line;
        return current == null ? -1 : current.getBufferSize();
    }

    @Override
    public String mixerName() {
        return mixerName;
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public synchronized void open() {
        if (closed) throw new IllegalStateException("JavaSoundAudioOut '" + mixerName + "': open() after close()");
        if (line != null) throw new IllegalStateException("JavaSoundAudioOut '" + mixerName + "': open() called twice");
        line = MixerLookup.openStarted(mixerName, SourceDataLine.class, format, lineBuffer, "speaker");
    }

    @Override
    public void play(float[] samples) {
        SourceDataLine current = requireOpen("play");
        byte[] bytes = new byte[Math.min(CHUNK, samples.length) * Pcm16.BYTES_PER_SAMPLE];
        for (int done = 0; done < samples.length; ) {
            int n = Math.min(CHUNK, samples.length - done);
            Pcm16.encode(samples, done, n, bytes, 0);
            int written = current.write(bytes, 0, n * Pcm16.BYTES_PER_SAMPLE);
            if (written < n * Pcm16.BYTES_PER_SAMPLE) {
                throw new AudioLinkException(mixerName, "speaker line stopped taking data after "
                    + (done + written / 2) + " of " + samples.length + " samples (closed=" + closed
                    + ", lineOpen=" + current.isOpen() + ")", null);
            }
            done += n;
        }
        current.drain();
    }

    @Override
    public void close() {
        closed = true;
        SourceDataLine current = line;
        if (current != null) current.close();
    }

    private SourceDataLine requireOpen(String method) {
        SourceDataLine current = line;
        if (closed) throw new IllegalStateException("JavaSoundAudioOut '" + mixerName + "': " + method + "() after close()");
        if (current == null) throw new IllegalStateException("JavaSoundAudioOut '" + mixerName + "': " + method + "() before open()");
        return current;
    }

    @Override
    public String toString() {
        return "JavaSoundAudioOut[" + mixerName + ", " + format + ", buffer " + lineBuffer.toMillis() + " ms" + (closed ? ", closed" : line != null ? ", open" : "") + "]";
    }
}
