package io.wavebench.drivers.audio;

import java.time.Duration;
import javax.sound.sampled.TargetDataLine;

/**
 * The javax.sound backing of {@link AudioIn}: a {@link TargetDataLine} of a mixer found by name —
 * a bench's real microphone or the simulated rig's loopback cable, through the same calls
 * (DESIGN §3). Opens and starts capturing on {@link #open()}.
 *
 * <p>A capture never ends by itself (DESIGN §7): the consumer stops it with {@link #close()},
 * which makes a blocked or later {@link #read} return -1.
 */
public final class JavaSoundAudioIn extends JavaSoundLink<TargetDataLine> implements AudioIn {

    /** At {@value #DEFAULT_SAMPLE_RATE} Hz with a {@link #DEFAULT_LINE_BUFFER}. */
    public JavaSoundAudioIn(String mixerName) {
        this(mixerName, DEFAULT_SAMPLE_RATE, DEFAULT_LINE_BUFFER);
    }

    /** @param lineBuffer the javax.sound line's buffer, as audio time (see {@link #DEFAULT_LINE_BUFFER}) */
    public JavaSoundAudioIn(String mixerName, float sampleRate, Duration lineBuffer) {
        super(TargetDataLine.class, "microphone", mixerName, sampleRate, lineBuffer);
    }

    @Override
    public int read(float[] buffer) {
        TargetDataLine current = line();
        if (closed()) return -1;
        if (current == null) throw new IllegalStateException(name() + ": read() before open()");
        if (buffer.length == 0) return 0;
        int maxBytes = buffer.length * Pcm16.BYTES_PER_SAMPLE;
        // TargetDataLine.read blocks until all requested bytes are there; asking for what is
        // available (at least one frame) gives AudioIn's "block until at least one sample".
        int available = current.available() / Pcm16.BYTES_PER_SAMPLE * Pcm16.BYTES_PER_SAMPLE;
        int want = Math.max(Pcm16.BYTES_PER_SAMPLE, Math.min(available, maxBytes));
        byte[] bytes = new byte[maxBytes];
        while (true) {
            int got = current.read(bytes, 0, want);
            if (closed()) return -1;
            if (got > 0) {
                // Woken by the first frame: take what arrived with it too, without blocking again.
                int more = Math.min(maxBytes - got, current.available() / Pcm16.BYTES_PER_SAMPLE * Pcm16.BYTES_PER_SAMPLE);
                if (more > 0) got += Math.max(0, current.read(bytes, got, more));
                Pcm16.decode(bytes, 0, got / Pcm16.BYTES_PER_SAMPLE, buffer, 0);
                return got / Pcm16.BYTES_PER_SAMPLE;
            }
            if (!current.isOpen() || !current.isRunning()) {
                throw new AudioLinkException(mixerName(), "microphone line " + (current.isOpen() ? "stopped" : "closed")
                    + " underneath the reader", null);
            }
            // Flushed while we waited: read again, it blocks until data comes.
        }
    }
}
