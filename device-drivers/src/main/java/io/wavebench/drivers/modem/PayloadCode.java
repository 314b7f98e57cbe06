package io.wavebench.drivers.modem;

/**
 * The inner error-correcting code of a frame's payload (DESIGN §4, "payload with FEC"): bits in,
 * more bits out, and back from one soft value per coded bit. The frame version in the header says
 * which code a frame used ({@link FrameLayout#codeFor}), so the receiver rebuilds it from the
 * header as it does the layout.
 *
 * <p>Log-likelihood ratios are positive for a 0 bit.
 */
interface PayloadCode {

    /** Coded bits on the air for a message of {@code messageBits}. */
    int codedBits(int messageBits);

    /** Encodes {@code bits} (0/1 values); returns {@link #codedBits} coded bits. */
    byte[] encode(byte[] bits);

    /**
     * The best guess at the message of {@code messageBits} bits given one log-likelihood per coded
     * bit. Always returns a guess; the frame's CRC-32 decides whether it is believed.
     */
    byte[] decode(float[] llr, int messageBits);

    /**
     * The message as {@link #decode}, and the decoder's decision on every coded bit, which a
     * data-aided pass takes as known cells. A code whose decoder always ends on a codeword (Viterbi)
     * gives the message re-encoded; one that may stop short of a codeword (LDPC) gives its own
     * bit-by-bit decision, which is mostly right where re-encoding a message with a few wrong bits
     * would spoil half the parity.
     */
    default Decision decide(float[] llr, int messageBits) {
        byte[] message = decode(llr, messageBits);
        return new Decision(message, encode(message));
    }

    /**
     * Whether {@link #decide}'s coded bits are always a codeword. A Viterbi decoder's failed
     * decision is a nearby codeword, mostly right; an LDPC decoder's below its threshold is no
     * better than the channel's own hard decisions (belief propagation there corrects nothing),
     * so what starts from it (the echo canceller) must expect to need more rounds.
     */
    default boolean decidesCodewords() {
        return true;
    }

    record Decision(byte[] message, byte[] coded) {
    }
}
