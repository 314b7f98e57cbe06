package io.wavebench.drivers.audio;

import javax.sound.sampled.AudioFormat;

/**
 * What the fault decorators of a speaker and a microphone share (DESIGN §3: a fault-injecting
 * decorator wraps any backing): the inner link, whose name, format and lifecycle pass through
 * unchanged, and the {@link AudioFaults} set on it, which count the inner link's own samples. The
 * name and format are read once, when the link is wrapped: the faults' clock needs the rate then.
 *
 * @param <L> {@link AudioIn} or {@link AudioOut}
 */
abstract class FaultyAudioLink<L> {

    final L inner;
    final AudioFaults faults;
    private final String mixerName;
    private final AudioFormat format;
    private final Runnable open;
    private final Runnable close;

    /**
     * @param role "microphone" or "speaker", for the faults' messages
     * @param open and {@code close}: the inner link's, which {@link AudioIn} and {@link AudioOut} each declare
     */
    FaultyAudioLink(L inner, String role, String mixerName, AudioFormat format, long seed, Runnable open, Runnable close) {
        this.inner = inner;
        this.mixerName = mixerName;
        this.format = format;
        this.open = open;
        this.close = close;
        this.faults = new AudioFaults(role + " '" + mixerName + "'", format.getSampleRate(), seed);
    }

    /** Its faults: set one from a test or a step, e.g. {@code faults().dropout(Duration.ofMillis(300))}. */
    public AudioFaults faults() {
        return faults;
    }

    /** The link under the faults. */
    public L inner() {
        return inner;
    }

    public String mixerName() {
        return mixerName;
    }

    public AudioFormat format() {
        return format;
    }

    public void open() {
        open.run();
    }

    public void close() {
        close.run();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + inner + ", " + faults + "]";
    }
}
