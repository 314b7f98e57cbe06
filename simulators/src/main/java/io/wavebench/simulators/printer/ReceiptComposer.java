package io.wavebench.simulators.printer;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import io.wavebench.drivers.escpos.CodePage;
import io.wavebench.drivers.escpos.EscPosCommand;
import io.wavebench.drivers.escpos.Justification;
import io.wavebench.drivers.escpos.QrCodeModel;
import io.wavebench.drivers.escpos.QrErrorLevel;
import io.wavebench.simulators.printer.ReceiptElement.Feed;
import io.wavebench.simulators.printer.ReceiptElement.QrSymbol;
import io.wavebench.simulators.printer.ReceiptElement.Segment;
import io.wavebench.simulators.printer.ReceiptElement.TextLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The printing mechanism of the simulated printer, without threads or serial: applies parsed
 * commands to the modes (code page, bold, size, underline, justification, QR settings) and puts
 * elements on the paper, which runs out after a set number of character rows. Real-time commands
 * (DLE EOT) are not its business: the printer answers them on receipt.
 */
final class ReceiptComposer {

    /** Epson Font A is 24 dots high; rows are counted at the default 1/6" line spacing. */
    static final int ROW_DOTS = 30;
    private static final long ENDLESS = Long.MAX_VALUE;

    private final List<PrintedReceipt> finished = new ArrayList<>();
    private List<ReceiptElement> current = new ArrayList<>();
    private final List<Segment> line = new ArrayList<>();
    private Justification lineJustification;

    private CodePage codePage;
    private TextStyle style;
    private Justification justification;
    private QrCodeModel qrModel;
    private int qrModuleDots;
    private QrErrorLevel qrLevel;
    private byte[] qrData;

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
        else if (command instanceof EscPosCommand.Emphasis e) style = style.withBold(e.on());
        else if (command instanceof EscPosCommand.CharacterSize s) style = style.withSize(s.width(), s.height());
        else if (command instanceof EscPosCommand.Underline u) style = style.withUnderline(u.dots());
        else if (command instanceof EscPosCommand.Justify j) justification = j.justification();
        else if (command instanceof EscPosCommand.Text t) {
            if (line.isEmpty()) lineJustification = justification;
            line.add(new Segment(t.decode(codePage), style));
        } else if (command instanceof EscPosCommand.LineFeed) {
            return printLine(true);
        } else if (command instanceof EscPosCommand.FeedLines f) {
            if (!printLine(false)) return false;
            return f.lines() == 0 || put(new Feed(f.lines()), f.lines());
        } else if (command instanceof EscPosCommand.QrModel m) qrModel = m.model();
        else if (command instanceof EscPosCommand.QrModuleSize s) qrModuleDots = s.dots();
        else if (command instanceof EscPosCommand.QrErrorCorrection c) qrLevel = c.level();
        else if (command instanceof EscPosCommand.QrStore s) qrData = s.data();
        else if (command instanceof EscPosCommand.QrPrint) {
            if (!printLine(false)) return false;
            if (qrData == null) return true; // Epson: nothing stored, nothing printed
            return put(new QrSymbol(qrData, qrModel, qrModuleDots, qrLevel, justification), qrRows());
        } else if (command instanceof EscPosCommand.Cut) {
            return cut();
        }
        // StatusRequest is answered in real time on receipt, PaperSensorRequest by the printer in turn.
        return true;
    }

    /** Pending text goes out as a line; {@code always} prints a blank line for a bare LF. */
    private boolean printLine(boolean always) {
        if (line.isEmpty() && !always) return true;
        TextLine printed = new TextLine(line, line.isEmpty() ? justification : lineJustification);
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
        finished.add(new PrintedReceipt(current, cut, paperEnd));
        current = new ArrayList<>();
        line.clear();
    }

    private void initialize() {
        line.clear();
        codePage = CodePage.PC437;
        style = TextStyle.NORMAL;
        justification = Justification.LEFT;
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
        return new PrintedReceipt(current, false, false);
    }
}
