package io.wavebench.drivers.audio;

import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.DataLine;

/**
 * What the javax.sound speaker and microphone share: a line of a mixer found by name (a bench's
 * real sound card or the simulated rig's loopback cable, through the same calls, DESIGN §3), its
 * format and buffer, opened and started on {@link #open()}, never in the constructor, and closed
 * once for good.
 */
abstract class JavaSoundLink<L extends DataLine> {

    public static final float DEFAULT_SAMPLE_RATE = 48_000f;

    /**
     * The line buffer unless told otherwise: short, so that a sound of a few hundred milliseconds
     * written to an idle line plays whole and at once (DESIGN §5.7: PulseAudio's ALSA plugin holds
     * a sound shorter than ≈ 0.45 s back in javax.sound's default 0.5 s buffer).
     */
    public static final Duration DEFAULT_LINE_BUFFER = Duration.ofMillis(80);

    private final Class<L> lineClass;
    private final String role;
    private final String mixerName;
    private final AudioFormat format;
    private final Duration lineBuffer;
    private volatile L line;
    private volatile boolean closed;

    /** @param role "speaker" or "microphone", for error messages */
    JavaSoundLink(Class<L> lineClass, String role, String mixerName, float sampleRate, Duration lineBuffer) {
        this.lineClass = lineClass;
        this.role = role;
        this.mixerName = mixerName;
        if (lineBuffer.isNegative() || lineBuffer.isZero()) throw new IllegalArgumentException(name() + ": line buffer must be positive, got " + lineBuffer);
        this.format = Pcm16.monoFormat(sampleRate);
        this.lineBuffer = lineBuffer;
    }

    /** The line buffer asked for when the line opens. */
    public Duration lineBuffer() {
        return lineBuffer;
    }

    /** The buffer the open line actually has, in bytes (a mixer may round what was asked); -1 before open. */
    public int lineBufferBytes() {
        L current = line;
        return current == null ? -1 : current.getBufferSize();
    }

    public String mixerName() {
        return mixerName;
    }

    public AudioFormat format() {
        return format;
    }

    public synchronized void open() {
        if (closed) throw new IllegalStateException(name() + ": open() after close()");
        if (line != null) throw new IllegalStateException(name() + ": open() called twice");
        line = MixerLookup.openStarted(mixerName, lineClass, format, lineBuffer, role);
    }

    public void close() {
        closed = true;
        L current = line;
        if (current != null) current.close();
    }

    /** The open line, or null before {@link #open()}. */
    final L line() {
        return line;
    }

    final boolean closed() {
        return closed;
    }

    /** The open line for {@code method}, or why there is none. */
    final L requireOpen(String method) {
        L current = line;
        if (closed) throw new IllegalStateException(name() + ": " + method + "() after close()");
        if (current == null) throw new IllegalStateException(name() + ": " + method + "() before open()");
        return current;
    }

    /** The class and mixer, for messages: {@code JavaSoundAudioIn 'USB Audio'}. */
    final String name() {
        return getClass().getSimpleName() + " '" + mixerName + "'";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + mixerName + ", " + format + ", buffer " + lineBuffer.toMillis() + " ms" + (closed ? ", closed" : line != null ? ", open" : "") + "]";
    }
}
