package io.wavebench.drivers.escpos;

import io.wavebench.drivers.escpos.EscPosCommand.CharacterSize;
import io.wavebench.drivers.escpos.EscPosCommand.Cut;
import io.wavebench.drivers.escpos.EscPosCommand.Emphasis;
import io.wavebench.drivers.escpos.EscPosCommand.FeedLines;
import io.wavebench.drivers.escpos.EscPosCommand.Initialize;
import io.wavebench.drivers.escpos.EscPosCommand.Justify;
import io.wavebench.drivers.escpos.EscPosCommand.LineFeed;
import io.wavebench.drivers.escpos.EscPosCommand.PaperSensorRequest;
import io.wavebench.drivers.escpos.EscPosCommand.QrErrorCorrection;
import io.wavebench.drivers.escpos.EscPosCommand.QrModel;
import io.wavebench.drivers.escpos.EscPosCommand.QrModuleSize;
import io.wavebench.drivers.escpos.EscPosCommand.QrPrint;
import io.wavebench.drivers.escpos.EscPosCommand.QrStore;
import io.wavebench.drivers.escpos.EscPosCommand.SelectCodePage;
import io.wavebench.drivers.escpos.EscPosCommand.StatusRequest;
import io.wavebench.drivers.escpos.EscPosCommand.Text;
import io.wavebench.drivers.escpos.EscPosCommand.Underline;
import io.wavebench.drivers.escpos.EscPosCommand.Barcode;
import io.wavebench.drivers.escpos.EscPosCommand.CarriageReturn;
import io.wavebench.drivers.escpos.EscPosCommand.DoubleStrike;
import io.wavebench.drivers.escpos.EscPosCommand.FeedDots;
import io.wavebench.drivers.escpos.EscPosCommand.FormFeed;
import io.wavebench.drivers.escpos.EscPosCommand.HorizontalTab;
import io.wavebench.drivers.escpos.EscPosCommand.HriFont;
import io.wavebench.drivers.escpos.EscPosCommand.HriPosition;
import io.wavebench.drivers.escpos.EscPosCommand.InternationalCharacterSet;
import io.wavebench.drivers.escpos.EscPosCommand.KanjiMode;
import io.wavebench.drivers.escpos.EscPosCommand.LeftMargin;
import io.wavebench.drivers.escpos.EscPosCommand.LineSpacing;
import io.wavebench.drivers.escpos.EscPosCommand.PrintAreaWidth;
import io.wavebench.drivers.escpos.EscPosCommand.PrintMode;
import io.wavebench.drivers.escpos.EscPosCommand.RasterImage;
import io.wavebench.drivers.escpos.EscPosCommand.Reverse;
import io.wavebench.drivers.escpos.EscPosCommand.Rotation;
import io.wavebench.drivers.escpos.EscPosCommand.SelectFont;
import io.wavebench.drivers.escpos.EscPosCommand.Unrecognized;
import io.wavebench.drivers.escpos.EscPosCommand.UpsideDown;
import io.wavebench.drivers.escpos.EscPosCommand.BarcodeHeight;
import io.wavebench.drivers.escpos.EscPosCommand.BarcodeModuleWidth;
import io.wavebench.drivers.escpos.EscPosParseException.Kind;
import io.wavebench.drivers.escpos.SkippedCommands.Skip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns an ESC/POS byte stream into {@link EscPosCommand}s, strictly and incrementally: bytes are
 * {@link #feed fed} in whatever chunks the serial line delivers, and {@link #next()} hands out
 * each command once all its bytes are in.
 *
 * <p>What it reads is Epson's common command set as receipt encoders send it (the Epson ESC/POS
 * Command Reference): text, HT, LF, CR, FF, the print modes (ESC !, ESC E, ESC G, ESC -, ESC M,
 * GS !, GS B, ESC {, ESC V), layout (ESC a, ESC 2, ESC 3, ESC d, ESC J, GS L, GS W), ESC t,
 * ESC R, FS & / FS ., bar codes (GS h, GS w, GS H, GS f, GS k), QR Code (GS ( k cn 49), raster
 * images (GS v 0), cuts (GS V) and status (DLE EOT, GS r). Every other Epson command it knows the
 * length of ({@link SkippedCommands}) comes out whole as an {@link EscPosCommand.Unrecognized},
 * so its parameters never turn into text or control bytes.
 *
 * <p>It never guesses: a byte that starts no ESC/POS command, or a modelled command with a
 * parameter out of range, is an {@link EscPosParseException} naming the offset and bytes. The
 * offending bytes are skipped before the exception is thrown, so a caller that wants to go on
 * (the printer simulator) just calls {@link #next()} again; each call consumes at least one byte
 * or returns null, so no input can make it loop.
 *
 * <p>Memory is bounded: a QR store is at most 7089 bytes (Epson's limit, checked from pL/pH
 * before the body is awaited), a raster image {@link #MAX_RASTER} bytes, a skipped command
 * {@link SkippedCommands#MAX_LENGTH}, and text is handed out in runs of at most
 * {@link #MAX_TEXT_RUN} bytes.
 *
 * <p>Text is held until a non-text byte ends the run (or {@link #finish()}), so a line split
 * across chunks still comes out as one {@link Text}.
 */
public final class EscPosParser {

    /** Longest {@link Text} handed out at once; longer runs come out in pieces. */
    public static final int MAX_TEXT_RUN = 4096;
    private static final int SHOWN = 16;
    /** Largest GS v 0 image accepted: far above an 80 mm printer's (72 bytes a row), and bounded memory. */
    static final int MAX_RASTER = 1 << 20;

    private final String source;
    private byte[] buffer = new byte[256];
    private int head;
    private int tail;
    /** Stream offset of buffer[head]. */
    private long offset;
    /** The buffered bytes as {@link SkippedCommands} reads them. */
    private final SkippedCommands.Bytes view = new SkippedCommands.Bytes() {
        @Override
        public int available() {
            return tail - head;
        }

        @Override
        public int at(int i) {
            return EscPosParser.this.at(i);
        }
    };

    /** @param source what the bytes come from (a port path), named in every error */
    public EscPosParser(String source) {
        this.source = source;
    }

    /** Parses a whole stream: every command, or the first error (truncation included). */
    public static List<EscPosCommand> parseAll(byte[] stream) {
        EscPosParser parser = new EscPosParser("a byte array");
        parser.feed(stream, 0, stream.length);
        List<EscPosCommand> out = new ArrayList<>();
        for (EscPosCommand c; (c = parser.next()) != null; ) out.add(c);
        out.addAll(parser.finish());
        return out;
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int off, int len) {
        if (tail + len > buffer.length) {
            int size = tail - head;
            byte[] target = size + len > buffer.length ? new byte[Math.max(buffer.length * 2, size + len)] : buffer;
            System.arraycopy(buffer, head, target, 0, size);
            buffer = target;
            head = 0;
            tail = size;
        }
        System.arraycopy(bytes, off, buffer, tail, len);
        tail += len;
    }

    /** Bytes fed but not yet handed out as commands. */
    public int pending() {
        return tail - head;
    }

    /** Stream offset of the next byte to parse. */
    public long offset() {
        return offset;
    }

    /**
     * The next complete command, or null when the bytes so far end inside one (feed more).
     *
     * @throws EscPosParseException for an unknown command or a bad parameter; its bytes are
     *     already skipped
     */
    public EscPosCommand next() {
        if (head == tail) return null;
        int b = at(0);
        if (b >= 0x20) return text(false);
        return switch (b) {
            case EscPosCommand.LF -> consume(1, new LineFeed());
            case EscPosCommand.CR -> consume(1, new CarriageReturn());
            case EscPosCommand.HT -> consume(1, new HorizontalTab());
            case EscPosCommand.FF -> consume(1, new FormFeed());
            case EscPosCommand.CAN -> skip(new Skip("CAN (cancel print data in page mode)", 1));
            case EscPosCommand.DLE -> dle();
            case EscPosCommand.ESC -> esc();
            case EscPosCommand.GS -> gs();
            case EscPosCommand.FS -> fs();
            default -> throw error(Kind.UNKNOWN_COMMAND, 1, "unknown control byte 0x" + hex(b));
        };
    }

    /**
     * The stream has ended: returns the text still held (if any).
     *
     * @throws EscPosParseException (TRUNCATED) when the stream ends inside a command; the partial
     *     command is dropped
     */
    public List<EscPosCommand> finish() {
        if (head == tail) return List.of();
        if (at(0) >= 0x20) return List.of(text(true));
        int have = tail - head;
        throw error(Kind.TRUNCATED, have, "stream ended inside " + describePartial() + " after " + have + " byte(s)");
    }

    // ---- commands -------------------------------------------------------------------------------

    private EscPosCommand text(boolean endOfStream) {
        int n = 0;
        int available = tail - head;
        while (n < available && n < MAX_TEXT_RUN && at(n) >= 0x20) n++;
        if (n == available && n < MAX_TEXT_RUN && !endOfStream) return null; // the run may go on
        return consume(n, new Text(Arrays.copyOfRange(buffer, head, head + n)));
    }

    /** DLE EOT n, Epson real-time status transmission; the other real-time commands are skipped. */
    private EscPosCommand dle() {
        if (!have(2)) return null;
        if (at(1) != EscPosCommand.EOT) return skipOrRefuse(SkippedCommands.dle(view), "DLE");
        if (!have(3)) return null;
        StatusKind kind = StatusKind.byN(at(2));
        if (kind == null) throw error(Kind.BAD_PARAMETER, 3, "DLE EOT n with n = " + at(2) + " (Epson: 1..4)");
        return consume(3, new StatusRequest(kind));
    }

    private EscPosCommand esc() {
        if (!have(2)) return null;
        int c = at(1);
        if (c == '@') return consume(2, new Initialize());
        if (c == '2') return consume(2, new LineSpacing(LineSpacing.DEFAULT));
        if ("tE-adGM!J3R{V".indexOf(c) < 0) return skipOrRefuse(SkippedCommands.esc(view), "ESC");
        if (!have(3)) return null;
        int n = at(2);
        return switch (c) {
            case 't' -> {
                Optional<CodePage> page = CodePage.byNumber(n);
                if (page.isPresent()) yield consume(3, new SelectCodePage(page.get()));
                if (CodePage.epsonPageWithoutCharset(n)) yield skip(new Skip("ESC t " + n + " (a code page with no table here: text stays in the page before)", 3));
                throw error(Kind.BAD_PARAMETER, 3, "ESC t " + n + ": no such code page (Epson ESC t table)");
            }
            case 'E' -> consume(3, new Emphasis((n & 1) == 1)); // Epson: only the lowest bit counts
            case 'G' -> consume(3, new DoubleStrike((n & 1) == 1)); // ESC G: likewise
            case '-' -> consume(3, new Underline(zeroOrAscii(n, 2, 3, "ESC - (underline)")));
            case 'a' -> consume(3, new Justify(Justification.values()[zeroOrAscii(n, 2, 3, "ESC a (justification)")]));
            case 'M' -> consume(3, new SelectFont(zeroOrAscii(n, 2, 3, "ESC M (select character font)")));
            case '!' -> consume(3, PrintMode.of(n));
            case 'J' -> consume(3, new FeedDots(n));
            case '3' -> consume(3, new LineSpacing(n));
            case '{' -> consume(3, new UpsideDown((n & 1) == 1));
            case 'V' -> consume(3, new Rotation(zeroOrAscii(n, 2, 3, "ESC V (90° rotation)")));
            case 'R' -> {
                // ESC R: 0..17 on every model, 66..75 and 82 (Indian and other sets) on later ones.
                if (n > 17 && !(n >= 66 && n <= 75) && n != 82) throw error(Kind.BAD_PARAMETER, 3, "ESC R " + n + " (Epson: 0..17, 66..75, 82)");
                yield consume(3, new InternationalCharacterSet(n));
            }
            default -> consume(3, new FeedLines(n)); // 'd'
        };
    }

    private EscPosCommand gs() {
        if (!have(2)) return null;
        int c = at(1);
        if (c == '(' && have(3) && at(2) == 'k') return gsParenK();
        if (c == 'k') return barcode();
        if (c == 'v') return raster();
        if (c == 'L' || c == 'W') {
            if (!have(4)) return null;
            int dots = at(2) | at(3) << 8;
            return consume(4, c == 'L' ? new LeftMargin(dots) : new PrintAreaWidth(dots));
        }
        if ("!VrBhwHf".indexOf(c) < 0) return skipOrRefuse(SkippedCommands.gs(view), "GS");
        if (!have(3)) return null;
        int n = at(2);
        switch (c) {
            case '!' -> {
                if ((n & 0x88) != 0) throw error(Kind.BAD_PARAMETER, 3, "GS ! 0x" + hex(n) + ": bits 3 and 7 must be 0");
                return consume(3, new CharacterSize((n >> 4) + 1, (n & 7) + 1));
            }
            case 'r' -> {
                if (n != 1 && n != 49) throw error(Kind.BAD_PARAMETER, 3, "GS r " + n + ": only 1 (paper sensor) is supported");
                return consume(3, new PaperSensorRequest());
            }
            case 'B' -> {
                return consume(3, new Reverse((n & 1) == 1));
            }
            case 'h' -> {
                if (n == 0) throw error(Kind.BAD_PARAMETER, 3, "GS h 0 (Epson: bar code height 1..255 dots)");
                return consume(3, new BarcodeHeight(n));
            }
            case 'w' -> {
                if (n < 1 || n > 6) throw error(Kind.BAD_PARAMETER, 3, "GS w " + n + " (Epson: bar code module width 1..6 dots)");
                return consume(3, new BarcodeModuleWidth(n));
            }
            case 'H' -> {
                return consume(3, new HriPosition(zeroOrAscii(n, 3, 3, "GS H (HRI position)")));
            }
            case 'f' -> {
                return consume(3, new HriFont(zeroOrAscii(n, 4, 3, "GS f (HRI font)")));
            }
            default -> { // 'V'
                return switch (n) {
                    case 0, 48 -> consume(3, new Cut(CutMode.FULL, Cut.NO_FEED));
                    case 1, 49 -> consume(3, new Cut(CutMode.PARTIAL, Cut.NO_FEED));
                    case 65, 66 -> have(4) ? consume(4, new Cut(n == 65 ? CutMode.FULL : CutMode.PARTIAL, at(3))) : null;
                    default -> throw error(Kind.BAD_PARAMETER, 3, "GS V " + n + ": cut function not supported (0, 1, 48, 49, 65, 66)");
                };
            }
        }
    }

    /** FS & / FS . (Kanji mode on/off); the other FS commands are skipped. */
    private EscPosCommand fs() {
        if (!have(2)) return null;
        if (at(1) == '&') return consume(2, new KanjiMode(true));
        if (at(1) == '.') return consume(2, new KanjiMode(false));
        return skipOrRefuse(SkippedCommands.fs(view), "FS");
    }

    /** GS k m: function A (m 0..6) ends at a NUL, function B (m 65..79) says its length in n. */
    private EscPosCommand barcode() {
        if (!have(3)) return null;
        int m = at(2);
        if (m <= 6) {
            for (int i = 3; i < 3 + 256; i++) {
                if (!have(i + 1)) return null;
                if (at(i) == 0) return consume(i + 1, new Barcode(m, Arrays.copyOfRange(buffer, head + 3, head + i)));
            }
            throw error(Kind.BAD_PARAMETER, 3, "GS k " + m + " (function A): no NUL within 255 data bytes");
        }
        if (m < 65 || m > 79) throw error(Kind.BAD_PARAMETER, 3, "GS k m = " + m + " (Epson: 0..6 function A, 65..79 function B)");
        if (!have(4)) return null;
        int n = at(3);
        if (n == 0) throw error(Kind.BAD_PARAMETER, 4, "GS k " + m + " with n = 0 (Epson: 1..255 data bytes)");
        if (!have(4 + n)) return null;
        return consume(4 + n, new Barcode(m, Arrays.copyOfRange(buffer, head + 4, head + 4 + n)));
    }

    /** GS v 0 m xL xH yL yH d1..dk, k = x * y. */
    private EscPosCommand raster() {
        if (!have(3)) return null;
        if (at(2) != '0') throw error(Kind.UNKNOWN_COMMAND, 3, "unknown command GS v " + printable(at(2)) + " (Epson: only GS v 0)");
        if (!have(8)) return null;
        int mode = zeroOrAscii(at(3), 3, 8, "GS v 0 (raster bit image) m");
        int x = at(4) | at(5) << 8;
        int y = at(6) | at(7) << 8;
        long size = (long) x * y;
        if (x == 0 || y == 0 || size > MAX_RASTER) {
            throw error(Kind.BAD_PARAMETER, 8, "GS v 0 of " + x + " x " + y + " bytes (wavebench: 1.." + MAX_RASTER + " bytes, at least 1 x 1)");
        }
        if (!have(8 + (int) size)) return null;
        return consume(8 + (int) size, new RasterImage(mode, x, y, Arrays.copyOfRange(buffer, head + 8, head + 8 + (int) size)));
    }

    /** An Epson command the printer skips (its length known from the table), or an error when the bytes are no ESC/POS command at all. */
    private EscPosCommand skipOrRefuse(Skip found, String prefix) {
        if (found == null) {
            throw error(Kind.UNKNOWN_COMMAND, 2, "unknown command " + prefix + " " + printable(at(1)) + " (not an Epson ESC/POS command)");
        }
        if (found.length() > SkippedCommands.MAX_LENGTH) {
            throw error(Kind.BAD_PARAMETER, 2, found.name() + " of " + found.length() + " bytes (wavebench skips at most " + SkippedCommands.MAX_LENGTH + ")");
        }
        if (!found.complete(view)) return null;
        return skip(found);
    }

    private EscPosCommand skip(Skip found) {
        int n = (int) found.length();
        return consume(n, new Unrecognized(found.name(), Arrays.copyOfRange(buffer, head, head + n)));
    }

    /** GS ( k pL pH cn fn [parameters]: the QR Code functions (cn = 49); other symbols (PDF417, MaxiCode, ...) are skipped. */
    private EscPosCommand gsParenK() {
        if (!have(7)) return null;
        int p = at(3) | at(4) << 8;
        int cn = at(5);
        int fn = at(6);
        int total = 5 + p;
        if (cn != EscPosCommand.QR_CN) {
            if (!have(total)) return null;
            return skip(new Skip("GS ( k cn " + cn + " (2D symbol other than QR Code)", total));
        }
        switch (fn) {
            case EscPosCommand.FN_MODEL -> {
                requireLength(p, 4, fn);
                if (!have(total)) return null;
                QrCodeModel model = QrCodeModel.byN1(at(7));
                if (model == null || at(8) != 0) {
                    throw error(Kind.BAD_PARAMETER, total, "QR Function 165 (select model) n1 = " + at(7) + ", n2 = " + at(8)
                            + " (Epson: n1 49 Model 1, 50 Model 2, 51 Micro QR; n2 0)");
                }
                return consume(total, new QrModel(model));
            }
            case EscPosCommand.FN_MODULE_SIZE -> {
                requireLength(p, 3, fn);
                if (!have(total)) return null;
                if (at(7) < 1 || at(7) > 16) throw error(Kind.BAD_PARAMETER, total, "QR Function 167 (module size) n = " + at(7) + " (Epson: 1..16)");
                return consume(total, new QrModuleSize(at(7)));
            }
            case EscPosCommand.FN_ERROR_CORRECTION -> {
                requireLength(p, 3, fn);
                if (!have(total)) return null;
                QrErrorLevel level = QrErrorLevel.byN(at(7));
                if (level == null) throw error(Kind.BAD_PARAMETER, total, "QR Function 169 (error correction) n = " + at(7) + " (Epson: 48..51)");
                return consume(total, new QrErrorCorrection(level));
            }
            case EscPosCommand.FN_STORE -> {
                if (p < 4 || p > QrStore.MAX_DATA + 3) {
                    throw error(Kind.BAD_PARAMETER, 7, "QR Function 180 (store) pL pH = " + p + " (Epson: 4..7092, data length + 3)");
                }
                if (!have(8)) return null;
                if (at(7) != 48) throw error(Kind.BAD_PARAMETER, 8, "QR Function 180 (store) m = " + at(7) + " (Epson: 48)");
                if (!have(total)) return null;
                return consume(total, new QrStore(Arrays.copyOfRange(buffer, head + 8, head + total)));
            }
            case EscPosCommand.FN_PRINT -> {
                requireLength(p, 3, fn);
                if (!have(total)) return null;
                if (at(7) != 48) throw error(Kind.BAD_PARAMETER, total, "QR Function 181 (print) m = " + at(7) + " (Epson: 48)");
                return consume(total, new QrPrint());
            }
            default -> throw error(Kind.UNKNOWN_COMMAND, 7, "QR Function " + (100 + fn) + " (fn = " + fn + ") not supported");
        }
    }

    private void requireLength(int p, int expected, int fn) {
        if (p != expected) {
            throw error(Kind.BAD_PARAMETER, 7, "QR Function " + (100 + fn) + " with pL pH = " + p + " (Epson: " + expected + ")");
        }
    }

    /** Epson accepts both n and the ASCII digit '0' + n for these selectors. */
    private int zeroOrAscii(int n, int max, int length, String what) {
        if (n >= 0 && n <= max) return n;
        if (n >= 48 && n <= 48 + max) return n - 48;
        throw error(Kind.BAD_PARAMETER, length, what + " n = " + n + " (Epson: 0.." + max + " or 48.." + (48 + max) + ")");
    }

    private String describePartial() {
        return switch (at(0)) {
            case EscPosCommand.DLE -> tail - head > 1 && at(1) != EscPosCommand.EOT ? "DLE " + printable(at(1)) : "DLE EOT";
            case EscPosCommand.FS -> tail - head > 1 ? "FS " + printable(at(1)) : "FS";
            case EscPosCommand.ESC -> tail - head > 1 ? "ESC " + printable(at(1)) : "ESC";
            case EscPosCommand.GS -> tail - head > 2 && at(1) == '(' && at(2) == 'k' ? "GS ( k (QR)"
                    : tail - head > 1 ? "GS " + printable(at(1)) : "GS";
            default -> "a command";
        };
    }

    // ---- buffer -----------------------------------------------------------------------------------

    private int at(int i) {
        return buffer[head + i] & 0xFF;
    }

    private boolean have(int n) {
        return tail - head >= n;
    }

    private EscPosCommand consume(int n, EscPosCommand command) {
        head += n;
        offset += n;
        return command;
    }

    /** Skips the {@code length} offending bytes (at least one, at most what is buffered) and builds the error. */
    private EscPosParseException error(Kind kind, int length, String what) {
        int n = Math.max(1, Math.min(length, tail - head));
        byte[] shown = Arrays.copyOfRange(buffer, head, head + Math.min(n, SHOWN));
        long at = offset;
        head += n;
        offset += n;
        return new EscPosParseException(source, kind, at, shown, what);
    }

    private static String hex(int b) {
        return String.format("%02X", b);
    }

    private static String printable(int b) {
        return b >= 0x21 && b < 0x7F ? "'" + (char) b + "' (0x" + hex(b) + ")" : "0x" + hex(b);
    }
}
