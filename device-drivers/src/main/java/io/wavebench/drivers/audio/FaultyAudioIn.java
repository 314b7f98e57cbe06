package io.wavebench.drivers.audio;

import java.time.Duration;
import javax.sound.sampled.AudioFormat;

/**
 * A fault-injecting decorator any {@link AudioIn} can wear (DESIGN §3): a bench's real microphone
 * through javax.sound, a remote one over a socket, the loopback cable's. It spoils what the inner
 * microphone captured the way a faulty audio path does, and nothing else:
 *
 * <ul>
 *   <li><b>dropout</b>: samples become silence (a muted or momentarily disconnected microphone);
 *   <li><b>gap</b>: samples are lost and the stream closes up behind them (a capture buffer
 *       overrun: the audio after the gap comes early);
 *   <li><b>click</b>: a full-scale sample, once or at a seeded rate (a converter glitch, a loose
 *       contact);
 *   <li><b>clipping</b> at a level (an overdriven preamp);
 *   <li><b>gain step</b> (an automatic gain control jumping);
 *   <li><b>added noise</b> at a stated level (a noisy preamp, ground hum's broadband cousin);
 *   <li><b>clock offset</b> in ppm (a capture clock that disagrees with the sender's).
 * </ul>
 *
 * <p>What the air does (noise beds, echo, SNR) is the channel model's (DESIGN §4), not a fault.
 * Durations count the stream's own samples ({@link AudioFaults}), so "for the next 300 ms" means
 * the next 300 ms this microphone captures. Faults may be set while a consumer reads; with none
 * set, reads go straight through. One consumer thread, as {@link AudioIn} has.
 */
public final class FaultyAudioIn implements AudioIn {

    private final AudioIn inner;
    private final AudioFaults faults;
    private volatile boolean closed;
    // The consumer's own: faulted samples that did not fit the caller's buffer.
    private float[] pending = new float[0];
    private int pendingFrom;

    public FaultyAudioIn(AudioIn inner, long seed) {
        this.inner = inner;
        this.faults = new AudioFaults("microphone '" + inner.mixerName() + "'", inner.format().getSampleRate(), seed);
    }

    /** The next {@code lasting} of capture is silence. */
    public FaultyAudioIn dropout(Duration lasting) {
        return dropout(Duration.ZERO, lasting);
    }

    /** Silence for {@code lasting}, starting {@code startingIn} of capture from now. */
    public FaultyAudioIn dropout(Duration startingIn, Duration lasting) {
        faults.dropout(startingIn, lasting);
        return this;
    }

    /** The next {@code lasting} of capture is lost. */
    public FaultyAudioIn gap(Duration lasting) {
        return gap(Duration.ZERO, lasting);
    }

    /** Loses {@code lasting} of capture, starting {@code startingIn} from now. */
    public FaultyAudioIn gap(Duration startingIn, Duration lasting) {
        faults.gap(startingIn, lasting);
        return this;
    }

    /** One click, {@code startingIn} of capture from now. */
    public FaultyAudioIn click(Duration startingIn) {
        faults.click(startingIn);
        return this;
    }

    /** Clicks at random, {@code perSecond} on average (seeded). */
    public FaultyAudioIn clicks(double perSecond) {
        faults.clicks(perSecond);
        return this;
    }

    /** Clips what is captured at ±{@code level} of full scale, 0 < level ≤ 1. */
    public FaultyAudioIn clipAt(double level) {
        faults.clipAt(level);
        return this;
    }

    /** Steps the gain to {@code db} from now on. */
    public FaultyAudioIn gainDb(double db) {
        faults.gainDb(db);
        return this;
    }

    /** Adds white noise of RMS {@code dbfs} relative to full scale (seeded). */
    public FaultyAudioIn noiseDbfs(double dbfs) {
        faults.noiseDbfs(dbfs);
        return this;
    }

    /** A capture clock {@code ppm} off the sender's (positive: fewer samples for the same sound). */
    public FaultyAudioIn clockOffsetPpm(double ppm) {
        faults.clockOffsetPpm(ppm);
        return this;
    }

    /** No faults from now on; one-shots not yet reached are cancelled. */
    public FaultyAudioIn clean() {
        faults.clean();
        return this;
    }

    public AudioFaults.Counts counts() {
        return faults.counts();
    }

    /** The microphone under the faults. */
    public AudioIn inner() {
        return inner;
    }

    @Override
    public String mixerName() {
        return inner.mixerName();
    }

    @Override
    public AudioFormat format() {
        return inner.format();
    }

    @Override
    public void open() {
        inner.open();
    }

    @Override
    public int read(float[] buffer) {
        while (true) {
            if (closed) return -1;
            if (buffer.length == 0) return 0;
            if (pendingFrom < pending.length) return takePending(buffer);
            // Faults are looked at after the read: one set while it blocked applies to what it brings.
            int n = inner.read(buffer);
            if (n <= 0) return n;
            float[] faulted = faults.applyUnlessClean(buffer, 0, n);
            if (faulted == null) return n;
            pending = faulted;
            pendingFrom = 0;
            // A gap may have taken all that was read: read again, AudioIn blocks until a sample is there.
        }
    }

    private int takePending(float[] buffer) {
        int n = Math.min(buffer.length, pending.length - pendingFrom);
        System.arraycopy(pending, pendingFrom, buffer, 0, n);
        pendingFrom += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        inner.close();
    }

    @Override
    public String toString() {
        return "FaultyAudioIn[" + inner + ", " + faults + "]";
    }
}
