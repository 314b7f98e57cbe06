package io.wavebench.simulators.printer;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import io.wavebench.drivers.escpos.EscPosCommand.RasterImage;
import io.wavebench.drivers.escpos.QrCodeModel;
import io.wavebench.simulators.printer.ReceiptElement.BarcodeSymbol;
import io.wavebench.simulators.printer.ReceiptElement.Bitmap;
import io.wavebench.simulators.printer.ReceiptElement.Placement;
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
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws a {@link PrintedReceipt} as the paper would look, for the report: 576 dots wide (the
 * printable width of 80 mm paper at 203 dpi), one image pixel per printer dot. Text is set in a
 * monospace font on Epson's font grids (Font A 12 x 24 dots, 48 columns; Font B 9 x 17),
 * magnified per GS ! / ESC !, bold per ESC E / ESC G, underlined per ESC -, white on black per
 * GS B, justified per ESC a inside the print area of GS L and GS W, spaced per ESC 2 / ESC 3,
 * turned 180° per ESC { (the line's whole band across the paper, as the printer turns it); a
 * line longer than the print area is clipped (a real printer wraps it). QR symbols are drawn
 * from their data with ZXing, one module = the module size in dots (Model 1 and Micro QR as a
 * labelled box); bar codes from their data with ZXing's writers at the GS w module width and
 * GS h height, with their human-readable text where GS H puts it; raster images dot for dot. A
 * dashed line marks the cut; a receipt stopped by paper end says so in red; the kinds of
 * command the printer skipped are listed in grey under the cut.
 */
public final class ReceiptRenderer {

    public static final int WIDTH = ReceiptElement.PAPER_DOTS;
    public static final int CELL_WIDTH = 12, CELL_HEIGHT = 24;
    private static final int ROW = ReceiptComposer.ROW_DOTS;
    private static final int MARGIN = 12;
    private static final int NOTE_LINE = 18;
    /** The longest receipt drawn, in dots: 2 m of paper at 203 dpi. */
    static final int MAX_HEIGHT = 16_000;

    private ReceiptRenderer() {
    }

    public static BufferedImage render(PrintedReceipt receipt) {
        long paper = MARGIN;
        for (ReceiptElement e : receipt.elements()) paper += e.heightDots();
        // A receipt longer than MAX_HEIGHT dots (2 m of paper: a raster image of 65535 rows, say) is
        // drawn up to there, so a hostile job cannot make the PNG take gigabytes.
        boolean clipped = paper > MAX_HEIGHT;
        int height = (int) Math.min(paper, MAX_HEIGHT) + 3 * MARGIN;
        if (!receipt.skipped().isEmpty()) height += NOTE_LINE * (receipt.skipped().size() + 1) + MARGIN;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(Color.BLACK);
            int y = MARGIN;
            for (ReceiptElement e : receipt.elements()) {
                if (y + e.heightDots() > MAX_HEIGHT) break;
                if (e instanceof TextLine line && line.upsideDown()) drawUpsideDown(g, line, y);
                else if (e instanceof TextLine line) drawLine(g, line, y);
                else if (e instanceof QrSymbol qr) drawQr(g, qr, y);
                else if (e instanceof BarcodeSymbol bar) drawBarcode(g, bar, y);
                else if (e instanceof Bitmap bitmap) drawBitmap(image, bitmap, y);
                y += e.heightDots();
            }
            y += MARGIN;
            if (clipped) {
                g.setColor(Color.RED);
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 16));
                g.drawString("-- " + paper + " dots long: drawn up to " + MAX_HEIGHT + " --", MARGIN, y + 8);
                g.setColor(Color.BLACK);
            } else if (receipt.cut()) {
                g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {12, 8}, 0));
                g.drawLine(0, y, WIDTH, y);
            } else if (receipt.stoppedByPaperEnd()) {
                g.setColor(Color.RED);
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 20));
                g.drawString("-- paper ran out here --", MARGIN, y + 8);
            }
            if (!receipt.skipped().isEmpty()) {
                g.setColor(Color.GRAY);
                g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
                y += 2 * MARGIN;
                g.drawString("skipped (not printed by this simulator):", MARGIN, y);
                for (String kind : receipt.skipped()) g.drawString("  " + kind, MARGIN, y += NOTE_LINE);
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

    /** A QR symbol's height on the paper: its modules, rounded up to whole rows, and a row of space. */
    static int qrHeight(QrSymbol qr) {
        return (qrModules(qr) * qr.moduleDots() + ROW - 1) / ROW * ROW + ROW;
    }

    /** The line drawn the right way up, then its band across the paper turned 180° about its centre. */
    private static void drawUpsideDown(Graphics2D g, TextLine line, int top) {
        AffineTransform saved = g.getTransform();
        g.rotate(Math.PI, WIDTH / 2.0, top + line.heightDots() / 2.0);
        drawLine(g, line, top);
        g.setTransform(saved);
    }

    private static void drawLine(Graphics2D g, TextLine line, int top) {
        Placement place = line.placement();
        int width = 0;
        int tallest = 0;
        for (Segment s : line.segments()) {
            width += s.text().length() * s.style().cellWidth();
            tallest = Math.max(tallest, s.style().cellHeight());
        }
        int x = place.x(width);
        int end = place.leftMargin() + place.areaWidth();
        int bottom = top + line.heightDots() - Math.min(ROW - CELL_HEIGHT, line.heightDots() - tallest);
        for (Segment s : line.segments()) {
            TextStyle st = s.style();
            boolean fontA = st.font() == 0;
            Font base = new Font(Font.MONOSPACED, st.bold() ? Font.BOLD : Font.PLAIN, fontA ? 20 : 14);
            g.setFont(base.deriveFont(AffineTransform.getScaleInstance(st.width(), st.height())));
            int baseline = bottom - (fontA ? 5 : 3) * st.height();
            int cell = st.cellWidth();
            int start = x;
            for (int i = 0; i < s.text().length(); i++, x += cell) {
                if (x + cell > end) break; // clipped at the print area
                if (st.inverse()) {
                    g.setColor(Color.BLACK);
                    g.fillRect(x, bottom - st.cellHeight(), cell, st.cellHeight());
                    g.setColor(Color.WHITE);
                }
                g.drawString(String.valueOf(s.text().charAt(i)), x, baseline);
                g.setColor(Color.BLACK);
            }
            if (st.underlineDots() > 0) {
                g.setColor(st.inverse() ? Color.WHITE : Color.BLACK);
                g.fillRect(start, bottom - 1, Math.min(x, end) - start, st.underlineDots());
                g.setColor(Color.BLACK);
            }
        }
    }

    private static void drawBarcode(Graphics2D g, BarcodeSymbol bar, int top) {
        Optional<boolean[]> modules = BarcodeDrawing.modules(bar.symbology(), bar.data().getBytes(StandardCharsets.ISO_8859_1));
        int hriLine = bar.hriFont() == 0 ? 24 : 17;
        int barsTop = top + 4 + ((bar.hriPosition() & 1) != 0 ? hriLine + 4 : 0);
        Font hriFont = new Font(Font.MONOSPACED, Font.PLAIN, bar.hriFont() == 0 ? 20 : 14);
        if (modules.isEmpty()) {
            int x0 = bar.placement().x(240);
            g.drawRect(x0, barsTop, 239, bar.barHeight() - 1);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
            g.drawString(bar.symbology() + " (not drawn)", x0 + 4, barsTop + 20);
            return;
        }
        boolean[] m = modules.get();
        int width = m.length * bar.moduleDots();
        if (width > bar.placement().areaWidth()) {
            // Epson GS k: a bar code wider than the print area is not printed; the paper only feeds.
            g.setColor(Color.GRAY);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
            g.drawString(bar.symbology() + " " + width + " dots wide, print area " + bar.placement().areaWidth() + ": not printed", MARGIN, barsTop + 20);
            g.setColor(Color.BLACK);
            return;
        }
        int x0 = bar.placement().x(width);
        for (int i = 0; i < m.length; i++) {
            if (m[i]) g.fillRect(x0 + i * bar.moduleDots(), barsTop, bar.moduleDots(), bar.barHeight());
        }
        g.setFont(hriFont);
        int textX = x0 + Math.max(0, (width - g.getFontMetrics().stringWidth(bar.text())) / 2);
        if ((bar.hriPosition() & 1) != 0) g.drawString(bar.text(), textX, top + 4 + hriLine - 4);
        if ((bar.hriPosition() & 2) != 0) g.drawString(bar.text(), textX, barsTop + bar.barHeight() + hriLine);
    }

    private static void drawBitmap(BufferedImage image, Bitmap bitmap, int top) {
        RasterImage r = bitmap.image();
        int sx = (r.mode() & 1) != 0 ? 2 : 1, sy = (r.mode() & 2) != 0 ? 2 : 1;
        int x0 = bitmap.placement().x(bitmap.widthDots());
        int black = Color.BLACK.getRGB();
        for (int y = 0; y < r.heightDots(); y++) {
            for (int x = 0; x < r.widthBytes() * 8; x++) {
                if (!r.black(x, y)) continue;
                for (int dy = 0; dy < sy; dy++) {
                    for (int dx = 0; dx < sx; dx++) {
                        int px = x0 + x * sx + dx, py = top + y * sy + dy;
                        if (px < WIDTH && py < image.getHeight()) image.setRGB(px, py, black);
                    }
                }
            }
        }
    }

    private static void drawQr(Graphics2D g, QrSymbol qr, int top) {
        int dots = qr.moduleDots();
        int modules = qrModules(qr);
        int size = modules * dots;
        int x0 = qr.placement().x(size);
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
