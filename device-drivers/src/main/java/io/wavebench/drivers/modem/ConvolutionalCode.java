package io.wavebench.drivers.modem;

import java.util.Arrays;

/**
 * The inner code of a frame (DESIGN §4, "payload with FEC"): a constraint-length-7 convolutional
 * code, decoded by a soft-decision Viterbi decoder (rate 1/2, 1/3 or 1/4 mother codes; the fast
 * profile's airtime fits rate 1/2, so no puncturing is needed). Soft decisions are where OFDM's per-carrier
 * SNR pays: a bit carried by a carrier drowned in babble gets a small weight instead of a wrong
 * vote.
 *
 * <p>Every message is followed by six zero tail bits, so the encoder ends in state 0 and the
 * decoder traces back from there.
 *
 * <p>Log-likelihood ratios are positive for a 0 bit. Frame version 2's payload code; version 3
 * uses {@link LdpcPayloadCode}.
 */
enum ConvolutionalCode implements PayloadCode {
    /** NASA/802.11 (171, 133), free distance 10. */
    RATE_1_2(0171, 0133),
    /** (133, 171, 165) as in LTE, free distance 15. */
    RATE_1_3(0133, 0171, 0165),
    /** (117, 127, 155, 171), free distance 20. */
    RATE_1_4(0117, 0127, 0155, 0171);

    static final int CONSTRAINT = 7;
    static final int TAIL = CONSTRAINT - 1;
    private static final int STATES = 1 << TAIL;

    private final int[] generators;
    /** outputs[state * 2 + bit]: the coded bits (LSB = first generator) leaving state on input bit. */
    private final int[] outputs = new int[2 * STATES];

    ConvolutionalCode(int... generators) {
        this.generators = generators;
        for (int state = 0; state < STATES; state++) {
            for (int bit = 0; bit < 2; bit++) {
                int register = (bit << TAIL) | state;
                int out = 0;
                for (int g = 0; g < generators.length; g++) out |= (Integer.bitCount(register & generators[g]) & 1) << g;
                outputs[state * 2 + bit] = out;
            }
        }
    }

    /** Coded bits for a message of {@code messageBits} (tail included). */
    @Override
    public int codedBits(int messageBits) {
        return (messageBits + TAIL) * generators.length;
    }

    /** Encodes {@code bits} (0/1 values) and its tail; returns {@link #codedBits} coded bits. */
    @Override
    public byte[] encode(byte[] bits) {
        int n = generators.length;
        byte[] out = new byte[codedBits(bits.length)];
        int state = 0, j = 0;
        for (int t = 0; t < bits.length + TAIL; t++) {
            int bit = t < bits.length ? bits[t] : 0;
            int coded = outputs[state * 2 + bit];
            state = ((bit << TAIL) | state) >>> 1;
            for (int g = 0; g < n; g++) out[j++] = (byte) ((coded >>> g) & 1);
        }
        return out;
    }

    /**
     * The most likely message of {@code messageBits} bits given one log-likelihood per coded bit
     * (max-log soft Viterbi: path metric = sum of ±LLR, larger is better).
     */
    @Override
    public byte[] decode(float[] llr, int messageBits) {
        int n = generators.length;
        int steps = messageBits + TAIL;
        if (llr.length != codedBits(messageBits)) {
            throw new IllegalArgumentException("expected " + codedBits(messageBits) + " soft bits, got " + llr.length);
        }
        float[] soft = llr;
        float[] metric = new float[STATES];
        float[] next = new float[STATES];
        Arrays.fill(metric, Float.NEGATIVE_INFINITY);
        metric[0] = 0;
        long[] decisions = new long[steps];
        float[] branch = new float[1 << n];
        for (int t = 0; t < steps; t++) {
            // The metric of every possible coded word at this step.
            for (int word = 0; word < branch.length; word++) {
                float m = 0;
                for (int g = 0; g < n; g++) {
                    float l = soft[t * n + g];
                    m += ((word >>> g) & 1) == 0 ? l : -l;
                }
                branch[word] = m;
            }
            long chosen = 0;
            // State s' = (bit << 5) | (s >> 1): predecessors of s' are s = ((s' << 1) & 63) | {0, 1}.
            for (int ns = 0; ns < STATES; ns++) {
                int bit = ns >>> (TAIL - 1);
                int p0 = (ns << 1) & (STATES - 1);
                int p1 = p0 | 1;
                float m0 = metric[p0] + branch[outputs[p0 * 2 + bit]];
                float m1 = metric[p1] + branch[outputs[p1 * 2 + bit]];
                if (m1 > m0) {
                    next[ns] = m1;
                    chosen |= 1L << ns;
                } else {
                    next[ns] = m0;
                }
            }
            decisions[t] = chosen;
            float[] swap = metric;
            metric = next;
            next = swap;
            // Keep the metrics bounded over long frames.
            float top = metric[0];
            for (int s = 1; s < STATES; s++) top = Math.max(top, metric[s]);
            if (top > 1e4f) for (int s = 0; s < STATES; s++) metric[s] -= top;
        }
        byte[] bits = new byte[messageBits];
        int state = 0; // the tail drove the encoder home
        for (int t = steps - 1; t >= 0; t--) {
            int bit = state >>> (TAIL - 1);
            if (t < messageBits) bits[t] = (byte) bit;
            int predecessor = ((state << 1) & (STATES - 1)) | (int) ((decisions[t] >>> state) & 1);
            state = predecessor;
        }
        return bits;
    }
}
