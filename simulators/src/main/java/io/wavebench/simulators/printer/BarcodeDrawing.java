package io.wavebench.simulators.printer;

import com.google.zxing.oned.CodaBarWriter;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.Code39Writer;
import com.google.zxing.oned.Code93Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.oned.EAN8Writer;
import com.google.zxing.oned.ITFWriter;
import com.google.zxing.oned.UPCEWriter;
import io.wavebench.drivers.escpos.BarcodeSymbology;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bars of a GS k bar code, as a printer draws them: ZXing's one-dimensional writers make the
 * module pattern from the data as the Epson command gives it (CODE128 with its code set
 * selectors, GS1-128 with its FNC1). GS1 DataBar has no writer: it is not drawn.
 */
final class BarcodeDrawing {

    /** ZXing's Code128Writer escapes for FNC1..FNC4. */
    private static final char[] FNC = {'\u00f1', '\u00f2', '\u00f3', '\u00f4'};

    private BarcodeDrawing() {
    }

    /** What a scanner reads from GS k data: CODE128's "{A", "{B", "{C", "{S", "{1".."{4" taken out, "{{" as "{", code set C bytes as two digits each. */
    static String text(BarcodeSymbology symbology, byte[] data) {
        String contents = content(symbology, data, false);
        return symbology == BarcodeSymbology.CODE39 ? stripStars(contents) : contents;
    }

    /** The module pattern, true for a bar, or empty when ZXing cannot draw this symbology or data. */
    static Optional<boolean[]> modules(BarcodeSymbology symbology, byte[] data) {
        String plain = new String(data, StandardCharsets.ISO_8859_1);
        try {
            return Optional.ofNullable(switch (symbology) {
                case UPC_A -> new EAN13Writer().encode("0" + plain);
                case UPC_E -> new UPCEWriter().encode(plain);
                case EAN13 -> new EAN13Writer().encode(plain);
                case EAN8 -> new EAN8Writer().encode(plain);
                case CODE39 -> new Code39Writer().encode(stripStars(plain));
                case ITF -> new ITFWriter().encode(plain);
                case CODABAR -> new CodaBarWriter().encode(plain);
                case CODE93 -> new Code93Writer().encode(plain);
                case CODE128, CODE128_AUTO -> new Code128Writer().encode(content(symbology, data, true));
                case GS1_128 -> new Code128Writer().encode(FNC[0] + content(symbology, data, true));
                default -> null;
            });
        } catch (RuntimeException e) {
            return Optional.empty(); // data the symbology cannot hold (ZXing refuses it): a printer prints nothing either
        }
    }

    /**
     * Epson CODE128 data (GS k 73): "{A"/"{B"/"{C" select a code set, "{S" shifts, "{1".."{4" are
     * FNC1..FNC4, "{{" is "{"; in code set C each byte is a value 0..99 standing for two digits.
     */
    private static String content(BarcodeSymbology symbology, byte[] data, boolean withFnc) {
        if (symbology != BarcodeSymbology.CODE128) return new String(data, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        char set = 'B';
        for (int i = 0; i < data.length; i++) {
            int b = data[i] & 0xFF;
            if (b == '{' && i + 1 < data.length) {
                int c = data[++i] & 0xFF;
                switch (c) {
                    case 'A', 'B', 'C' -> set = (char) c;
                    case '1', '2', '3', '4' -> {
                        if (withFnc) out.append(FNC[c - '1']);
                    }
                    case '{' -> out.append('{');
                    default -> { } // "{S" shift: the next character is read in the other set, as text it is itself
                }
            } else if (set == 'C') {
                out.append(String.format("%02d", b));
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    private static String stripStars(String s) {
        return s.length() >= 2 && s.startsWith("*") && s.endsWith("*") ? s.substring(1, s.length() - 1) : s;
    }
}
