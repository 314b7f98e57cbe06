package io.wavebench.drivers.modem;

import java.util.SplittableRandom;

/**
 * Where a frame's bits go, for one payload length (DESIGN §4: header protected on its own, payload
 * with FEC and interleaving). The layout depends only on the payload length and the profile, so
 * the receiver rebuilds it from the header.
 *
 * <pre>
 *   data cells, frequency first, symbol by symbol:
 *   | header: 6 bytes, rate-1/3 code, own interleaver | payload + CRC-32 (+ RS in v2), the version's code, interleaved | padding |
 * </pre>
 * The header's version says what the payload part is: version 3 (sent today) the payload and its
 * CRC-32 under an 802.11n LDPC code, the padding repeats of its coded bits; version 2 (still
 * received) Reed-Solomon codewords under a convolutional code, random padding.
 * Each cell is one QPSK value (two coded bits, Gray mapped). The bit interleavers are seeded
 * pseudo-random permutations, so neighbouring coded bits land on distant carriers and symbols:
 * a faded carrier or a burst of noise costs the Viterbi decoder scattered soft bits, not a run.
 */
final class FrameLayout {

    private static final double R = Math.sqrt(0.5);
    static final int HEADER_COPIES = 2;
    private static final long HEADER_SEED = 0x4EADE5L;

    /**
     * Cells of the header region (in the first data symbols), the same for every layout. The
     * header is sent {@value #HEADER_COPIES} times (soft bits added on receipt): it is short,
     * so its code gains less than the payload's, and its channel estimate comes from the training
     * symbol alone; without the copies it failed before the payload did (robust, 0 dB white noise:
     * 9 of 30 headers lost, no payload lost after a good header).
     */
    static final int HEADER_CELLS = (HEADER_COPIES * FrameHeader.codedBits() + 1) / 2;
    /** The header's bit interleaver, the same for every layout. */
    private static final int[] HEADER_PERMUTATION = permutation(2 * HEADER_CELLS, HEADER_SEED);

    final CarrierPlan plan;
    final FrameFormat format;
    /** The payload's inner code, by the frame version ({@link #codeFor}). */
    final PayloadCode code;
    final int payloadCodedBits;
    /** Cells of the payload: its coded bits and, from version 3 on, repeats of them up to the frame's end. */
    final int payloadCells;
    /**
     * Version 3 fills the cells after the coded bits with repeats of them (spread evenly over the
     * codewords; the receiver adds their soft bits) instead of random padding: the last symbol's
     * spare cells, and for the robust profile one more symbol, add energy to the code at no cost
     * in its target airtime. Version 2 pads with random bits.
     */
    private final boolean repeats;
    /** Data symbols (the training symbol not counted). */
    final int dataSymbols;
    private final int[] payloadPermutation;

    /** The layout a transmitter sends today ({@link FrameHeader#VERSION}). */
    FrameLayout(CarrierPlan plan, int payloadLength) {
        this(plan, payloadLength, FrameHeader.VERSION);
    }

    FrameLayout(CarrierPlan plan, int payloadLength, int version) {
        this.plan = plan;
        ModemParameters p = plan.p;
        format = new FrameFormat(payloadLength, version == FrameHeader.CONVOLUTIONAL_VERSION ? p.parityRatio() : 0);
        code = codeFor(p, version);
        payloadCodedBits = code.codedBits(format.codedLength() * 8);
        int codedCells = (payloadCodedBits + 1) / 2;
        repeats = version != FrameHeader.CONVOLUTIONAL_VERSION;
        dataSymbols = symbolsFor(plan, HEADER_CELLS + codedCells) + (repeats ? extraSymbols(p.profile()) : 0);
        payloadCells = repeats ? dataSymbols * plan.dataPerSymbol() - HEADER_CELLS : codedCells;
        payloadPermutation = permutation(2 * payloadCells, 0x9A71L + payloadLength);
    }

    /**
     * The payload code of a frame version: version 2 the profile's convolutional code (with
     * Reed-Solomon outside it), version 3 an 802.11n LDPC code of the profile's rate (no RS: the
     * LDPC code corrects what RS would, and the CRC-32 still guards the result). Rates: robust
     * and ultrasonic 1/2 (their SNR targets are 3 and 8 dB), fast 3/4 (12 dB, and its airtime
     * target leaves room for no lower rate).
     */
    static PayloadCode codeFor(ModemParameters p, int version) {
        if (version == FrameHeader.CONVOLUTIONAL_VERSION) return p.code();
        if (version != FrameHeader.VERSION) throw new IllegalArgumentException("unknown frame version " + version);
        return LdpcPayloadCode.of(switch (p.profile()) {
            case ROBUST, ULTRASONIC -> LdpcMatrix.RATE_1_2;
            case FAST -> LdpcMatrix.RATE_3_4;
        });
    }

    /**
     * Symbols of repeats added after the coded bits in version 3: robust's 201-byte token fits 14
     * data symbols (0.461 s) and its airtime target (0.5 s) has room for a 15th, worth 0.3 dB more
     * signal energy per bit at its 3 dB SNR target, where every tenth of a dB counts; fast and
     * ultrasonic have no room.
     */
    private static int extraSymbols(ModemProfile profile) {
        return profile == ModemProfile.ROBUST ? 1 : 0;
    }

