package io.wavebench.drivers.audio.loopback;

import io.wavebench.drivers.audio.Pcm16;
import io.wavebench.drivers.channel.AcousticChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual speakers→air→microphone cable (DESIGN §3, §4): what its mixer's
 * {@code SourceDataLine}s play is summed, as the air sums two phones sounding at once, passes
 * through the cable's {@link AcousticChannel} and is heard on every started {@code TargetDataLine}
 * of the same mixer. The rig assembler configures it with
 * {@link #channel}, {@link #mode} and {@link #reset()}; programs reach it only through javax.sound,
 * exactly as they would reach a sound card.
 *
 * <p>One lock guards the cable and all its lines; one condition wakes every waiter (writers
 * waiting for room, drains, readers waiting for data) on any change. A cable has few threads, so
 * this is simpler than it is slow.
 */
public final class LoopbackCable {

    /** How time passes on a cable. */
    public enum Mode {
        /**
         * Like hardware: a clock plays the speaker buffer in real time, in blocks of
         * {@link LoopbackCable#TICK_NANOS}, and delivers silence when nothing plays — passed through
         * the channel, so a noise bed is heard between transmissions (DESIGN §7: a capture with no
         * clock blocks forever). Writes block when the speaker buffer is full.
         */
        CLOCKED,
        /**
         * For tests and tools: a write goes through the channel into the captures at once; a read
         * blocks until something was written. No silence is invented, and nothing is mixed: two
         * speakers' writes reach the captures one after the other.
         */
        FAST
    }

    public static final Mode DEFAULT_MODE = Mode.CLOCKED;
    /** Clock block: 5 ms, about what a sound card's period is. */
    static final long TICK_NANOS = 5_000_000L;

    private static final Logger log = LoggerFactory.getLogger(LoopbackCable.class);

    private final String name;
    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();
    private final LoopbackMixer mixer;

    // All guarded by lock.
    private AcousticChannel channel = AcousticChannel.IDENTITY;
    private Mode mode = DEFAULT_MODE;
    private final List<LoopbackSourceLine> sources = new ArrayList<>();
    private final List<LoopbackTargetLine> targets = new ArrayList<>();
    private float sampleRate;
    private CableClock clock;
    private long overrunFrames;

    LoopbackCable(String name) {
        this.name = name;
        this.mixer = new LoopbackMixer(this);
    }

    /** The mixer name, e.g. {@code "wavebench loopback 1"}. */
    public String name() {
        return name;
    }

    /** The javax.sound mixer of this cable (the same object {@code AudioSystem} returns). */
    public Mixer mixer() {
        return mixer;
    }

    /** Sets what happens on the air from now on (DESIGN §4 channel model). */
    public LoopbackCable channel(AcousticChannel newChannel) {
        Objects.requireNonNull(newChannel, "channel");
        lock.lock();
        try {
            channel = newChannel;
        } finally {
            lock.unlock();
        }
        return this;
    }

    public AcousticChannel channel() {
        lock.lock();
        try {
            return channel;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Switches mode. Going to FAST passes whatever waits in the speaker buffer through at once;
     * going to CLOCKED starts the clock if a line is running.
     */
    public LoopbackCable mode(Mode newMode) {
        Objects.requireNonNull(newMode, "mode");
        lock.lock();
        try {
            if (newMode == mode) return this;
            mode = newMode;
            if (mode == Mode.FAST) {
                for (LoopbackSourceLine source : sources) {
                    byte[] pending = source.drainQueue();
                    if (pending.length > 0) passThrough(pending, 0, pending.length);
                    source.framesPlayed(pending.length / Pcm16.BYTES_PER_SAMPLE);
                }
            }
            updateClock();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return this;
    }

    public Mode mode() {
        lock.lock();
        try {
            return mode;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Between scenarios: drops audio in flight (speaker buffer and every capture buffer), stops
     * the clock, and goes back to {@link AcousticChannel#IDENTITY} and {@link #DEFAULT_MODE}.
     * Open lines stay open — a reader's microphone listens across scenarios — so if a line is
     * still running, a fresh clock starts with a new time origin.
     */
    public void reset() {
        lock.lock();
        try {
            if (clock != null) {
                clock.stop();
                clock = null;
            }
            channel = AcousticChannel.IDENTITY;
            mode = DEFAULT_MODE;
            overrunFrames = 0;
            for (LoopbackSourceLine source : sources) source.discard();
            for (LoopbackTargetLine target : targets) target.discard();
            updateClock();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Captured frames dropped because a capture buffer was full (nobody read), since the last reset. */
    public long overrunFrames() {
        lock.lock();
        try {
            return overrunFrames;
        } finally {
            lock.unlock();
        }
    }

    /** True while the real-time clock runs (CLOCKED mode and a line started). */
    public boolean clockRunning() {
        lock.lock();
        try {
            return clock != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "LoopbackCable[" + name + ", " + mode + ", " + (sampleRate > 0 ? sampleRate + " Hz, " : "")
                + "sources=" + sources.size() + ", targets=" + targets.size()
                + ", clock=" + (clock != null ? "running" : "stopped") + ", overrunFrames=" + overrunFrames + "]";
        } finally {
            lock.unlock();
        }
    }

    // ---- used by the lines and the clock, always with lock held ----

    /** Registers a line being opened at {@code rate}; all lines of a cable share one rate. */
    void attach(LoopbackLine line, float rate) throws LineUnavailableException {
        if (sampleRate > 0 && rate != sampleRate) {
            throw new LineUnavailableException(name + ": lines are open at " + sampleRate
                + " Hz; cannot open one at " + rate + " Hz until they close");
        }
        sampleRate = rate;
        if (line instanceof LoopbackSourceLine) sources.add((LoopbackSourceLine) line);
        else targets.add((LoopbackTargetLine) line);
    }

    void detach(LoopbackLine line) {
        sources.remove(line);
        targets.remove(line);
        if (sources.isEmpty() && targets.isEmpty()) sampleRate = 0;
        updateClock();
    }

    List<LoopbackTargetLine> openTargets() {
        return List.copyOf(targets);
    }

    List<LoopbackSourceLine> openSources() {
        return List.copyOf(sources);
    }

    /** Starts or stops the clock to match: it runs only in CLOCKED mode while a line runs. */
    void updateClock() {
        boolean anyRunning = sources.stream().anyMatch(LoopbackLine::runningLocked)
            || targets.stream().anyMatch(LoopbackLine::runningLocked);
        boolean want = mode == Mode.CLOCKED && anyRunning;
        if (want && clock == null) {
            clock = new CableClock(this, sampleRate);
            clock.start();
        } else if (!want && clock != null) {
            clock.stop();
            clock = null;
        }
    }

    /** FAST mode: a write goes straight through the channel to the captures. */
    void passThrough(byte[] pcm, int off, int len) {
        float[] in = Pcm16.decode(pcm, off, len);
        float[] out;
        try {
            out = channel.process(in, 0, in.length);
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + ": acoustic channel " + channel + " failed on "
                + in.length + " samples", e);
        }
        deliver(out);
    }

    /**
     * One clock block: takes {@code frames} from every speaker buffer (silence where one runs
     * short or its speaker is stopped), sums them, passes the sum through the channel, and
     * appends the result to every running capture.
     *
     * @return false if {@code caller} is no longer this cable's clock and must end
     */
    boolean tick(CableClock caller, int frames) {
        lock.lock();
        try {
            if (clock != caller) return false;
            float[] in = new float[frames];
            float[] one = sources.size() > 1 ? new float[frames] : in;
            byte[] pcm = sources.isEmpty() ? null : new byte[frames * Pcm16.BYTES_PER_SAMPLE];
            for (LoopbackSourceLine source : sources) {
                if (!source.runningLocked()) continue;
                int got = source.takeQueued(pcm, pcm.length) / Pcm16.BYTES_PER_SAMPLE;
                Pcm16.decode(pcm, 0, got, one, 0);
                source.framesPlayed(got);
                if (one != in) {
                    for (int i = 0; i < got; i++) in[i] += one[i];
                }
            }
            float[] out;
            try {
                out = channel.process(in, 0, frames);
            } catch (RuntimeException e) {
                // Nobody to throw to on the clock thread: say so loudly and keep time with silence.
                log.error("{}: acoustic channel {} failed on a {}-frame clock block; delivering silence", name, channel, frames, e);
                out = new float[frames];
            }
            deliver(out);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void deliver(float[] samples) {
        if (samples.length == 0 || targets.isEmpty()) return;
        byte[] pcm = Pcm16.encode(samples);
        for (LoopbackTargetLine target : targets) {
            if (!target.runningLocked()) continue;
            int dropped = target.capture(pcm);
            if (dropped > 0) {
                if (overrunFrames == 0) {
                    log.warn("{}: capture buffer full, dropping oldest audio (nobody reads {}?)", name, target.state());
                }
                overrunFrames += dropped;
            }
        }
        changed.signalAll();
    }
}
