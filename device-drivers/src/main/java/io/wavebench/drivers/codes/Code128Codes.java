package io.wavebench.drivers.codes;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;

/**
 * Text as a Code 128 barcode (DESIGN §5.2: the 18-digit payment code). Any Code 128 text encodes,
 * so tests can show a wrong code; {@link BarcodeCheck} refuses it on the reading side.
 */
public final class Code128Codes {

    /** DESIGN §5.2: quiet zones of at least 10 modules each side. */
    public static final int QUIET_ZONE_MODULES = 10;

    private Code128Codes() {
    }

    public static CodeSymbol encode(String text) {
        boolean[] bars;
        try {
            bars = new Code128Writer().encode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot encode '" + text + "' as Code 128: " + e.getMessage(), e);
        }
        BitMatrix row = new BitMatrix(bars.length, 1);
        for (int i = 0; i < bars.length; i++) {
            if (bars[i]) row.set(i, 0);
        }
        return new CodeSymbol(CodeKind.CODE_128, row, QUIET_ZONE_MODULES, 0, text);
    }
}