    /**
     * Data-aided passes the receiver makes after a failed first pass: one for version 2, as
     * before version 3; up to three for version 3, each starting from the LDPC decoder's latest
     * bit decisions (robust, 3 dB babble in ModemCapacityBench's channel: 50 of 60 frames with
     * one pass, 52 with three; with the noise map from known cells, 57).
     */
    int dataAidedPasses() {
        return repeats ? 3 : 1;
    }

    /** The coded bit that sent bit {@code i} (past the coded bits, a repeat) carries. */
    private int sourceOf(int i) {
        if (i < payloadCodedBits) return i;
        long r = i - payloadCodedBits;
        return (int) (r * payloadCodedBits / (2L * payloadCells - payloadCodedBits));
    }

    /** Data symbols the header occupies (it is decoded as soon as they are heard). */
    static int headerSymbols(CarrierPlan plan) {
        return symbolsFor(plan, HEADER_CELLS);
    }

    private static int symbolsFor(CarrierPlan plan, int cells) {
        return (cells + plan.dataPerSymbol() - 1) / plan.dataPerSymbol();
    }

    /** Data symbol (1 = first after training) and band index of data cell {@code cell}. */
    int symbolOf(int cell) {
        return 1 + cell / plan.dataPerSymbol();
    }

    int carrierOf(int cell) {
        return plan.data[cell % plan.dataPerSymbol()];
    }

    /**
     * The QPSK value of every cell of the frame, data symbols only: {@code [symbol-1][c]} real and
     * imaginary parts, pilots included.
     */
    double[][][] cells(FrameHeader header, byte[] payload) {
        byte[] headerBits = headerCoded(header);
        byte[] payloadBits = code.encode(bits(format.encode(payload)));
        return cells(headerBits, payloadBits);
    }

    /** The header's coded bits, all copies. */
    static byte[] headerCoded(FrameHeader header) {
        byte[] once = FrameHeader.CODE.encode(bits(header.encode()));
        byte[] all = new byte[HEADER_COPIES * once.length];
        for (int r = 0; r < HEADER_COPIES; r++) System.arraycopy(once, 0, all, r * once.length, once.length);
        return all;
    }

    /** As {@link #cells(FrameHeader, byte[])} from already coded bits (the receiver's re-encoding). */
    double[][][] cells(byte[] headerCoded, byte[] payloadCoded) {
        double[][] re = new double[dataSymbols][plan.carriers];
        double[][] im = new double[dataSymbols][plan.carriers];
        byte[] stream = new byte[2 * (HEADER_CELLS + payloadCells)];
        place(headerCoded, HEADER_PERMUTATION, stream, 0);
        if (repeats) {
            for (int i = 0; i < payloadPermutation.length; i++) stream[2 * HEADER_CELLS + payloadPermutation[i]] = payloadCoded[sourceOf(i)];
        } else {
            place(payloadCoded, payloadPermutation, stream, 2 * HEADER_CELLS);
        }
        int total = dataSymbols * plan.dataPerSymbol();
        SplittableRandom padding = new SplittableRandom(0xFADL);
        for (int cell = 0; cell < total; cell++) {
            int s = symbolOf(cell) - 1, c = carrierOf(cell);
            boolean pad = cell >= HEADER_CELLS + payloadCells;
            int b0 = pad ? padding.nextInt(2) : stream[2 * cell];
            int b1 = pad ? padding.nextInt(2) : stream[2 * cell + 1];
            re[s][c] = b0 == 0 ? R : -R;
            im[s][c] = b1 == 0 ? R : -R;
        }
        for (int s = 0; s < dataSymbols; s++) {
            for (int c : plan.pilots) {
                re[s][c] = plan.pilotRe(s + 1, c);
                im[s][c] = plan.pilotIm(s + 1, c);
            }
        }
        return new double[][][] {re, im};
    }

    private static void place(byte[] coded, int[] permutation, byte[] stream, int offset) {
        // A code with an odd number of bits leaves the last cell's second bit 0.
        for (int i = 0; i < coded.length; i++) stream[offset + permutation[i]] = coded[i];
    }

    /** The header's soft bits from the per-cell LLR pairs {@code llr[2·cell + b]}. */
    static float[] headerSoft(float[] llr) {
        float[] soft = new float[FrameHeader.codedBits()];
        for (int r = 0; r < HEADER_COPIES; r++) {
            for (int i = 0; i < soft.length; i++) soft[i] += llr[HEADER_PERMUTATION[r * soft.length + i]];
        }
        return soft;
    }

    float[] payloadSoft(float[] llr) {
        float[] soft = new float[payloadCodedBits];
        int offset = 2 * HEADER_CELLS;
        for (int i = 0; i < soft.length; i++) soft[i] = llr[offset + payloadPermutation[i]];
        if (repeats) for (int i = soft.length; i < payloadPermutation.length; i++) soft[sourceOf(i)] += llr[offset + payloadPermutation[i]];
        return soft;
    }

    /** A fixed pseudo-random permutation of {@code 0..n-1}. */
    static int[] permutation(int n, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /** MSB-first bits of {@code bytes}, one per element. */
    static byte[] bits(byte[] bytes) {
        byte[] out = new byte[bytes.length * 8];
        for (int i = 0; i < out.length; i++) out[i] = (byte) ((bytes[i >>> 3] >>> (7 - (i & 7))) & 1);
        return out;
    }

    static byte[] bytes(byte[] bits) {
        byte[] out = new byte[bits.length / 8];
        for (int i = 0; i < bits.length; i++) if (bits[i] != 0) out[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        return out;
    }
}
