package io.wavebench.drivers.modem;

import com.google.zxing.common.reedsolomon.GenericGF;
import com.google.zxing.common.reedsolomon.ReedSolomonDecoder;
import com.google.zxing.common.reedsolomon.ReedSolomonEncoder;
import com.google.zxing.common.reedsolomon.ReedSolomonException;

/**
 * The header after the preamble (DESIGN §4: "version, profile, length, protected on its own"):
 * {@code version u8 | profile u8 | payloadLength u16}, followed by 8 Reed-Solomon parity bytes
 * of its own. RS(12, 4) corrects any 4 bad bytes; beyond that, a noise word lands within reach of
 * a codeword with odds below 1e-15, and the fields are then checked too (known version, the
 * receiver's profile, a length in range). A bad header is rejected, never believed: believing one
 * would make the receiver wait for a frame that is not there.
 */
public record FrameHeader(int version, ModemProfile profile, int payloadLength) {

    public static final int VERSION = 1;
    static final int DATA_BYTES = 4;
    static final int PARITY_BYTES = 8;
    public static final int ENCODED_BYTES = DATA_BYTES + PARITY_BYTES;

    public FrameHeader {
        if (payloadLength < 1 || payloadLength > FrameFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload length " + payloadLength + " is outside 1.." + FrameFormat.MAX_PAYLOAD);
        }
    }

    byte[] encode() {
        int[] word = new int[ENCODED_BYTES];
        word[0] = version;
        word[1] = profile.ordinal();
        word[2] = payloadLength >>> 8;
        word[3] = payloadLength & 0xFF;
        new ReedSolomonEncoder(GenericGF.QR_CODE_FIELD_256).encode(word, PARITY_BYTES);
        byte[] out = new byte[ENCODED_BYTES];
        for (int i = 0; i < ENCODED_BYTES; i++) out[i] = (byte) word[i];
        return out;
    }

    /** The header in {@code bytes[0..12)}, or null if it does not decode or does not make sense for {@code expected}. */
    static FrameHeader decode(byte[] bytes, ModemProfile expected) {
        int[] word = new int[ENCODED_BYTES];
        for (int i = 0; i < ENCODED_BYTES; i++) word[i] = bytes[i] & 0xFF;
        try {
            new ReedSolomonDecoder(GenericGF.QR_CODE_FIELD_256).decode(word, PARITY_BYTES);
        } catch (ReedSolomonException | RuntimeException e) {
            return null;
        }
        int length = (word[2] << 8) | word[3];
        if (word[0] != VERSION || word[1] != expected.ordinal() || length < 1 || length > FrameFormat.MAX_PAYLOAD) return null;
        return new FrameHeader(VERSION, expected, length);
    }
}
