package io.wavebench.drivers.audio;

import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.TargetDataLine;

/**
 * The javax.sound backing of {@link AudioIn}: a {@link TargetDataLine} of a mixer found by name —
 * a bench's real microphone or the simulated rig's loopback cable, through the same calls
 * (DESIGN §3). Opens and starts capturing on {@link #open()}.
 *
 * <p>A capture never ends by itself (DESIGN §7): the consumer stops it with {@link #close()},
 * which makes a blocked or later {@link #read} return -1.
 */
public final class JavaSoundAudioIn implements AudioIn {

    public static final float DEFAULT_SAMPLE_RATE = 48_000f;

    /**
     * The line buffer unless told otherwise: short, so that a sound of a few hundred milliseconds
     * written to an idle line plays whole and at once (DESIGN §5.7: PulseAudio's ALSA plugin holds
     * a sound shorter than ≈ 0.45 s back in javax.sound's default 0.5 s buffer).
     */
    public static final Duration DEFAULT_LINE_BUFFER = Duration.ofMillis(80);

    private final String mixerName;
    private final AudioFormat format;
    private final Duration lineBuffer;
    private volatile TargetDataLine line;
    private volatile boolean closed;

    public JavaSoundAudioIn(String mixerName) {
        this(mixerName, DEFAULT_SAMPLE_RATE);
    }

    public JavaSoundAudioIn(String mixerName, float sampleRate) {
        this(mixerName, sampleRate, DEFAULT_LINE_BUFFER);
    }

    /** @param lineBuffer the javax.sound line's buffer, as audio time (see {@link #DEFAULT_LINE_BUFFER}) */
    public JavaSoundAudioIn(String mixerName, float sampleRate, Duration lineBuffer) {
        if (lineBuffer.isNegative() || lineBuffer.isZero()) throw new IllegalArgumentException("JavaSoundAudioIn '" + mixerName + "': line buffer must be positive, got " + lineBuffer);
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
        if (closed) throw new IllegalStateException("JavaSoundAudioIn '" + mixerName + "': open() after close()");
        if (line != null) throw new IllegalStateException("JavaSoundAudioIn '" + mixerName + "': open() called twice");
        line = MixerLookup.openStarted(mixerName, TargetDataLine.class, format, lineBuffer, "microphone");
    }

    @Override
    public int read(float[] buffer) {
        TargetDataLine current = line;
        if (closed) return -1;
        if (current == null) throw new IllegalStateException("JavaSoundAudioIn '" + mixerName + "': read() before open()");
        if (buffer.length == 0) return 0;
        int maxBytes = buffer.length * Pcm16.BYTES_PER_SAMPLE;
        // TargetDataLine.read blocks until all requested bytes are there; asking for what is
        // available (at least one frame) gives AudioIn's "block until at least one sample".
        int available = current.available() / Pcm16.BYTES_PER_SAMPLE * Pcm16.BYTES_PER_SAMPLE;
        int want = Math.max(Pcm16.BYTES_PER_SAMPLE, Math.min(available, maxBytes));
        byte[] bytes = new byte[maxBytes];
        while (true) {
            int got = current.read(bytes, 0, want);
            if (closed) return -1;
            if (got > 0) {
                // Woken by the first frame: take what arrived with it too, without blocking again.
                int more = Math.min(maxBytes - got, current.available() / Pcm16.BYTES_PER_SAMPLE * Pcm16.BYTES_PER_SAMPLE);
                if (more > 0) got += Math.max(0, current.read(bytes, got, more));
                Pcm16.decode(bytes, 0, got / Pcm16.BYTES_PER_SAMPLE, buffer, 0);
                return got / Pcm16.BYTES_PER_SAMPLE;
            }
            if (!current.isOpen() || !current.isRunning()) {
                throw new AudioLinkException(mixerName, "microphone line " + (current.isOpen() ? "stopped" : "closed")
                    + " underneath the reader", null);
            }
            // Flushed while we waited: read again, it blocks until data comes.
        }
    }

    @Override
    public void close() {
        closed = true;
        TargetDataLine current = line;
        if (current != null) current.close();
    }

    @Override
    public String toString() {
        return "JavaSoundAudioIn[" + mixerName + ", " + format + ", buffer " + lineBuffer.toMillis() + " ms" + (closed ? ", closed" : line != null ? ", open" : "") + "]";
    }
}
