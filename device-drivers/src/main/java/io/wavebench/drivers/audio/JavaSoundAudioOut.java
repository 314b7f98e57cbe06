package io.wavebench.drivers.audio;

import java.time.Duration;
import javax.sound.sampled.SourceDataLine;

/**
 * The javax.sound backing of {@link AudioOut}: a {@link SourceDataLine} of a mixer found by name.
 * The same class drives a bench's real speaker and the simulated rig's loopback cable; it knows
 * nothing about either (DESIGN §3). Opens on {@link #open()}, never in the constructor.
 */
public final class JavaSoundAudioOut extends JavaSoundLink<SourceDataLine> implements AudioOut {

    /** At {@value #DEFAULT_SAMPLE_RATE} Hz with a {@link #DEFAULT_LINE_BUFFER}. */
    public JavaSoundAudioOut(String mixerName) {
        this(mixerName, DEFAULT_SAMPLE_RATE, DEFAULT_LINE_BUFFER);
    }

    /** @param lineBuffer the javax.sound line's buffer, as audio time (see {@link #DEFAULT_LINE_BUFFER}) */
    public JavaSoundAudioOut(String mixerName, float sampleRate, Duration lineBuffer) {
        super(SourceDataLine.class, "speaker", mixerName, sampleRate, lineBuffer);
    }

    /** Samples converted per write, so a long recording does not need one huge byte array. */
    private static final int CHUNK = 4096;

    @Override
    public void play(float[] samples) {
        SourceDataLine current = requireOpen("play");
        byte[] bytes = new byte[Math.min(CHUNK, samples.length) * Pcm16.BYTES_PER_SAMPLE];
        for (int done = 0; done < samples.length; ) {
            int n = Math.min(CHUNK, samples.length - done);
            Pcm16.encode(samples, done, n, bytes, 0);
            int written = current.write(bytes, 0, n * Pcm16.BYTES_PER_SAMPLE);
            if (written < n * Pcm16.BYTES_PER_SAMPLE) {
                throw new AudioLinkException(mixerName(), "speaker line stopped taking data after "
                    + (done + written / 2) + " of " + samples.length + " samples (closed=" + closed()
                    + ", lineOpen=" + current.isOpen() + ")", null);
            }
            done += n;
        }
        current.drain();
    }
}
