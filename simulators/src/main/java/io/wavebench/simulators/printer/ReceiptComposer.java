package io.wavebench.simulators.printer;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import io.wavebench.drivers.escpos.CodePage;
import io.wavebench.drivers.escpos.EscPosCommand;
import io.wavebench.drivers.escpos.Justification;
import io.wavebench.drivers.escpos.QrCodeModel;
import io.wavebench.drivers.escpos.QrErrorLevel;
import io.wavebench.simulators.printer.ReceiptElement.BarcodeSymbol;
import io.wavebench.simulators.printer.ReceiptElement.Bitmap;
import io.wavebench.simulators.printer.ReceiptElement.DotFeed;
import io.wavebench.simulators.printer.ReceiptElement.Feed;
import io.wavebench.simulators.printer.ReceiptElement.Placement;
import io.wavebench.simulators.printer.ReceiptElement.QrSymbol;
import io.wavebench.simulators.printer.ReceiptElement.Segment;
import io.wavebench.simulators.printer.ReceiptElement.TextLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The printing mechanism of the simulated printer, without threads or serial: applies parsed
 * commands to the modes (code page, emphasis, size, underline, font, reverse, justification,
 * margins, line spacing, bar code and QR settings) and puts elements on the paper, which runs
 * out after a set number of character rows. Real-time commands (DLE EOT) are not its business:
 * the printer answers them on receipt. Upside-down printing (ESC {) turns a text line that starts
 * in it; 90° rotation (ESC V), international character sets (ESC R) and Kanji mode (FS &) are
 * kept as modes but do not change the drawing.
 * Commands the printer skips ({@link EscPosCommand.Unrecognized}) are listed once per kind on the
 * receipt they arrived in.
 */
final class ReceiptComposer {

    /** Epson Font A is 24 dots high; rows are counted at the default 1/6" line spacing. */
    static final int ROW_DOTS = ReceiptElement.DEFAULT_LINE_SPACING;
    /** ESC D's power-on tab stops: every 8 characters (Epson). */
    static final int TAB_COLUMNS = 8;
    private static final long ENDLESS = Long.MAX_VALUE;

    private final List<PrintedReceipt> finished = new ArrayList<>();
    private List<ReceiptElement> current = new ArrayList<>();
    private final Set<String> skipped = new LinkedHashSet<>();
    private final List<Segment> line = new ArrayList<>();
    private Placement linePlacement;
    private boolean lineUpsideDown;

    private CodePage codePage;
    private TextStyle style;
    private boolean emphasized;
    private boolean doubleStrike;
    private Justification justification;
    private int leftMargin;
    private int printWidth;
    private int lineSpacing;
    private boolean upsideDown;
    private int rotation;
    private boolean kanji;
    private QrCodeModel qrModel;
    private int qrModuleDots;
    private QrErrorLevel qrLevel;
    private byte[] qrData;
    private int barHeight;
    private int barModule;
    private int hriPosition;
    private int hriFont;

    private long paperRows = ENDLESS;
    private boolean cutterJammed;

    ReceiptComposer() {
        initialize();
    }

    /**
     * Applies one command.
     *
     * @return false when the paper ran out while printing it (that element is not on the paper)
     */
    boolean apply(EscPosCommand command) {
        // Java 17: no pattern switch over the sealed interface yet, so an instanceof chain.
        if (command instanceof EscPosCommand.Initialize) initialize();
        else if (command instanceof EscPosCommand.SelectCodePage s) codePage = s.codePage();
        else if (command instanceof EscPosCommand.Emphasis e) setBold(e.on(), doubleStrike);
        else if (command instanceof EscPosCommand.DoubleStrike d) setBold(emphasized, d.on());
        else if (command instanceof EscPosCommand.CharacterSize s) style = style.withSize(s.width(), s.height());
        else if (command instanceof EscPosCommand.Underline u) style = style.withUnderline(u.dots());
        else if (command instanceof EscPosCommand.SelectFont f) style = style.withFont(f.font());
        else if (command instanceof EscPosCommand.Reverse r) style = style.withInverse(r.on());
        else if (command instanceof EscPosCommand.PrintMode m) {
            // ESC !: one byte sets font, emphasis, double height/width and underline together.
            style = style.withFont(m.fontB() ? 1 : 0).withSize(m.doubleWidth() ? 2 : 1, m.doubleHeight() ? 2 : 1)
                    .withUnderline(m.underline() ? 1 : 0);
            setBold(m.emphasized(), doubleStrike);
        } else if (command instanceof EscPosCommand.Justify j) justification = j.justification();
        else if (command instanceof EscPosCommand.LeftMargin m) leftMargin = m.dots();
        else if (command instanceof EscPosCommand.PrintAreaWidth w) printWidth = w.dots();
        else if (command instanceof EscPosCommand.LineSpacing l) lineSpacing = l.dots() == EscPosCommand.LineSpacing.DEFAULT ? ROW_DOTS : l.dots();
        else if (command instanceof EscPosCommand.UpsideDown u) upsideDown = u.on();
        else if (command instanceof EscPosCommand.Rotation r) rotation = r.mode();
        else if (command instanceof EscPosCommand.KanjiMode k) kanji = k.on();
        else if (command instanceof EscPosCommand.Text t) {
            if (line.isEmpty()) startLine();
            line.add(new Segment(t.decode(codePage), style));
        } else if (command instanceof EscPosCommand.HorizontalTab) {
            if (line.isEmpty()) startLine();
            int column = line.stream().mapToInt(s -> s.text().length()).sum();
            line.add(new Segment(" ".repeat(TAB_COLUMNS - column % TAB_COLUMNS), style));
        } else if (command instanceof EscPosCommand.LineFeed) {
            return printLine(true);
        } else if (command instanceof EscPosCommand.FormFeed) {
            return printLine(false);
        } else if (command instanceof EscPosCommand.FeedLines f) {
            if (!printLine(false)) return false;
            return f.lines() == 0 || put(new Feed(f.lines(), f.lines() * lineSpacing), rowsOf(f.lines() * lineSpacing));
        } else if (command instanceof EscPosCommand.FeedDots f) {
            if (!printLine(false)) return false;
            return f.dots() == 0 || put(new DotFeed(f.dots()), rowsOf(f.dots()));
        } else if (command instanceof EscPosCommand.QrModel m) qrModel = m.model();
        else if (command instanceof EscPosCommand.QrModuleSize s) qrModuleDots = s.dots();
        else if (command instanceof EscPosCommand.QrErrorCorrection c) qrLevel = c.level();
        else if (command instanceof EscPosCommand.QrStore s) qrData = s.data();
        else if (command instanceof EscPosCommand.QrPrint) {
            if (!printLine(false)) return false;
            if (qrData == null) return true; // Epson: nothing stored, nothing printed
            return put(new QrSymbol(qrData, qrModel, qrModuleDots, qrLevel, placement()), qrRows());
        } else if (command instanceof EscPosCommand.BarcodeHeight h) barHeight = h.dots();
        else if (command instanceof EscPosCommand.BarcodeModuleWidth w) barModule = w.dots();
        else if (command instanceof EscPosCommand.HriPosition h) hriPosition = h.position();
        else if (command instanceof EscPosCommand.HriFont f) hriFont = f.font();
        else if (command instanceof EscPosCommand.Barcode b) {
            if (!printLine(false)) return false;
            BarcodeSymbol symbol = new BarcodeSymbol(b.symbology(), new String(b.data(), StandardCharsets.ISO_8859_1),
                    BarcodeDrawing.text(b.symbology(), b.data()), barModule, barHeight,
                    hriPosition, hriFont, placement());
            return put(symbol, rowsOf(symbol.heightDots()));
        } else if (command instanceof EscPosCommand.RasterImage r) {
            if (!printLine(false)) return false;
            Bitmap bitmap = new Bitmap(r, placement());
            return put(bitmap, rowsOf(bitmap.heightDots()));
        } else if (command instanceof EscPosCommand.Unrecognized u) {
            skipped.add(u.name());
        } else if (command instanceof EscPosCommand.Cut) {
            return cut();
        }
        // CR moves nothing (automatic line feed off); StatusRequest is answered in real time on
        // receipt, PaperSensorRequest by the printer in turn.
        return true;
    }

    /** True the first time a skipped command of this kind arrives on the current receipt. */
    boolean firstSkipOfKind(EscPosCommand.Unrecognized u) {
        return !skipped.contains(u.name());
    }

    private void setBold(boolean emphasis, boolean strike) {
        emphasized = emphasis;
        doubleStrike = strike;
        style = style.withBold(emphasis || strike); // double-strike looks like emphasis on paper
    }

    /** The modes a line keeps from its start: justification, margins (ESC a, GS L, GS W) and ESC {. */
    private void startLine() {
        linePlacement = placement();
        lineUpsideDown = upsideDown;
    }

    private Placement placement() {
        return new Placement(justification, leftMargin, printWidth);
    }

    private static long rowsOf(int dots) {
        return Math.max(1, (dots + ROW_DOTS - 1) / ROW_DOTS);
    }

    /** Pending text goes out as a line; {@code always} prints a blank line for a bare LF. */
    private boolean printLine(boolean always) {
        if (line.isEmpty() && !always) return true;
        TextLine printed = line.isEmpty() ? new TextLine(line, placement(), lineSpacing, upsideDown)
                : new TextLine(line, linePlacement, lineSpacing, lineUpsideDown);
        line.clear();
        return put(printed, printed.rows());
    }

    private boolean put(ReceiptElement element, long rows) {
        if (paperRows < rows) {
            paperRows = 0;
            endReceipt(false, true);
            return false;
        }
        current.add(element);
        if (paperRows == ENDLESS) return true;
        paperRows -= rows;
        if (paperRows > 0) return true;
        endReceipt(false, true); // the last row used up the roll: the sensor stops the printer here
        return false;
    }

    private boolean cut() {
        if (!printLine(false)) return false;
        if (cutterJammed) return true; // the paper stays attached; the printer reports an error
        endReceipt(true, false);
        return true;
    }

    private void endReceipt(boolean cut, boolean paperEnd) {
        finished.add(new PrintedReceipt(current, cut, paperEnd, List.copyOf(skipped)));
        current = new ArrayList<>();
        skipped.clear();
        line.clear();
    }

    private void initialize() {
        line.clear();
        codePage = CodePage.PC437;
        style = TextStyle.NORMAL;
        emphasized = false;
        doubleStrike = false;
        justification = Justification.LEFT;
        leftMargin = 0;
        printWidth = ReceiptElement.PAPER_DOTS;
        lineSpacing = ROW_DOTS;
        upsideDown = false;
        rotation = 0;
        kanji = false;
        barHeight = 162; // Epson's power-on GS h
        barModule = 3; // GS w
        hriPosition = 0; // GS H: not printed
        hriFont = 0;
        qrModel = QrCodeModel.MODEL_2;
        qrModuleDots = 3;
        qrLevel = QrErrorLevel.L;
        qrData = null;
    }

    private long qrRows() {
        int modules;
        try {
            modules = Encoder.encode(new String(qrData, StandardCharsets.ISO_8859_1),
                    ErrorCorrectionLevel.valueOf(qrLevel.name())).getMatrix().getWidth();
        } catch (WriterException | RuntimeException e) {
            modules = 177; // too long for a symbol: the largest version
        }
        return (modules * (long) qrModuleDots + ROW_DOTS - 1) / ROW_DOTS + 1;
    }

    // ---- paper and cutter ---------------------------------------------------------------------

    void paperRows(long rows) {
        paperRows = rows;
    }

    void refill() {
        paperRows = ENDLESS;
    }

    boolean paperOut() {
        return paperRows == 0;
    }

    void jamCutter(boolean jammed) {
        cutterJammed = jammed;
    }

    boolean cutterJammed() {
        return cutterJammed;
    }

    /** Receipts finished since the last call. */
    List<PrintedReceipt> takeFinished() {
        List<PrintedReceipt> out = List.copyOf(finished);
        finished.clear();
        return out;
    }

    /** What is on the paper since the last cut, not cut off yet. */
    PrintedReceipt inProgress() {
        return new PrintedReceipt(current, false, false, List.copyOf(skipped));
    }
}
