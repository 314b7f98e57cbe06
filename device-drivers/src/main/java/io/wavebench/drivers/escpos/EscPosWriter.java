package io.wavebench.drivers.escpos;

import io.wavebench.drivers.escpos.EscPosCommand.CharacterSize;
import io.wavebench.drivers.escpos.EscPosCommand.Cut;
import io.wavebench.drivers.escpos.EscPosCommand.Emphasis;
import io.wavebench.drivers.escpos.EscPosCommand.FeedLines;
import io.wavebench.drivers.escpos.EscPosCommand.Initialize;
import io.wavebench.drivers.escpos.EscPosCommand.Justify;
import io.wavebench.drivers.escpos.EscPosCommand.LineFeed;
import io.wavebench.drivers.escpos.EscPosCommand.QrErrorCorrection;
import io.wavebench.drivers.escpos.EscPosCommand.QrModel;
import io.wavebench.drivers.escpos.EscPosCommand.QrModuleSize;
import io.wavebench.drivers.escpos.EscPosCommand.QrPrint;
import io.wavebench.drivers.escpos.EscPosCommand.QrStore;
import io.wavebench.drivers.escpos.EscPosCommand.SelectCodePage;
import io.wavebench.drivers.escpos.EscPosCommand.Text;
import io.wavebench.drivers.escpos.EscPosCommand.Underline;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the byte stream a kiosk sends to an ESC/POS printer for one job (a ticket):
 * {@code new EscPosWriter().initialize().align(CENTER).size(2, 2).bold(true).line("TICKET")
 * ... .qr(payload).cut().toBytes()}. It keeps the commands it wrote ({@link #commands()}) so a
 * test can compare them with what a printer parsed.
 *
 * <p>Text is encoded in the selected {@link CodePage} (PC437 after {@link #initialize()}, as on a
 * printer at power-on); a character the page cannot show is an error here rather than a '?' on
 * paper. Real-time commands (DLE EOT) are not part of a job: {@link SerialEscPosPrinter} sends
 * them itself.
 */
public final class EscPosWriter {

    private final List<EscPosCommand> commands = new ArrayList<>();
    private CodePage codePage = CodePage.PC437;

    /** Adds any command as is. */
    public EscPosWriter add(EscPosCommand command) {
        if (command instanceof SelectCodePage s) codePage = s.codePage();
        if (command instanceof Initialize) codePage = CodePage.PC437;
        commands.add(command);
        return this;
    }

    /** ESC @: resets modes and clears what the printer has buffered but not printed. */
    public EscPosWriter initialize() {
        return add(new Initialize());
    }

    public EscPosWriter codePage(CodePage page) {
        return add(new SelectCodePage(page));
    }

    public EscPosWriter bold(boolean on) {
        return add(new Emphasis(on));
    }

    /** Character magnification, 1..8 each way (2, 2 = double width and height). */
    public EscPosWriter size(int width, int height) {
        return add(new CharacterSize(width, height));
    }

    public EscPosWriter underline(int dots) {
        return add(new Underline(dots));
    }

    public EscPosWriter align(Justification justification) {
        return add(new Justify(justification));
    }

    /** Text without a line feed, encoded in the current code page. */
    public EscPosWriter text(String text) {
        if (text.isEmpty()) return this;
        return add(new Text(encode(text)));
    }

    /** Text and a line feed: one printed line. */
    public EscPosWriter line(String text) {
        return text(text).add(new LineFeed());
    }

    public EscPosWriter feed(int lines) {
        return add(new FeedLines(lines));
    }

    /** A QR code, Model 2, error correction M, 6-dot modules (ZXing reads it easily at 203 dpi). */
    public EscPosWriter qr(String data) {
        return qr(data, 6, QrErrorLevel.M);
    }

    /**
     * A QR code: Function 165 (Model 2), 167 (module size), 169 (error correction), 180 (store),
     * 181 (print), in the order of Epson's example. The payload is sent as ASCII/UTF-8 bytes, its
     * length counted in bytes (escpos-coffee counts UTF-16 chars, domain notes §2.2).
     */
    public EscPosWriter qr(String data, int moduleDots, QrErrorLevel level) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        requireNoRealTimeSequence(bytes);
        return add(new QrModel(QrCodeModel.MODEL_2))
                .add(new QrModuleSize(moduleDots))
                .add(new QrErrorCorrection(level))
                .add(new QrStore(bytes))
                .add(new QrPrint());
    }

    /** Feeds the ticket past the cutter and cuts it off completely (GS V 65 n, Function B). */
    public EscPosWriter cut() {
        return add(new Cut(CutMode.FULL, 0));
    }

    public EscPosWriter cut(CutMode mode) {
        return add(new Cut(mode, Cut.NO_FEED));
    }

    public List<EscPosCommand> commands() {
        return List.copyOf(commands);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (EscPosCommand c : commands) c.encode(out);
        return out.toByteArray();
    }

    private byte[] encode(String text) {
        CharsetEncoder encoder = codePage.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            for (int i = 0; i < bytes.length; i++) {
                if (!EscPosCommand.isPrintable(bytes[i])) {
                    throw new IllegalArgumentException("text \"" + text + "\" has a control character at byte " + i
                            + "; use line() or feed() for line breaks");
                }
            }
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text \"" + text + "\" cannot be printed in code page " + codePage
                    + " (" + codePage.charset() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Epson: a printer answers DLE EOT n wherever the three bytes appear, even inside another
     * command's data, so a QR payload holding them would make the printer send a stray status byte.
     */
    private static void requireNoRealTimeSequence(byte[] data) {
        for (int i = 0; i + 2 < data.length; i++) {
            if (data[i] == EscPosCommand.DLE && data[i + 1] == EscPosCommand.EOT && data[i + 2] >= 1 && data[i + 2] <= 4) {
                throw new IllegalArgumentException("QR data holds DLE EOT " + data[i + 2] + " at byte " + i
                        + ": a printer would answer it as a real-time status request");
            }
        }
    }
}
