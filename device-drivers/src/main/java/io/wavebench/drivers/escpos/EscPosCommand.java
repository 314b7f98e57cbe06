package io.wavebench.drivers.escpos;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One ESC/POS command as a kiosk sends it and a printer receives it: the subset a ticket needs.
 * Each record knows its own bytes ({@link #encode}); {@link EscPosParser} turns bytes back into
 * records, so writer → parser is a round trip. Byte values follow the Epson ESC/POS Application
 * Programming Guide / Command Reference (cited per record; domain notes §2.1).
 */
public sealed interface EscPosCommand {

    int HT = 0x09, LF = 0x0A, FF = 0x0C, CR = 0x0D, DLE = 0x10, EOT = 0x04, CAN = 0x18, ESC = 0x1B, FS = 0x1C, GS = 0x1D;

    /** Appends this command's bytes. */
    void encode(ByteArrayOutputStream out);

    default byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(out);
        return out.toByteArray();
    }

    /** ESC @ (1B 40): clears the print buffer and resets every mode to its power-on value. */
    record Initialize() implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, ESC, '@'); }
    }

    /** ESC t n (1B 74 n): the character code table for bytes 0x80..0xFF. */
    record SelectCodePage(CodePage codePage) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, ESC, 't', codePage.number()); }
    }

    /**
     * Printable bytes (0x20..0xFF) in the selected code page; they sit in the line buffer until a
     * line feed prints them. Never contains a control byte, so never a command.
     */
    record Text(byte[] data) implements EscPosCommand {
        public Text {
            data = data.clone();
            for (int i = 0; i < data.length; i++) {
                if (!isPrintable(data[i])) {
                    throw new IllegalArgumentException("text byte " + i + " is 0x" + HexFormat.of().toHexDigits(data[i])
                            + ", a control byte, not printable text");
                }
            }
        }

        @Override
        public byte[] data() { return data.clone(); }

        /** The text decoded with {@code codePage}. */
        public String decode(CodePage codePage) { return codePage.decode(data); }

        public void encode(ByteArrayOutputStream out) { out.writeBytes(data); }

        @Override
        public boolean equals(Object o) { return o instanceof Text t && Arrays.equals(data, t.data); }

        @Override
        public int hashCode() { return Arrays.hashCode(data); }

        @Override
        public String toString() { return "Text[" + decode(CodePage.PC437) + "]"; }
    }

    /** LF (0A): prints the line buffer and feeds one line (an empty buffer feeds a blank line). */
    record LineFeed() implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, LF); }
    }

    /** ESC d n (1B 64 n): prints the buffer and feeds n lines. */
    record FeedLines(int lines) implements EscPosCommand {
        public FeedLines { requireRange("ESC d lines", lines, 0, 255); }
        public void encode(ByteArrayOutputStream out) { put(out, ESC, 'd', lines); }
    }

    /** ESC E n (1B 45 n): emphasized (bold) on when the lowest bit of n is 1. */
    record Emphasis(boolean on) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, ESC, 'E', on ? 1 : 0); }
    }

    /**
     * GS ! n (1D 21 n): character size; bits 4-6 are width - 1, bits 0-2 height - 1 (1..8 each).
     */
    record CharacterSize(int width, int height) implements EscPosCommand {
        public CharacterSize {
            requireRange("character width", width, 1, 8);
            requireRange("character height", height, 1, 8);
        }
        public void encode(ByteArrayOutputStream out) { put(out, GS, '!', ((width - 1) << 4) | (height - 1)); }
    }

    /** ESC - n (1B 2D n): underline off (0), one dot (1) or two dots (2) thick. */
    record Underline(int dots) implements EscPosCommand {
        public Underline { requireRange("underline dots", dots, 0, 2); }
        public void encode(ByteArrayOutputStream out) { put(out, ESC, '-', dots); }
    }

    /** ESC a n (1B 61 n): justification of the lines that follow (only at the start of a line). */
    record Justify(Justification justification) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, ESC, 'a', justification.ordinal()); }
    }

    /**
     * GS ( k pL pH cn=49 fn=65 n1 n2 — QR Code "Function 165", select the model. Epson: n1 = 49
     * Model 1, 50 Model 2, 51 Micro QR; n2 = 0. (escpos-coffee sends 48/49 for "Model 1/Model 2",
     * off by one: its Model 2 selects Model 1, DESIGN §7.)
     */
    record QrModel(QrCodeModel model) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { qr(out, FN_MODEL, model.n1(), 0); }
    }

    /** QR Code "Function 167" (fn=67): module size in dots, 1..16 (Epson). */
    record QrModuleSize(int dots) implements EscPosCommand {
        public QrModuleSize { requireRange("QR module size", dots, 1, 16); }
        public void encode(ByteArrayOutputStream out) { qr(out, FN_MODULE_SIZE, dots); }
    }

    /** QR Code "Function 169" (fn=69): error correction level, n = 48..51 for L, M, Q, H. */
    record QrErrorCorrection(QrErrorLevel level) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { qr(out, FN_ERROR_CORRECTION, level.n()); }
    }

    /**
     * QR Code "Function 180" (fn=80): store d1..dk in the symbol storage area, m = 48;
     * pL + pH * 256 = k + 3, k = 1..7089 (Epson).
     */
    record QrStore(byte[] data) implements EscPosCommand {
        public static final int MAX_DATA = 7089;

        public QrStore {
            requireRange("QR data length", data.length, 1, MAX_DATA);
            data = data.clone();
        }

        @Override
        public byte[] data() { return data.clone(); }

        public void encode(ByteArrayOutputStream out) {
            int p = data.length + 3;
            put(out, GS, '(', 'k', p & 0xFF, p >> 8, QR_CN, FN_STORE, 48);
            out.writeBytes(data);
        }

        @Override
        public boolean equals(Object o) { return o instanceof QrStore s && Arrays.equals(data, s.data); }

        @Override
        public int hashCode() { return Arrays.hashCode(data); }

        @Override
        public String toString() { return "QrStore[" + data.length + " bytes]"; }
    }

    /** QR Code "Function 181" (fn=81): print the symbol in the storage area, m = 48. */
    record QrPrint() implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { qr(out, FN_PRINT, 48); }
    }

    /**
     * GS V m (Function A: m = 0/48 full, 1/49 partial) or GS V m n (Function B: m = 65 full,
     * 66 partial, feed n dots first then cut).
     */
    record Cut(CutMode mode, int feedDots) implements EscPosCommand {
        /** Function A: cut where the paper is. */
        public static final int NO_FEED = -1;

        public Cut {
            if (feedDots != NO_FEED) requireRange("cut feed dots", feedDots, 0, 255);
        }


        public void encode(ByteArrayOutputStream out) {
            if (feedDots == NO_FEED) put(out, GS, 'V', mode == CutMode.FULL ? 48 : 49);
            else put(out, GS, 'V', mode == CutMode.FULL ? 65 : 66, feedDots);
        }
    }

    /**
     * DLE EOT n (10 04 n): real-time status request, answered at once with one status byte even
     * while the printer is offline or out of paper (Epson: "real-time commands").
     */
    record StatusRequest(StatusKind kind) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, DLE, EOT, kind.n()); }
    }

    /**
     * GS r 1 (1D 72 01): transmit the paper sensor status. Unlike DLE EOT it is processed in turn,
     * after everything before it, so its answer tells the host the job before it was processed.
     */
    record PaperSensorRequest() implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, GS, 'r', 1); }
    }

    /**
     * CR (0D): Epson "print and carriage return". With automatic line feed off (the default, and
     * always on a serial interface's DIP switch setting for receipts) it moves nothing on paper;
     * encoders send it after LF out of habit.
     */
    record CarriageReturn() implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, CR); }
    }

    /** HT (09): horizontal tab, to the next tab position (every 8 characters at power-on, Epson ESC D). */
    record HorizontalTab() implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, HT); }
    }

    /** FF (0C): in standard mode prints the buffer and ends the page, as LF without the blank line (Epson "print and return to standard mode"). */
    record FormFeed() implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, FF); }
    }

    /**
     * ESC ! n (1B 21 n), "select print mode(s)": bit 0 Font B, bit 3 emphasized, bit 4 double
     * height, bit 5 double width, bit 7 underline; the other bits are undefined.
     */
    record PrintMode(boolean fontB, boolean emphasized, boolean doubleHeight, boolean doubleWidth, boolean underline)
            implements EscPosCommand {
        public static PrintMode of(int n) {
            return new PrintMode((n & 1) != 0, (n & 8) != 0, (n & 16) != 0, (n & 32) != 0, (n & 128) != 0);
        }
        public int n() {
            return (fontB ? 1 : 0) | (emphasized ? 8 : 0) | (doubleHeight ? 16 : 0) | (doubleWidth ? 32 : 0) | (underline ? 128 : 0);
        }
        public void encode(ByteArrayOutputStream out) { put(out, ESC, '!', n()); }
    }

    /** ESC G n (1B 47 n), "turn double-strike mode on/off": lowest bit of n; looks like emphasis on paper. */
    record DoubleStrike(boolean on) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, ESC, 'G', on ? 1 : 0); }
    }

    /** ESC M n (1B 4D n), "select character font": 0 Font A (12 x 24), 1 Font B (9 x 17), 2 Font C. */
    record SelectFont(int font) implements EscPosCommand {
        public SelectFont { requireRange("font", font, 0, 2); }
        public void encode(ByteArrayOutputStream out) { put(out, ESC, 'M', font); }
    }

    /** ESC J n (1B 4A n), "print and feed paper": prints the buffer, then feeds n motion units (a dot here). */
    record FeedDots(int dots) implements EscPosCommand {
        public FeedDots { requireRange("ESC J dots", dots, 0, 255); }
        public void encode(ByteArrayOutputStream out) { put(out, ESC, 'J', dots); }
    }

    /** ESC 2 (1B 32), "select default line spacing" (1/6 inch), or ESC 3 n (1B 33 n), "set line spacing" to n motion units. */
    record LineSpacing(int dots) implements EscPosCommand {
        /** ESC 2: the default spacing. */
        public static final int DEFAULT = -1;

        public LineSpacing {
            if (dots != DEFAULT) requireRange("ESC 3 line spacing", dots, 0, 255);
        }

        public void encode(ByteArrayOutputStream out) {
            if (dots == DEFAULT) put(out, ESC, '2');
            else put(out, ESC, '3', dots);
        }
    }

    /** ESC R n (1B 52 n), "select an international character set": which glyphs 0x23..0x7E's national variants show. */
    record InternationalCharacterSet(int n) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, ESC, 'R', n); }
    }

    /** ESC { n (1B 7B n), "turn upside-down print mode on/off" (lowest bit; only at the start of a line). */
    record UpsideDown(boolean on) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, ESC, '{', on ? 1 : 0); }
    }

    /** ESC V n (1B 56 n), "turn 90° clockwise rotation mode on/off": 0 off, 1 on, 2 on with 1.5-dot spacing. */
    record Rotation(int mode) implements EscPosCommand {
        public Rotation { requireRange("ESC V rotation", mode, 0, 2); }
        public void encode(ByteArrayOutputStream out) { put(out, ESC, 'V', mode); }
    }

    /** GS B n (1D 42 n), "turn white/black reverse print mode on/off" (lowest bit). */
    record Reverse(boolean on) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, GS, 'B', on ? 1 : 0); }
    }

    /** GS L nL nH (1D 4C), "set left margin" in motion units (a dot here); only at the start of a line. */
    record LeftMargin(int dots) implements EscPosCommand {
        public LeftMargin { requireRange("GS L left margin", dots, 0, 65535); }
        public void encode(ByteArrayOutputStream out) { put(out, GS, 'L', dots & 0xFF, dots >> 8); }
    }

    /** GS W nL nH (1D 57), "set print area width" in motion units (a dot here); only at the start of a line. */
    record PrintAreaWidth(int dots) implements EscPosCommand {
        public PrintAreaWidth { requireRange("GS W print area width", dots, 0, 65535); }
        public void encode(ByteArrayOutputStream out) { put(out, GS, 'W', dots & 0xFF, dots >> 8); }
    }

    /** GS h n (1D 68 n), "set bar code height": n dots, 1..255 (Epson default 162). */
    record BarcodeHeight(int dots) implements EscPosCommand {
        public BarcodeHeight { requireRange("GS h bar code height", dots, 1, 255); }
        public void encode(ByteArrayOutputStream out) { put(out, GS, 'h', dots); }
    }

    /** GS w n (1D 77 n), "set bar code width": the narrowest module in dots, 1..6 (Epson default 3). */
    record BarcodeModuleWidth(int dots) implements EscPosCommand {
        public BarcodeModuleWidth { requireRange("GS w bar code module width", dots, 1, 6); }
        public void encode(ByteArrayOutputStream out) { put(out, GS, 'w', dots); }
    }

    /** GS H n (1D 48 n), "select print position of HRI characters": 0 none, 1 above, 2 below, 3 both. */
    record HriPosition(int position) implements EscPosCommand {
        public HriPosition { requireRange("GS H HRI position", position, 0, 3); }
        public void encode(ByteArrayOutputStream out) { put(out, GS, 'H', position); }
    }

    /** GS f n (1D 66 n), "select font for HRI characters": 0 Font A, 1 Font B, 2.. other fonts. */
    record HriFont(int font) implements EscPosCommand {
        public HriFont { requireRange("GS f HRI font", font, 0, 4); }
        public void encode(ByteArrayOutputStream out) { put(out, GS, 'f', font); }
    }

    /**
     * GS k, "print bar code". Function A (m = 0..6): GS k m d1..dk NUL; Function B (m = 65..79):
     * GS k m n d1..dn. The symbology is the same for m and m + 65 (UPC-A, UPC-E, EAN-13, EAN-8,
     * CODE39, ITF, CODABAR), and only function B has CODE93 (72), CODE128 (73), GS1-128 (74),
     * GS1 DataBar (75..78) and CODE128 auto (79).
     */
    record Barcode(int m, byte[] data) implements EscPosCommand {
        public Barcode {
            if (!(m >= 0 && m <= 6 || m >= 65 && m <= 79)) throw new IllegalArgumentException("GS k m must be 0..6 or 65..79, got " + m);
            requireRange("bar code data length", data.length, m <= 6 ? 0 : 1, 255);
            data = data.clone();
        }

        @Override
        public byte[] data() { return data.clone(); }

        /** The symbology, whichever function named it. */
        public BarcodeSymbology symbology() { return BarcodeSymbology.byM(m); }

        public void encode(ByteArrayOutputStream out) {
            if (m <= 6) {
                put(out, GS, 'k', m);
                out.writeBytes(data);
                out.write(0);
            } else {
                put(out, GS, 'k', m, data.length);
                out.writeBytes(data);
            }
        }

        @Override
        public boolean equals(Object o) { return o instanceof Barcode b && m == b.m && Arrays.equals(data, b.data); }

        @Override
        public int hashCode() { return Arrays.hashCode(data) * 31 + m; }

        @Override
        public String toString() { return "Barcode[" + symbology() + " " + new String(data, java.nio.charset.StandardCharsets.ISO_8859_1) + "]"; }
    }

    /**
     * GS v 0 m xL xH yL yH d1..dk (1D 76 30), "print raster bit image": x bytes a row (8 dots each,
     * most significant bit leftmost, 1 = black), y rows; m 0 normal, 1 double width, 2 double
     * height, 3 both.
     */
    record RasterImage(int mode, int widthBytes, int heightDots, byte[] data) implements EscPosCommand {
        public RasterImage {
            requireRange("GS v 0 mode", mode, 0, 3);
            requireRange("GS v 0 width in bytes", widthBytes, 1, 65535);
            requireRange("GS v 0 height in dots", heightDots, 1, 65535);
            if (data.length != widthBytes * heightDots) {
                throw new IllegalArgumentException("GS v 0 data is " + data.length + " bytes, not " + widthBytes + " x " + heightDots);
            }
            data = data.clone();
        }

        @Override
        public byte[] data() { return data.clone(); }

        /** Whether the dot at (x, y) of the image, before any magnification, is black. */
        public boolean black(int x, int y) {
            return (data[y * widthBytes + x / 8] & (0x80 >> (x % 8))) != 0;
        }

        public void encode(ByteArrayOutputStream out) {
            put(out, GS, 'v', '0', mode, widthBytes & 0xFF, widthBytes >> 8, heightDots & 0xFF, heightDots >> 8);
            out.writeBytes(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RasterImage r && mode == r.mode && widthBytes == r.widthBytes && heightDots == r.heightDots && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() { return Arrays.hashCode(data) * 31 + widthBytes; }

        @Override
        public String toString() { return "RasterImage[" + widthBytes * 8 + "x" + heightDots + " dots, mode " + mode + "]"; }
    }

    /** FS & (1C 26) "select Kanji character mode", FS . (1C 2E) "cancel Kanji character mode". */
    record KanjiMode(boolean on) implements EscPosCommand {
        public void encode(ByteArrayOutputStream out) { put(out, FS, on ? '&' : '.'); }
    }

    /**
     * An Epson command the printer knows the length of but does not act on (a drawer pulse, a
     * beeper, page mode, NV graphics...): skipped whole, parameters and data included, so none of
     * its bytes becomes text or a control byte. {@code name} names the command kind ("ESC p
     * (generate pulse)"); a printer reports each kind once per job.
     */
    record Unrecognized(String name, byte[] bytes) implements EscPosCommand {
        public Unrecognized {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() { return bytes.clone(); }

        public void encode(ByteArrayOutputStream out) { out.writeBytes(bytes); }

        @Override
        public boolean equals(Object o) { return o instanceof Unrecognized u && name.equals(u.name) && Arrays.equals(bytes, u.bytes); }

        @Override
        public int hashCode() { return Arrays.hashCode(bytes) * 31 + name.hashCode(); }

        @Override
        public String toString() { return "Unrecognized[" + name + ", " + bytes.length + " bytes]"; }
    }

    // ---- shared helpers -------------------------------------------------------------------------

    /** GS ( k: cn = 49 selects the QR Code symbol functions. */
    int QR_CN = 49;
    int FN_MODEL = 65, FN_MODULE_SIZE = 67, FN_ERROR_CORRECTION = 69, FN_STORE = 80, FN_PRINT = 81;

    static boolean isPrintable(byte b) {
        return (b & 0xFF) >= 0x20;
    }

    private static void qr(ByteArrayOutputStream out, int fn, int... params) {
        int p = params.length + 2; // cn + fn + params
        put(out, GS, '(', 'k', p, 0, QR_CN, fn);
        for (int v : params) out.write(v);
    }

    private static void put(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) out.write(b);
    }

    private static void requireRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got " + value);
        }
    }
}
