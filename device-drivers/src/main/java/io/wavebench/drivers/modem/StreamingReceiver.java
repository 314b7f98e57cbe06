package io.wavebench.drivers.modem;

import java.util.Objects;

/**
 * Listens to a capture line forever and reports every good frame (DESIGN §4: "receiver is
 * streaming"). Feed it blocks of any size, from one sample to seconds; it finds a preamble at any
 * offset, decodes the header, then the payload, and calls the listener on the feeding thread for
 * each frame whose Reed-Solomon and CRC-32 checks pass.
 *
 * <p>No deaf time (DESIGN §4, §6: ggwave goes deaf for ~38 s after a false trigger): when a
 * header or payload fails, the search resumes at once just after the preamble it had believed, on
 * samples it still holds, so a real frame that overlapped the false one is still found.
 *
 * <p>Everything fed passes the profile's {@link BandFilter} first, so sound outside the band does
 * not weigh in the preamble search.
 *
 * <p>Memory is one ring of samples, sized for the longest frame plus one correlation block; the
 * work arrays are allocated once. A decode allocates a few small arrays per frame, never per
 * sample. Not thread-safe: feed it from one thread.
 */
public final class StreamingReceiver {

    /**
     * Normalized correlation that counts as a preamble. Band-limited noise alone scores about
     * 1/√(bandwidth · duration) ≈ 0.03–0.05 (6–8 σ below this); crowd babble comes in bursts, and
     * at 6 dB average in-band SNR the ultrasonic preamble scored 0.37–0.88. A trigger on noise
     * costs one header decode, and the header code and CRC-16 reject it.
     */
    static final double DETECTION_THRESHOLD = 0.25;

    private enum State { SEARCHING, AWAIT_HEADER, AWAIT_PAYLOAD }

    private final ModemParameters p;
    private final CarrierPlan plan;
    private final FrameListener listener;
    private final BandFilter filter;
    private final float[] filtered = new float[4096];
    private final SampleRing ring;
    private final PreambleDetector detector;
    private final FrameDemodulator demodulator;
    private final int headerSymbols;
    /** After a failed decode the search resumes this far past the believed preamble: clear of its main lobe. */
    private final int rearmSkip;

    private State state = State.SEARCHING;
    private long scanFrom;
    private long preambleAt;
    /** While a payload is awaited, the search for a newer preamble has got this far. */
    private long lookFrom;
    private FrameLayout layout;
    private FrameHeader header;
    private long falseTriggers;
    private long headersDecoded;

    StreamingReceiver(CarrierPlan plan, FrameListener listener) {
        this.plan = plan;
        this.p = plan.p;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.filter = new BandFilter(p);
        this.headerSymbols = FrameLayout.headerSymbols(plan);
        this.detector = new PreambleDetector(Preamble.waveform(p), DETECTION_THRESHOLD, p.cyclicPrefix() / 4);
        this.demodulator = new FrameDemodulator(plan);
        this.rearmSkip = Math.max(p.cyclicPrefix() / 4, (int) Math.ceil(4 * p.sampleRate() / (p.preambleHighHz() - p.preambleLowHz())));
        long longest = Math.max(payloadEndOffset(new FrameLayout(plan, FrameFormat.MAX_PAYLOAD, FrameHeader.VERSION)),
                payloadEndOffset(new FrameLayout(plan, FrameFormat.MAX_PAYLOAD, FrameHeader.CONVOLUTIONAL_VERSION)));
        this.ring = new SampleRing((int) (longest + 2L * detector.fftSize()));
    }

    public ModemProfile profile() {
        return p.profile();
    }

