package io.wavebench.drivers.modem;

/**
 * Frame version 3's payload code (DESIGN §4, "payload with FEC"): the message cut into as few
 * shortened IEEE 802.11n LDPC codewords ({@link QcLdpcCode}) of one rate as fit it, each decoded
 * by layered min-sum. Of the three 802.11n lengths (648, 1296, 1944 bits) the one that sends the
 * fewest bits is used, the longest of those on a tie (a longer code corrects more): 1640 message
 * bits at rate 1/2 go as two 1944-bit codewords shortened to 820 + 972 bits, a 5-byte message as
 * one 648-bit codeword shortened to 40 + 324.
 *
 * <p>On the air each codeword is its message bits then its parity; the frame's bit interleaver
 * spreads them over carriers and symbols.
 */
final class LdpcPayloadCode implements PayloadCode {

    /** Enough for the layered decoder to converge at the SNRs the profiles work at; most frames stop far earlier. */
    static final int MAX_ITERATIONS = 50;

    private static final java.util.Map<LdpcMatrix, LdpcPayloadCode> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    private final LdpcMatrix matrix;
    private final int maxIterations;
    private final QcLdpcCode[] codes = new QcLdpcCode[LdpcMatrix.LIFTINGS.length];

    /** One shared instance per rate: the lifted codes (and their parity inverses) are built once. */
    static LdpcPayloadCode of(LdpcMatrix matrix) {
        return SHARED.computeIfAbsent(matrix, LdpcPayloadCode::new);
    }

    LdpcPayloadCode(LdpcMatrix matrix) {
        this(matrix, MAX_ITERATIONS);
    }

    LdpcPayloadCode(LdpcMatrix matrix, int maxIterations) {
        this.matrix = matrix;
        this.maxIterations = maxIterations;
    }

    /** The lifted code and how many codewords carry {@code messageBits}. */
    record Plan(QcLdpcCode code, int codewords) {
        int messageBitsOf(int codeword, int messageBits) {
            return messageBits / codewords + (codeword < messageBits % codewords ? 1 : 0);
        }
    }

    Plan plan(int messageBits) {
        if (messageBits < 1) throw new IllegalArgumentException("empty message");
        int best = -1, bestCoded = Integer.MAX_VALUE, bestCount = 0;
        for (int i = 0; i < LdpcMatrix.LIFTINGS.length; i++) {
            int z = LdpcMatrix.LIFTINGS[i];
            int k = (LdpcMatrix.COLUMNS - matrix.rows()) * z;
            int count = (messageBits + k - 1) / k;
            int coded = messageBits + count * matrix.rows() * z;
            if (coded <= bestCoded) { // <=: the longer lifting wins a tie
                best = i;
                bestCoded = coded;
                bestCount = count;
            }
        }
        return new Plan(code(best), bestCount);
    }

    private synchronized QcLdpcCode code(int lifting) {
        if (codes[lifting] == null) codes[lifting] = new QcLdpcCode(matrix, LdpcMatrix.LIFTINGS[lifting]);
        return codes[lifting];
    }

    @Override
    public int codedBits(int messageBits) {
        Plan plan = plan(messageBits);
        return messageBits + plan.codewords() * plan.code().m;
    }

    @Override
    public byte[] encode(byte[] bits) {
        Plan plan = plan(bits.length);
        QcLdpcCode code = plan.code();
        byte[] out = new byte[codedBits(bits.length)];
        int in = 0, at = 0;
        for (int w = 0; w < plan.codewords(); w++) {
            int length = plan.messageBitsOf(w, bits.length);
            byte[] message = new byte[length];
            System.arraycopy(bits, in, message, 0, length);
            byte[] word = code.encode(message);
            System.arraycopy(word, 0, out, at, length);
            System.arraycopy(word, code.k, out, at + length, code.m);
            in += length;
            at += length + code.m;
        }
        return out;
    }

    @Override
    public byte[] decode(float[] llr, int messageBits) {
        return decide(llr, messageBits).message();
    }

    @Override
    public Decision decide(float[] llr, int messageBits) {
        if (llr.length != codedBits(messageBits)) {
            throw new IllegalArgumentException("expected " + codedBits(messageBits) + " soft bits, got " + llr.length);
        }
        Plan plan = plan(messageBits);
        QcLdpcCode code = plan.code();
        byte[] bits = new byte[messageBits];
        byte[] coded = new byte[llr.length];
        int out = 0, at = 0;
        for (int w = 0; w < plan.codewords(); w++) {
            int length = plan.messageBitsOf(w, messageBits);
            float[] soft = new float[length + code.m];
            System.arraycopy(llr, at, soft, 0, soft.length);
            QcLdpcCode.Result r = code.decode(soft, length, maxIterations);
            System.arraycopy(r.word(), 0, bits, out, length);
            System.arraycopy(r.word(), 0, coded, at, length);
            System.arraycopy(r.word(), code.k, coded, at + length, code.m);
            out += length;
            at += soft.length;
        }
        return new Decision(bits, coded);
    }

    /** A decoding stopped short of a codeword leaves its last bit-by-bit decision. */
    @Override
    public boolean decidesCodewords() {
        return false;
    }

    @Override
    public String toString() {
        return "802.11n LDPC " + matrix;
    }
}
