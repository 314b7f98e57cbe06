package io.wavebench.simulators.token;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two short frames of two-way mode (DESIGN §5.1), carried by the same acoustic modem as
 * tokens, each way on its own air: the phone's {@code HELLO} (one byte, 0x10: "sound me a
 * challenge") to the reader, and the reader's {@code CHALLENGE} (0x11 then the 8 challenge bytes)
 * back to the phone. Their first bytes are outside the token types (0x01, 0x02), so a reader
 * tells a hello from a token by its first byte and exact length.
 */
public final class ChallengeFrames {

    public static final int HELLO_TYPE = 0x10;
    public static final int CHALLENGE_TYPE = 0x11;

    private ChallengeFrames() {}

    public static byte[] hello() {
        return new byte[] {HELLO_TYPE};
    }

    public static boolean isHello(byte[] frame) {
        return frame.length == 1 && Byte.toUnsignedInt(frame[0]) == HELLO_TYPE;
    }

    public static byte[] challenge(byte[] challenge) {
        if (challenge.length != PaymentToken.CHALLENGE_BYTES) throw new IllegalArgumentException("a challenge is " + PaymentToken.CHALLENGE_BYTES + " bytes, got " + challenge.length);
        byte[] frame = new byte[1 + challenge.length];
        frame[0] = (byte) CHALLENGE_TYPE;
        System.arraycopy(challenge, 0, frame, 1, challenge.length);
        return frame;
    }

    /** The challenge a frame carries, if it is exactly a CHALLENGE frame. */
    public static Optional<byte[]> challengeOf(byte[] frame) {
        if (frame.length != 1 + PaymentToken.CHALLENGE_BYTES || Byte.toUnsignedInt(frame[0]) != CHALLENGE_TYPE) return Optional.empty();
        return Optional.of(Arrays.copyOfRange(frame, 1, frame.length));
    }
}
