package io.wavebench.drivers.modem;

/**
 * The header in the first data cells after the training symbol (DESIGN §4: "version, profile,
 * length, protected on its own"): {@code version u8 | profile u8 | payloadLength u16 | CRC-16}
 * (CCITT, over the four bytes), coded on its own with the rate-1/3 convolutional code and its own
 * bit interleaver. A header that fails its CRC or names another version, another profile or a
 * length out of range is rejected, never believed: believing one would make the receiver wait for
 * a frame that is not there. A noise word passes the CRC and the field checks with odds of about
 * 1 in 5·10^6 (2^-16 for the CRC, then two known versions, profile and length); the payload's
 * CRC-32 is the last line behind it. The header's own code is the same in every version, so the
 * receiver learns from it which payload code follows.
 */
public record FrameHeader(int version, ModemProfile profile, int payloadLength) {

    /** What a transmitter sends: the payload under an LDPC code ({@link LdpcPayloadCode}), no Reed-Solomon. */
    public static final int VERSION = 3;
    /** Still received: the payload under a convolutional code and Reed-Solomon ({@link ConvolutionalCode}). */
    public static final int CONVOLUTIONAL_VERSION = 2;
    static final int DATA_BYTES = 4;
    static final int CRC_BYTES = 2;
    public static final int ENCODED_BYTES = DATA_BYTES + CRC_BYTES;
    static final int BITS = 8 * ENCODED_BYTES;
    static final ConvolutionalCode CODE = ConvolutionalCode.RATE_1_3;

    public FrameHeader {
        if (payloadLength < 1 || payloadLength > FrameFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload length " + payloadLength + " is outside 1.." + FrameFormat.MAX_PAYLOAD);
        }
    }

    /** Coded bits the header occupies on the air. */
    static int codedBits() {
        return CODE.codedBits(BITS);
    }

    byte[] encode() {
        byte[] out = new byte[ENCODED_BYTES];
        out[0] = (byte) version;
        out[1] = (byte) profile.ordinal();
        out[2] = (byte) (payloadLength >>> 8);
        out[3] = (byte) payloadLength;
        int crc = crc16(out, DATA_BYTES);
        out[4] = (byte) (crc >>> 8);
        out[5] = (byte) crc;
        return out;
    }

    /** The header in {@code bytes[0..6)}, or null if its CRC fails or it does not make sense for {@code expected}. */
    static FrameHeader decode(byte[] bytes, ModemProfile expected) {
        int crc = ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF);
        if (crc16(bytes, DATA_BYTES) != crc) return null;
        int length = ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        int version = bytes[0];
        if ((version != VERSION && version != CONVOLUTIONAL_VERSION) || bytes[1] != expected.ordinal()
                || length < 1 || length > FrameFormat.MAX_PAYLOAD) return null;
        return new FrameHeader(version, expected, length);
    }

    /** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF). */
    static int crc16(byte[] bytes, int length) {
        int crc = 0xFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= (bytes[i] & 0xFF) << 8;
            for (int b = 0; b < 8; b++) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
        }
        return crc;
    }
}
