package io.wavebench.drivers.codes;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Binary payloads (the offline token, a ticket) as QR codes (DESIGN §5.1, §5.2, §5.5). */
public final class QrCodes {

    /** DESIGN §5.2: version 1 fails under tilt, so no payment code is smaller than version 2. */
    public static final int MIN_VERSION = 2;
    /** The QR standard's quiet zone. */
    public static final int QUIET_ZONE_MODULES = 4;

    private QrCodes() {
    }

    /** Byte mode at error-correction level M. */
    public static CodeSymbol encode(byte[] payload) {
        return encode(payload, ErrorCorrectionLevel.M);
    }

    public static CodeSymbol encode(byte[] payload, ErrorCorrectionLevel level) {
        // ISO-8859-1 maps each byte to one char and back; with no charset hint ZXing adds no ECI.
        String content = new String(payload, StandardCharsets.ISO_8859_1);
        try {
            QRCode code = Encoder.encode(content, level);
            if (code.getVersion().getVersionNumber() < MIN_VERSION) {
                code = Encoder.encode(content, level, Map.of(EncodeHintType.QR_VERSION, MIN_VERSION));
            }
            return new CodeSymbol(CodeKind.QR_CODE, toBitMatrix(code.getMatrix()), QUIET_ZONE_MODULES,
                    code.getVersion().getVersionNumber(), payload.length + " bytes, level " + level + ", " + code.getMode());
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + payload.length + " bytes as a QR code at level " + level + ": " + e.getMessage(), e);
        }
    }

    private static BitMatrix toBitMatrix(ByteMatrix matrix) {
        BitMatrix bits = new BitMatrix(matrix.getWidth(), matrix.getHeight());
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) bits.set(x, y);
            }
        }
        return bits;
    }
}