    /**
     * Feeds {@code length} samples; calls the listener for each frame completed by them. If the
     * listener throws, the exception reaches the caller; everything already fed stays fed, and the
     * next call (even with no samples) carries on from there.
     */
    public void accept(float[] samples, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, samples.length);
        do {
            // Never overwrite what may still be looked at: feed only what fits, then work.
            long oldestNeeded = state == State.SEARCHING ? scanFrom : preambleAt;
            int room = (int) Math.min(length, ring.capacity() - (ring.end() - oldestNeeded));
            if (room <= 0 && length > 0) throw new IllegalStateException("receiver ring full in state " + state + " at sample " + ring.end());
            for (int done = 0; done < room; ) {
                int chunk = Math.min(room - done, filtered.length);
                filter.process(samples, offset + done, chunk, filtered);
                ring.write(filtered, 0, chunk);
                done += chunk;
            }
            offset += room;
            length -= room;
            work();
        } while (length > 0);
    }

    /** Forgets everything fed so far; sample numbers start again at 0. */
    public void reset() {
        ring.clear();
        filter.reset();
        state = State.SEARCHING;
        scanFrom = 0;
        layout = null;
        header = null;
    }

    /** Samples fed since start or the last {@link #reset()}. */
    public long samplesFed() {
        return ring.end();
    }

    /** Headers that passed their checks (benchmarks tell a lost header from a lost payload by it). */
    long headersDecoded() {
        return headersDecoded;
    }

    /** Preambles that were followed by no good frame (false triggers and failed decodes). */
    public long falseTriggers() {
        return falseTriggers;
    }

    private void work() {
        while (true) {
            switch (state) {
                case SEARCHING -> {
                    PreambleDetector.Result r = detector.search(ring, scanFrom);
                    switch (r) {
                        case NEED_MORE -> { return; }
                        case NONE -> scanFrom += detector.blockAdvance();
                        case RESCAN -> scanFrom = detector.position();
                        case FOUND -> {
                            preambleAt = detector.position();
                            state = State.AWAIT_HEADER;
                        }
                    }
                }
                case AWAIT_HEADER -> {
                    if (ring.end() < windowStart(headerSymbols) + p.dftSize()) return;
                    demodulator.train(ring, windowStart(0));
                    header = demodulator.header(ring, this::windowStart);
                    if (header == null) {
                        giveUp();
                    } else {
                        headersDecoded++;
                        layout = new FrameLayout(plan, header.payloadLength(), header.version());
                        state = State.AWAIT_PAYLOAD;
                        lookFrom = symbolStart(headerSymbols + 1);
                    }
                }
                case AWAIT_PAYLOAD -> {
                    long end = preambleAt + payloadEndOffset(layout);
                    if (ring.end() < end) {
                        if (lookAhead(symbolStart(layout.dataSymbols + 1))) continue;
                        return;
                    }
                    FrameFormat.Decoded decoded = demodulator.payload(ring, this::windowStart, layout, header);
                    if (decoded == null) {
                        giveUp();
                    } else {
                        long start = preambleAt;
                        long frameEnd = symbolStart(layout.dataSymbols + 1) + p.taper() - p.taper() / 2;
                        // Searching resumes after this frame before the listener runs, so a listener
                        // that throws leaves the receiver listening.
                        state = State.SEARCHING;
                        scanFrom = symbolStart(layout.dataSymbols + 1);
                        listener.onFrame(new ReceivedFrame(decoded.payload(), p.profile(), start, frameEnd, decoded.correctedSymbols()));
                    }
                }
            }
        }
    }

    /**
     * Searches on while a payload is awaited. A preamble inside the awaited frame means that frame
     * was cut short or never was (a header that decoded by chance): it is dropped at once for the
     * new one, instead of waiting seconds for the length a bad header promised (DESIGN §4: no deaf
     * time). Data symbols do not look like the chirp, so a real frame is not cut by its own data.
     *
     * @return true if there is more to do now, false if more samples are needed
     */
    private boolean lookAhead(long frameEnd) {
        if (lookFrom >= frameEnd) return false;
        switch (detector.search(ring, lookFrom)) {
            case NEED_MORE -> {
                return false;
            }
            case NONE -> lookFrom += detector.blockAdvance();
            case RESCAN -> lookFrom = detector.position();
            case FOUND -> {
                if (detector.position() >= frameEnd) {
                    lookFrom = frameEnd; // the next frame's preamble: found again once this one is done
                    return false;
                }
                falseTriggers++;
                preambleAt = detector.position();
                state = State.AWAIT_HEADER;
            }
        }
        return true;
    }

    private void giveUp() {
        falseTriggers++;
        state = State.SEARCHING;
        scanFrom = preambleAt + rearmSkip;
    }

    /** Symbol 0 is the training symbol; its cyclic prefix starts right after the chirp. */
    private long symbolStart(int symbol) {
        return preambleAt + p.preambleSamples() + (long) symbol * p.symbolSamples();
    }

    /**
     * The DFT window starts {@code windowAdvance} samples before the symbol's body: echoes up to
     * {@code cyclicPrefix - windowAdvance} samples long fall inside the prefix, and a clock offset
     * may move a symbol that much earlier or later before the window reaches a neighbour (the
     * demodulator re-places windows on longer frames).
     */
    long windowStart(int symbol) {
        return symbolStart(symbol) + p.cyclicPrefix() - p.windowAdvance();
    }

    /** Samples from the preamble's start until the last window, moved by the largest drift searched, is held. */
    private long payloadEndOffset(FrameLayout l) {
        int last = l.dataSymbols;
        long drift = (long) Math.ceil(FrameDemodulator.MAX_PPM * 1e-6 * p.symbolSamples() * last) + 1;
        return p.preambleSamples() + (long) last * p.symbolSamples() + p.cyclicPrefix() - p.windowAdvance() + p.dftSize() + drift;
    }
}
