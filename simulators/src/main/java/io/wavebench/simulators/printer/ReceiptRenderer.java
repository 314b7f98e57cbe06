package io.wavebench.simulators.printer;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import io.wavebench.drivers.escpos.Justification;
import io.wavebench.drivers.escpos.QrCodeModel;
import io.wavebench.simulators.printer.ReceiptElement.Feed;
import io.wavebench.simulators.printer.ReceiptElement.QrSymbol;
import io.wavebench.simulators.printer.ReceiptElement.Segment;
import io.wavebench.simulators.printer.ReceiptElement.TextLine;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a {@link PrintedReceipt} as the paper would look, for the report: 576 dots wide (the
 * printable width of 80 mm paper at 203 dpi), one image pixel per printer dot. Text is set in a
 * monospace font on Epson's Font A grid (12 x 24 dots, 48 columns), magnified per GS !, bold per
 * ESC E, underlined per ESC -, justified per ESC a; a line longer than 48 columns is clipped (a
 * real printer wraps it). QR symbols are drawn from their data with ZXing, one module =
 * the module size in dots; Model 1 and Micro QR are drawn as a labelled box. A dashed line marks
 * the cut; a receipt stopped by paper end says so in red.
 */
public final class ReceiptRenderer {

    public static final int WIDTH = 576;
    public static final int CELL_WIDTH = 12, CELL_HEIGHT = 24;
    private static final int ROW = ReceiptComposer.ROW_DOTS;
    private static final int MARGIN = 12;

    private ReceiptRenderer() {
    }

    public static BufferedImage render(PrintedReceipt receipt) {
        int height = MARGIN;
        for (ReceiptElement e : receipt.elements()) height += heightOf(e);
        height += 3 * MARGIN;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(Color.BLACK);
            int y = MARGIN;
            for (ReceiptElement e : receipt.elements()) {
                if (e instanceof TextLine line) drawLine(g, line, y);
                else if (e instanceof QrSymbol qr) drawQr(g, qr, y);
                y += heightOf(e);
            }
            y += MARGIN;
            if (receipt.cut()) {
                g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {12, 8}, 0));
                g.drawLine(0, y, WIDTH, y);
            } else if (receipt.stoppedByPaperEnd()) {
                g.setColor(Color.RED);
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 20));
                g.drawString("-- paper ran out here --", MARGIN, y + 8);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public static byte[] renderPng(PrintedReceipt receipt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(receipt), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the receipt as PNG", e);
        }
        return out.toByteArray();
    }

    public static void writePng(PrintedReceipt receipt, Path file) {
        try {
            Files.write(file, renderPng(receipt));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the receipt PNG to " + file, e);
        }
    }

    private static int heightOf(ReceiptElement e) {
        if (e instanceof TextLine line) return line.rows() * ROW;
        if (e instanceof Feed feed) return feed.lines() * ROW;
        QrSymbol qr = (QrSymbol) e;
        return (qrModules(qr) * qr.moduleDots() + ROW - 1) / ROW * ROW + ROW;
    }

    private static void drawLine(Graphics2D g, TextLine line, int top) {
        int rows = line.rows();
        int width = 0;
        for (Segment s : line.segments()) width += s.text().length() * CELL_WIDTH * s.style().width();
        int x = offset(line.justification(), width);
        int bottom = top + rows * ROW - (ROW - CELL_HEIGHT);
        for (Segment s : line.segments()) {
            TextStyle st = s.style();
            Font base = new Font(Font.MONOSPACED, st.bold() ? Font.BOLD : Font.PLAIN, 20);
            g.setFont(base.deriveFont(AffineTransform.getScaleInstance(st.width(), st.height())));
            int baseline = bottom - 5 * st.height();
            int cell = CELL_WIDTH * st.width();
            int start = x;
            for (int i = 0; i < s.text().length(); i++, x += cell) {
                if (x + cell > WIDTH) break; // clipped at the printable width
                g.drawString(String.valueOf(s.text().charAt(i)), x, baseline);
            }
            if (st.underlineDots() > 0) g.fillRect(start, bottom - 1, Math.min(x, WIDTH) - start, st.underlineDots());
        }
    }

    private static void drawQr(Graphics2D g, QrSymbol qr, int top) {
        int dots = qr.moduleDots();
        int modules = qrModules(qr);
        int size = modules * dots;
        int x0 = offset(qr.justification(), size);
        int y0 = top + ROW / 2;
        ByteMatrix matrix = encode(qr);
        if (qr.model() != QrCodeModel.MODEL_2 || matrix == null) {
            g.drawRect(x0, y0, size - 1, size - 1);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
            g.drawString(qr.model() + (matrix == null ? " (data too long)" : " (not drawn)"), x0 + 4, y0 + 20);
            return;
        }
        for (int my = 0; my < modules; my++) {
            for (int mx = 0; mx < modules; mx++) {
                if (matrix.get(mx, my) == 1) g.fillRect(x0 + mx * dots, y0 + my * dots, dots, dots);
            }
        }
    }

    private static int offset(Justification justification, int width) {
        return switch (justification) {
            case LEFT -> 0;
            case CENTER -> Math.max(0, (WIDTH - width) / 2);
            case RIGHT -> Math.max(0, WIDTH - width);
        };
    }

    private static int qrModules(QrSymbol qr) {
        ByteMatrix m = encode(qr);
        return m == null ? 21 : m.getWidth();
    }

    /** The symbol a printer would pick: smallest version for the data at the level (ZXing does as Epson). */
    private static ByteMatrix encode(QrSymbol qr) {
        try {
            return Encoder.encode(new String(qr.data(), StandardCharsets.ISO_8859_1),
                    ErrorCorrectionLevel.valueOf(qr.errorLevel().name()),
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name())).getMatrix();
        } catch (WriterException e) {
            return null;
        }
    }
}
