package io.wavebench.drivers.audio;

/**
 * A fault-injecting decorator any {@link AudioIn} can wear (DESIGN §3): a bench's real microphone
 * through javax.sound, a remote one over a socket, the loopback cable's. It spoils what the inner
 * microphone captured the way a faulty audio path does ({@link AudioFaults}: dropouts, gaps,
 * clicks, clipping, a gain step, added noise, a clock offset), and nothing else.
 *
 * <p>What the air does (noise beds, echo, SNR) is the channel model's (DESIGN §4), not a fault.
 * Durations count the stream's own samples ({@link AudioFaults}), so "for the next 300 ms" means
 * the next 300 ms this microphone captures. Faults may be set while a consumer reads; with none
 * set, reads go straight through. One consumer thread, as {@link AudioIn} has.
 */
public final class FaultyAudioIn extends FaultyAudioLink<AudioIn> implements AudioIn {

    private volatile boolean closed;
    // The consumer's own: faulted samples that did not fit the caller's buffer.
    private float[] pending = new float[0];
    private int pendingFrom;

    public FaultyAudioIn(AudioIn inner, long seed) {
        super(inner, "microphone", inner.mixerName(), inner.format(), seed, inner::open, inner::close);
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
        super.close();
    }
}
