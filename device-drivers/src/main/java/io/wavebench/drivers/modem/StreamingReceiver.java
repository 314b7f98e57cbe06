package io.wavebench.drivers.modem;

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
 * <p>Memory is one ring of samples, sized for the longest frame plus one correlation block; the
 * work arrays are allocated once. A decode allocates a few small arrays per frame, never per
 * sample. Not thread-safe: feed it from one thread.
 */
public final class StreamingReceiver {

    /** Normalized correlation that counts as a preamble (noise alone scores ≈ 1/√template ≈ 0.02). */
    static final double DETECTION_THRESHOLD = 0.35;

    private enum State { SEARCHING, AWAIT_HEADER, AWAIT_PAYLOAD }

    private final ModemParameters p;
    private final FrameListener listener;
    private final SampleRing ring;
    private final PreambleDetector detector;
    private final ToneDemodulator demodulator;
    private final byte[] headerBytes = new byte[FrameHeader.ENCODED_BYTES];
    private final int headerSymbols;
    /** After a failed decode the search resumes this far past the believed preamble: clear of its main lobe. */
    private final int rearmSkip;

    private State state = State.SEARCHING;
    private long scanFrom;
    private long preambleAt;
    /** While a payload is awaited, the search for a newer preamble has got this far. */
    private long lookFrom;
    private FrameFormat format;
    private FrameHeader header;
    private long falseTriggers;

    StreamingReceiver(ModemParameters p, float[] preamble, FrameListener listener) {
        this.p = p;
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
        this.headerSymbols = p.symbolsFor(FrameHeader.ENCODED_BYTES);
        this.detector = new PreambleDetector(preamble, DETECTION_THRESHOLD, p.guard());
        this.demodulator = new ToneDemodulator(p);
        this.rearmSkip = Math.max(p.guard(), (int) Math.ceil(4 * p.sampleRate() / (p.preambleHighHz() - p.preambleLowHz())));
        int longestFrame = p.preambleSamples() + p.preambleGap() + (headerSymbols
                + p.symbolsFor(new FrameFormat(FrameFormat.MAX_PAYLOAD, p.parityRatio()).codedLength())) * p.symbolSamples();
        this.ring = new SampleRing(longestFrame + 2 * detector.fftSize());
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
        java.util.Objects.checkFromIndexSize(offset, length, samples.length);
        do {
            // Never overwrite what may still be looked at: feed only what fits, then work.
            long oldestNeeded = state == State.SEARCHING ? scanFrom : preambleAt;
            int room = (int) Math.min(length, ring.capacity() - (ring.end() - oldestNeeded));
            if (room <= 0 && length > 0) throw new IllegalStateException("receiver ring full in state " + state + " at sample " + ring.end());
            ring.write(samples, offset, room);
            offset += room;
            length -= room;
            work();
        } while (length > 0);
    }

    /** Forgets everything fed so far; sample numbers start again at 0. */
    public void reset() {
        ring.clear();
        state = State.SEARCHING;
        scanFrom = 0;
        format = null;
        header = null;
    }

    /** Samples fed since start or the last {@link #reset()}. */
    public long samplesFed() {
        return ring.end();
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
                    if (ring.end() < symbolEnd(headerSymbols - 1)) return;
                    for (int s = 0; s < headerSymbols; s++) demodulator.demodulate(ring, windowStart(s), headerBytes, s);
                    header = FrameHeader.decode(headerBytes, p.profile());
                    if (header == null) {
                        giveUp();
                    } else {
                        format = new FrameFormat(header.payloadLength(), p.parityRatio());
                        state = State.AWAIT_PAYLOAD;
                        lookFrom = symbolStart(headerSymbols);
                    }
                }
                case AWAIT_PAYLOAD -> {
                    int payloadSymbols = p.symbolsFor(format.codedLength());
                    int last = headerSymbols + payloadSymbols - 1;
                    if (ring.end() < symbolEnd(last)) {
                        if (lookAhead(symbolStart(last + 1))) continue;
                        return;
                    }
                    byte[] coded = new byte[format.codedLength()];
                    for (int s = 0; s < payloadSymbols; s++) demodulator.demodulate(ring, windowStart(headerSymbols + s), coded, s);
                    FrameFormat.Decoded decoded = format.decode(coded);
                    if (decoded == null) {
                        giveUp();
                    } else {
                        long start = preambleAt;
                        long end = symbolStart(last + 1) + p.fadeSamples();
                        // Searching resumes after this frame before the listener runs, so a listener
                        // that throws leaves the receiver listening.
                        state = State.SEARCHING;
                        scanFrom = symbolStart(last + 1);
                        listener.onFrame(new ReceivedFrame(decoded.payload(), p.profile(), start, end, decoded.correctedSymbols()));
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

    private long symbolStart(int symbol) {
        return preambleAt + p.preambleSamples() + p.preambleGap() + (long) symbol * p.symbolSamples();
    }

    /**
     * The DFT window sits in the middle of the guard's slack: timing error and clock drift of up to
     * ±guard/2 samples either way keep it inside the symbol (±200 ppm over a 3 s frame is ±29
     * samples at 48 kHz; the robust guard is 96). Beyond that the window takes in part of the next
     * symbol, and the energy decision still holds until about half the window has slid: ±1500 ppm
     * decoded 512-byte robust frames at 20 dB and 0 dB in white noise, so no drift tracking is done
     * yet (tried: retrying the payload on a ±250/±500 ppm stretched grid changed nothing here).
     * Echo will eat into the guard; the echo issue should revisit this.
     */
    private long windowStart(int symbol) {
        return symbolStart(symbol) + p.guard() / 2;
    }

    private long symbolEnd(int symbol) {
        return windowStart(symbol) + p.window();
    }
}
