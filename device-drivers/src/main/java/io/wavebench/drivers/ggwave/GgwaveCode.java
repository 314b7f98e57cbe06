package io.wavebench.drivers.ggwave;

import com.google.zxing.common.reedsolomon.GenericGF;
import com.google.zxing.common.reedsolomon.ReedSolomonDecoder;
import com.google.zxing.common.reedsolomon.ReedSolomonEncoder;
import com.google.zxing.common.reedsolomon.ReedSolomonException;
import java.util.Optional;

/**
 * ggwave's variable-length byte stream and its Reed-Solomon code. ggwave sends, in this order:
 * the payload length as one byte with 2 RS check bytes of its own (so the receiver learns the
 * length before the payload), then the payload with {@link GgwaveProtocol#eccBytesFor} check
 * bytes. Its RS code (the mersinvald library it embeds) is GF(256) over x^8+x^4+x^3+x^2+1 (0x11D)
 * with generator roots α^0…α^(n-1), systematic, message first: the same code as ZXing's QR-code
 * field, so ZXing's coder is used (DESIGN §4) rather than a second one.
 */
public final class GgwaveCode {

    private static final GenericGF FIELD = GenericGF.QR_CODE_FIELD_256;
    private static final int LENGTH_ECC = GgwaveProtocol.LENGTH_BLOCK_BYTES - 1;

    /** A payload recovered from received bytes, with how many bytes RS had to correct. */
    public record Decoded(byte[] payload, int correctedBytes) {
    }

    private GgwaveCode() {
    }

    /** The whole stream: length block, payload, payload ECC. */
    public static byte[] encode(byte[] payload) {
        int n = payload.length;
        if (n < 1 || n > GgwaveProtocol.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("ggwave carries 1.." + GgwaveProtocol.MAX_PAYLOAD_BYTES + " bytes, not " + n);
        }
        int ecc = GgwaveProtocol.eccBytesFor(n);
        byte[] out = new byte[GgwaveProtocol.LENGTH_BLOCK_BYTES + n + ecc];
        int[] length = rsEncode(new int[] {n}, LENGTH_ECC);
        for (int i = 0; i < length.length; i++) out[i] = (byte) length[i];
        int[] data = new int[n];
        for (int i = 0; i < n; i++) data[i] = payload[i] & 0xFF;
        int[] coded = rsEncode(data, ecc);
        for (int i = 0; i < coded.length; i++) out[GgwaveProtocol.LENGTH_BLOCK_BYTES + i] = (byte) coded[i];
        return out;
    }

    /** RS-encodes {@code data} (values 0–255) and returns data followed by {@code ecc} check bytes. */
    static int[] rsEncode(int[] data, int ecc) {
        int[] word = new int[data.length + ecc];
        System.arraycopy(data, 0, word, 0, data.length);
        new ReedSolomonEncoder(FIELD).encode(word, ecc);
        return word;
    }

    /**
     * The payload length from the first three stream bytes, if they are an RS codeword (after at
     * most one corrected byte) for a length ggwave can send (1..140), as ggwave's receiver checks.
     */
    public static Optional<Integer> decodeLength(byte[] stream) {
        int[] word = new int[GgwaveProtocol.LENGTH_BLOCK_BYTES];
        for (int i = 0; i < word.length; i++) word[i] = stream[i] & 0xFF;
        if (!rsDecode(word, LENGTH_ECC)) return Optional.empty();
        int length = word[0];
        return length >= 1 && length <= GgwaveProtocol.MAX_PAYLOAD_BYTES ? Optional.of(length) : Optional.empty();
    }

    /** The payload of {@code length} bytes from the stream (length block included), if RS decodes it. */
    public static Optional<Decoded> decodePayload(byte[] stream, int length) {
        int ecc = GgwaveProtocol.eccBytesFor(length);
        int[] word = new int[length + ecc];
        if (stream.length < GgwaveProtocol.LENGTH_BLOCK_BYTES + word.length) return Optional.empty();
        for (int i = 0; i < word.length; i++) word[i] = stream[GgwaveProtocol.LENGTH_BLOCK_BYTES + i] & 0xFF;
        int[] received = word.clone();
        if (!rsDecode(word, ecc)) return Optional.empty();
        int corrected = 0;
        for (int i = 0; i < word.length; i++) if (word[i] != received[i]) corrected++;
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) payload[i] = (byte) word[i];
        return Optional.of(new Decoded(payload, corrected));
    }

    private static boolean rsDecode(int[] word, int ecc) {
        try {
            new ReedSolomonDecoder(FIELD).decode(word, ecc);
            return true;
        } catch (ReedSolomonException | RuntimeException e) {
            return false;
        }
    }
}
