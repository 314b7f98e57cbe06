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

    int LF = 0x0A, DLE = 0x10, EOT = 0x04, ESC = 0x1B, GS = 0x1D;

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
        public String decode(CodePage codePage) { return new String(data, codePage.charset()); }

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
