package io.wavebench.drivers.ggwave;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A streaming ggwave receiver (DESIGN §4): fed samples in blocks of any size, it finds ggwave
 * messages anywhere in the stream, for every protocol it was given at once, from the sound alone.
 *
 * <p>It hears ggwave's published signal (see {@link GgwaveTransmitter}) the way ggwave's own
 * receiver does — tone powers at bin centres, nibble = loudest of its 16 bins over a chunk's
 * frames summed coherently, the length block RS-decoded first, the payload RS-decoded — and
 * differs where ggwave's receiver loses messages:
 * <ul>
 *   <li>Start markers are found by integrating the 16 marker tone pairs over the marker's whole
 *       length (15 frames, every 1/16 frame), not by requiring all 16 pairs to pass a 3× ratio in
 *       one 4-frame average; so a marker is found at lower SNR, and a loud single tone (a whistle)
 *       cannot pass for one, since most pairs must agree ({@link MarkerTrack}, one per band of
 *       protocols sharing a marker).</li>
 *   <li>The data's timing is searched every 1/16 frame over ±1.5 frames around the marker's, by how
 *       clearly one tone stands out in each nibble's 16 bins, and the end marker is looked for where
 *       the decoded length puts it; its position corrects a sender's sample-clock offset over the
 *       message (ggwave assumes none), and a chunk whose coherent sum fails is retried with powers
 *       summed frame by frame (robust to that offset's frequency shift).</li>
 *   <li>It is never deaf: a failed candidate costs nothing, and messages of other protocols are
 *       heard at the same time.</li>
 * </ul>
 * A message is reported only when its length block decodes, its end marker is where that length
 * says, and its payload decodes: the three together keep noise from being taken for a message.
 * Where two protocols of a band both decode (a faster one can read a slower one's first chunk),
 * the one whose end marker stands squarely in place — its first and last quarters each an end
 * marker on their own — wins; one whose end marker only passes as a whole is reported only when
 * no protocol's end is square.
 */
public final class GgwaveReceiver {

    private static final int MARKER_BOX_HOPS = MarkerTrack.MARKER_BOX_HOPS;
    /** End marker, looked for where the length puts it: a weaker bar, since its place is known. */
    private static final double END_CONTRAST = 0.1;
    private static final int END_PAIRS = 10;
    /** Timing search for the data: this many hops either side of the marker's estimate. */
    private static final int TIMING_SEARCH_HOPS = 24;
    /** Largest sample-clock offset corrected, sender against receiver. */
    private static final double MAX_CLOCK_OFFSET = 500e-6;

    private final double sampleRate;
    private final double frameExact;
    private final int frame;
    private final int hop;
    private final GgwaveListener listener;
    private final List<MarkerTrack> markerTracks = new ArrayList<>();
    private final float[] ring;
    private final int ringMask;
    private long written;
    private long nextHop;
    /** One hop's samples, then the part hop that ends a frame: what the marker banks are fed. */
    private final float[] hopSamples;
    private final float[] restSamples;
    private long hopsAdded;
    private final List<Candidate> candidates = new ArrayList<>();

    /** Listens for every protocol. */
    public GgwaveReceiver(double sampleRate, GgwaveListener listener) {
        this(sampleRate, EnumSet.allOf(GgwaveProtocol.class), listener);
    }

    public GgwaveReceiver(double sampleRate, Set<GgwaveProtocol> protocols, GgwaveListener listener) {
        if (protocols.isEmpty()) throw new IllegalArgumentException("a ggwave receiver needs at least one protocol");
        this.sampleRate = sampleRate;
        this.listener = listener;
        frameExact = GgwaveProtocol.SAMPLES_PER_FRAME * sampleRate / GgwaveProtocol.BASE_SAMPLE_RATE;
        frame = (int) Math.round(frameExact);
        hop = (int) Math.round(frameExact / MarkerTrack.HOPS_PER_FRAME);
        hopSamples = new float[hop];
        restSamples = new float[frame % hop];
        Map<Integer, List<GgwaveProtocol>> byStart = new LinkedHashMap<>();
        int longestFrames = 0;
        for (GgwaveProtocol p : protocols) {
            if (sampleRate < 2 * p.bandHighHz() * 1.05) {
                throw new UnsupportedOperationException("ggwave " + p.ggwaveName() + " reaches " + Math.round(p.bandHighHz()) + " Hz, beyond what " + sampleRate + " Hz sampling carries");
            }
            byStart.computeIfAbsent(p.freqStart(), k -> new ArrayList<>()).add(p);
            longestFrames = Math.max(longestFrames, p.frameCount(GgwaveProtocol.MAX_PAYLOAD_BYTES));
        }
        // Room for the longest message, the timing search and a clock offset, in samples and in hops.
        long needed = (long) ((longestFrames + 8) * frameExact * (1 + MAX_CLOCK_OFFSET));
        int capacity = Integer.highestOneBit((int) Math.min(Integer.MAX_VALUE / 2, needed)) << 1;
        ring = new float[capacity];
        ringMask = capacity - 1;
        int hopsHeld = capacity / hop + 1;
        for (Map.Entry<Integer, List<GgwaveProtocol>> e : byStart.entrySet()) {
            markerTracks.add(new MarkerTrack(e.getKey(), e.getValue(), sampleRate, frame, hop, hopsHeld,
                    (track, markerStart, contrast) -> candidates.add(new Candidate(track, markerStart, contrast))));
        }
    }

    public double sampleRate() {
        return sampleRate;
    }

    /** Samples fed so far. */
    public long position() {
        return written;
    }

    public void accept(float[] samples, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            // Feed up to the next hop boundary, so analysis keeps up with the ring.
            long needed = nextHop * hop + frame - written;
            int n = (int) Math.max(1, Math.min(end - at, needed));
            for (int i = 0; i < n; i++) ring[(int) (written++ & ringMask)] = samples[at + i];
            at += n;
            while (nextHop * hop + frame <= written) {
                analyseHop(nextHop);
                nextHop++;
            }
            decodeCandidates();
        }
    }

    public void accept(float[] samples) {
        accept(samples, 0, samples.length);
    }

    // --- marker powers, every hop -------------------------------------------------------------

    private void analyseHop(long t) {
        int wholeHops = frame / hop;
        for (; hopsAdded < t + wholeHops; hopsAdded++) {
            copy(hopsAdded * hop, hopSamples, hop);
            for (MarkerTrack f : markerTracks) f.markerBank.addHop(hopSamples);
        }
        copy((t + wholeHops) * hop, restSamples, restSamples.length);
        for (MarkerTrack f : markerTracks) f.analyse(t, restSamples);
    }

    private void copy(long position, float[] dst, int length) {
        for (int i = 0; i < length; i++) dst[i] = ring[(int) ((position + i) & ringMask)];
    }

    private boolean held(long from, long to) {
        return from >= Math.max(0, written - ring.length) && to <= written;
    }

    // --- decoding a candidate -------------------------------------------------------------------

    /**
     * A start marker found at {@code markerStart}. Its family's protocols share the marker, so each
     * is a hypothesis, decoded side by side: a slower protocol's first chunk can hold a faster
     * one's length block, so the hypothesis whose end marker sits squarely where its length puts
     * it wins.
     */
    private final class Candidate {
        final MarkerTrack family;
        final long markerStart;
        final double startContrast;
        final List<Hypothesis> hypotheses = new ArrayList<>();
        /** Set when a decoded message of the same family covers this candidate. */
        boolean covered;
        final Map<Long, float[]> frames = new HashMap<>();

        Candidate(MarkerTrack family, long markerStart, double startContrast) {
            this.family = family;
            this.markerStart = markerStart;
            this.startContrast = startContrast;
            for (GgwaveProtocol p : family.protocols) hypotheses.add(new Hypothesis(p));
        }
    }

    private static final class Hypothesis {
        final GgwaveProtocol protocol;
        Outcome state = Outcome.WAIT;
        /** Once the length is known: where the data starts and how long the payload is. */
        long dataStart = -1;
        int length;
        double endContrast;
        /** Its end marker's first and last quarters each pass on their own, not only the whole box. */
        boolean squarely;
        GgwaveMessage message;

        Hypothesis(GgwaveProtocol protocol) {
            this.protocol = protocol;
        }
    }

    /** An end marker this close to the start marker's strength is squarely in place: no need to wait for the other hypotheses. */
    private static final double SQUARE_END = 0.75;

    private void decodeCandidates() {
        for (Iterator<Candidate> it = candidates.iterator(); it.hasNext(); ) {
            Candidate c = it.next();
            if (c.covered) {
                it.remove();
                continue;
            }
            for (Hypothesis h : c.hypotheses) {
                while (h.state == Outcome.WAIT || h.state == Outcome.LENGTH_KNOWN) {
                    Outcome next = h.state == Outcome.WAIT && h.dataStart < 0 ? findLength(c, h) : finish(c, h);
                    if (next == Outcome.WAIT) break;
                    h.state = next;
                }
            }
            if (resolve(c, false)) it.remove();
        }
    }

    /**
     * The stream has ended: hypotheses still waiting for sound that will not come fail, and what
     * decoded is reported.
     */
    public void flush() {
        for (Candidate c : candidates) {
            for (Hypothesis h : c.hypotheses) {
                if (h.state == Outcome.WAIT || h.state == Outcome.LENGTH_KNOWN) h.state = Outcome.FAILED;
            }
        }
        for (Iterator<Candidate> it = candidates.iterator(); it.hasNext(); ) {
            Candidate c = it.next();
            if (!c.covered) resolve(c, true);
            it.remove();
        }
    }

    /** Reports the candidate's message if it is settled; true when the candidate is done with. */
    private boolean resolve(Candidate c, boolean ended) {
        Hypothesis best = null;
        boolean pending = false;
        for (Hypothesis h : c.hypotheses) {
            if (h.state == Outcome.DECODED && (best == null || squarerThan(h, best))) best = h;
            if (h.state == Outcome.WAIT || h.state == Outcome.LENGTH_KNOWN) pending = true;
        }
        boolean square = best != null && best.squarely && best.endContrast >= SQUARE_END * c.startContrast;
        if (pending && !square && !ended) return false;
        c.frames.clear();
        if (best == null) return true;
        GgwaveMessage m = best.message;
        listener.onMessage(m);
        // This family's later candidates inside the message were its data or end marker.
        c.family.ignoreBeforeHop = Math.max(c.family.ignoreBeforeHop, m.endSample() / hop);
        for (Candidate o : candidates) if (o != c && o.family == c.family && o.markerStart < m.endSample()) o.covered = true;
        return true;
    }

    /** A square end marker beats one that passes only as a whole; then the stronger end wins. */
    private static boolean squarerThan(Hypothesis a, Hypothesis b) {
        if (a.squarely != b.squarely) return a.squarely;
        return a.endContrast > b.endContrast;
    }

    private enum Outcome { WAIT, LENGTH_KNOWN, DECODED, FAILED }

    private Outcome findLength(Candidate c, Hypothesis h) {
        GgwaveProtocol p = h.protocol;
        int lengthTxs = (GgwaveProtocol.LENGTH_BLOCK_BYTES + p.bytesPerTx() - 1) / p.bytesPerTx();
        int timingTxs = lengthTxs + 1;
        long nominal = c.markerStart + Math.round(GgwaveProtocol.MARKER_FRAMES * frameExact);
        long from = nominal - (long) TIMING_SEARCH_HOPS * hop;
        long to = nominal + (long) TIMING_SEARCH_HOPS * hop + Math.round(timingTxs * p.framesPerTx() * frameExact) + frame;
        if (to > written) return Outcome.WAIT;
        if (!held(from, to)) return Outcome.FAILED;
        long bestStart = nominal;
        double bestScore = -1;
        for (int d = -TIMING_SEARCH_HOPS; d <= TIMING_SEARCH_HOPS; d++) {
            long start = nominal + (long) d * hop;
            double score = 0;
            for (int k = 0; k < timingTxs; k++) score += clarity(p, txPowers(c, p, start, k, 0, true));
            if (score > bestScore) {
                bestScore = score;
                bestStart = start;
            }
        }
        for (boolean coherent : new boolean[] {true, false}) {
            byte[] block = new byte[lengthTxs * p.bytesPerTx()];
            for (int k = 0; k < lengthTxs; k++) nibbles(p, txPowers(c, p, bestStart, k, 0, coherent), block, k);
            Optional<Integer> length = GgwaveCode.decodeLength(block);
            if (length.isPresent()) {
                h.dataStart = bestStart;
                h.length = length.get();
                return Outcome.LENGTH_KNOWN;
            }
        }
        return Outcome.FAILED;
    }

    private Outcome finish(Candidate c, Hypothesis hy) {
        GgwaveProtocol p = hy.protocol;
        int txs = p.txCount(hy.length);
        double dataSpan = txs * p.framesPerTx() * frameExact;
        long expectedEnd = hy.dataStart + Math.round(dataSpan);
        long slack = Math.round(MAX_CLOCK_OFFSET * dataSpan) + hop;
        long lastBoxHop = (expectedEnd + slack) / hop + MARKER_BOX_HOPS;
        if (lastBoxHop >= nextHop) return Outcome.WAIT;
        if (!held(hy.dataStart - frame, expectedEnd + slack)) return Outcome.FAILED;
        // The end marker where the length puts it: its box's best position within the slack.
        long bestHop = -1;
        double bestAgreement = Double.NEGATIVE_INFINITY;
        double bestContrast = 0;
        double bestPairs = 0;
        for (long h = (expectedEnd - slack) / hop; h <= (expectedEnd + slack) / hop + 1; h++) {
            double[] end = c.family.endMarker(h, MARKER_BOX_HOPS);
            if (end[2] > bestAgreement) {
                bestAgreement = end[2];
                bestContrast = end[0];
                bestPairs = end[1];
                bestHop = h;
            }
        }
        if (bestContrast < END_CONTRAST || bestPairs < END_PAIRS) return Outcome.FAILED;
        // Squarely there: its first and last quarters each look like an end marker on their own,
        // not a box half over data whose tones happen to sit on end-marker bins. In deep noise a
        // quarter (4 frames) of a real end marker can fail this, so it ranks hypotheses rather
        // than rejecting one (see resolve).
        int quarter = MARKER_BOX_HOPS / 4;
        boolean squarely = true;
        for (long first : new long[] {bestHop, bestHop + MARKER_BOX_HOPS - quarter}) {
            double[] part = c.family.endMarker(first, quarter);
            squarely &= part[0] >= END_CONTRAST && part[1] >= END_PAIRS;
        }
        long endStart = bestHop * hop;
        double stretch = Math.abs(endStart - expectedEnd) <= hop ? 1.0 : (endStart - hy.dataStart) / dataSpan;
        stretch = Math.max(1 - MAX_CLOCK_OFFSET, Math.min(1 + MAX_CLOCK_OFFSET, stretch));
        for (boolean coherent : new boolean[] {true, false}) {
            byte[] stream = new byte[txs * p.bytesPerTx()];
            for (int k = 0; k < txs; k++) nibbles(p, txPowers(c, p, hy.dataStart, k, stretch - 1, coherent), stream, k);
            Optional<GgwaveCode.Decoded> decoded = GgwaveCode.decodePayload(stream, hy.length);
            if (decoded.isPresent()) {
                long start = hy.dataStart - Math.round(GgwaveProtocol.MARKER_FRAMES * frameExact * stretch);
                long end = endStart + Math.round(GgwaveProtocol.MARKER_FRAMES * frameExact * stretch);
                hy.message = new GgwaveMessage(decoded.get().payload(), p, start, end, decoded.get().correctedBytes());
                hy.endContrast = bestContrast;
                hy.squarely = squarely;
                return Outcome.DECODED;
            }
        }
        return Outcome.FAILED;
    }

    /**
     * Power at each of the protocol's data bins over chunk {@code k}, the chunk's frames summed
     * coherently (ggwave's way: a bin-centred tone keeps its phase from frame to frame) or as
     * powers; {@code drift} stretches the frame grid for a sender's clock offset.
     */
    private float[] txPowers(Candidate c, GgwaveProtocol p, long dataStart, int k, double drift, boolean coherent) {
        ToneBank bank = c.family.dataBank;
        int bins = 16 * p.tonesPerTx();
        double[] sumRe = new double[bins];
        double[] sumIm = new double[bins];
        double[] sumPow = new double[bins];
        long first = -1;
        for (int i = 0; i < p.framesPerTx(); i++) {
            long position = dataStart + Math.round((k * p.framesPerTx() + i) * frameExact * (1 + drift));
            if (first < 0) first = position;
            float[] dft = frameDft(c, position);
            for (int b = 0; b < bins; b++) {
                double r = dft[2 * b];
                double im = dft[2 * b + 1];
                // Refer this frame's phase to the chunk's first sample.
                double phase = -bank.omega(b) * (position - first);
                double cos = Math.cos(phase);
                double sin = Math.sin(phase);
                sumRe[b] += r * cos - im * sin;
                sumIm[b] += r * sin + im * cos;
                sumPow[b] += r * r + im * im;
            }
        }
        float[] power = new float[bins];
        for (int b = 0; b < bins; b++) {
            power[b] = (float) (coherent ? (sumRe[b] * sumRe[b] + sumIm[b] * sumIm[b]) / p.framesPerTx() : sumPow[b]);
        }
        return power;
    }

    private float[] frameDft(Candidate c, long position) {
        return c.frames.computeIfAbsent(position, pos -> {
            ToneBank bank = c.family.dataBank;
            float[] samples = new float[frame];
            copy(pos, samples, frame);
            float[] re = new float[bank.size()];
            float[] im = new float[bank.size()];
            bank.dft(samples, re, im);
            float[] out = new float[2 * bank.size()];
            for (int b = 0; b < bank.size(); b++) {
                out[2 * b] = re[b];
                out[2 * b + 1] = im[b];
            }
            return out;
        });
    }

    /** How clearly one bin stands out in each nibble's 16: the loudest bin's share of the group's power. */
    private static double clarity(GgwaveProtocol p, float[] power) {
        double score = 0;
        for (int j = 0; j < p.tonesPerTx(); j++) {
            double max = 0;
            double sum = 1e-30;
            for (int v = 0; v < 16; v++) {
                double x = power[16 * j + v];
                sum += x;
                max = Math.max(max, x);
            }
            score += max / sum;
        }
        return score;
    }

    /** Chunk {@code k}'s bytes: each nibble the loudest of its 16 bins, low nibble first. */
    private static void nibbles(GgwaveProtocol p, float[] power, byte[] stream, int k) {
        for (int j = 0; j < p.tonesPerTx(); j++) {
            int best = 0;
            for (int v = 1; v < 16; v++) if (power[16 * j + v] > power[16 * j + best]) best = v;
            int index = k * p.bytesPerTx() + j / 2;
            if (index >= stream.length) return;
            stream[index] = (byte) (j % 2 == 0 ? (stream[index] & 0xF0) | best : (stream[index] & 0x0F) | (best << 4));
        }
    }
}
