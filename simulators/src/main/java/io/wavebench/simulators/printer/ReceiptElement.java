package io.wavebench.simulators.printer;

import io.wavebench.drivers.escpos.BarcodeSymbology;
import io.wavebench.drivers.escpos.EscPosCommand.RasterImage;
import io.wavebench.drivers.escpos.Justification;
import io.wavebench.drivers.escpos.QrCodeModel;
import io.wavebench.drivers.escpos.QrErrorLevel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** One thing on the paper, top to bottom. */
public sealed interface ReceiptElement {

    /** Epson's default line spacing, ESC 2: 1/6 inch, taken as 30 dots. */
    int DEFAULT_LINE_SPACING = 30;
    /** The printable width of 80 mm paper at 203 dpi, the default of GS W. */
    int PAPER_DOTS = 576;

    /** How high this element is on the paper, in dots. */
    int heightDots();

    /**
     * Where an element sits across the paper: justified (ESC a) inside the print area that GS L
     * (left margin) and GS W (print area width) set, both in dots.
     */
    record Placement(Justification justification, int leftMargin, int printWidth) {
        public static final Placement DEFAULT = new Placement(Justification.LEFT, 0, PAPER_DOTS);

        /** The left edge of something {@code width} dots wide. */
        public int x(int width) {
            int area = Math.max(0, Math.min(printWidth, PAPER_DOTS - leftMargin));
            return leftMargin + switch (justification) {
                case LEFT -> 0;
                case CENTER -> Math.max(0, (area - width) / 2);
                case RIGHT -> Math.max(0, area - width);
            };
        }

        /** The usable width: the print area, cut to the paper. */
        public int areaWidth() {
            return Math.max(0, Math.min(printWidth, PAPER_DOTS - leftMargin));
        }
    }

    /**
     * A printed line (LF); blank when no text was buffered. Justified as it was at the line's
     * start (Epson, ESC a), and spaced by the line spacing (ESC 2 / ESC 3) in force. Upside down
     * when ESC { was on at the line's start (Epson: "enabled only when processed at the beginning
     * of the line"): the printer turns the whole line 180°, margin and justification with it.
     */
    record TextLine(List<Segment> segments, Placement placement, int lineSpacing, boolean upsideDown) implements ReceiptElement {
        public TextLine {
            segments = List.copyOf(segments);
        }

        /** The right way up. */
        public TextLine(List<Segment> segments, Placement placement, int lineSpacing) {
            this(segments, placement, lineSpacing, false);
        }

        /** At the default margin, width and spacing. */
        public TextLine(List<Segment> segments, Justification justification) {
            this(segments, new Placement(justification, 0, PAPER_DOTS), DEFAULT_LINE_SPACING);
        }

        public Justification justification() {
            return placement.justification();
        }

        public String text() {
            return segments.stream().map(Segment::text).collect(Collectors.joining());
        }

        /** Line height in character rows: the tallest segment (1 for a blank line). */
        public int rows() {
            return segments.stream().mapToInt(s -> s.style().height()).max().orElse(1);
        }

        /** The line spacing times the tallest magnification, and never less than the tallest character. */
        @Override
        public int heightDots() {
            int tallest = segments.stream().mapToInt(s -> s.style().cellHeight()).max().orElse(0);
            return Math.max(rows() * lineSpacing, tallest);
        }
    }

    /** A run of text in one style. */
    record Segment(String text, TextStyle style) { }

    /** ESC d n: n blank lines at the line spacing then in force. */
    record Feed(int lines, int dots) implements ReceiptElement {
        public Feed(int lines) {
            this(lines, lines * DEFAULT_LINE_SPACING);
        }

        @Override
        public int heightDots() {
            return dots;
        }
    }

    /** ESC J n: paper fed by n dots. */
    record DotFeed(int dots) implements ReceiptElement {
        @Override
        public int heightDots() {
            return dots;
        }
    }

    /**
     * A QR symbol printed from the storage area (Function 181), placed as text is: justified (ESC a)
     * inside the print area of GS L and GS W as they were when it was printed.
     */
    record QrSymbol(byte[] data, QrCodeModel model, int moduleDots, QrErrorLevel errorLevel, Placement placement)
            implements ReceiptElement {
        public QrSymbol {
            data = data.clone();
        }

        public Justification justification() {
            return placement.justification();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The payload as text (kiosks send UTF-8/ASCII). */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        @Override
        public int heightDots() {
            return ReceiptRenderer.qrHeight(this);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof QrSymbol q && Arrays.equals(data, q.data) && model == q.model && moduleDots == q.moduleDots
                    && errorLevel == q.errorLevel && placement.equals(q.placement);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data) * 31 + model.hashCode();
        }

        @Override
        public String toString() {
            return "QrSymbol[" + text() + ", " + model + ", " + moduleDots + " dots, EC " + errorLevel + "]";
        }
    }

    /**
     * A bar code (GS k) as the modes were: module width (GS w), height (GS h), where the
     * human-readable text goes (GS H: 0 none, 1 above, 2 below, 3 both) and its font (GS f).
     *
     * @param data the GS k data as sent, one char a byte (ISO 8859-1)
     * @param text what the symbol encodes (code set selectors of CODE128 data taken out)
     */
    record BarcodeSymbol(BarcodeSymbology symbology, String data, String text, int moduleDots, int barHeight, int hriPosition, int hriFont, Placement placement)
            implements ReceiptElement {
        /** Rows of human-readable text: 24 dots each (Font A), 17 (Font B). */
        public int hriDots() {
            int line = hriFont == 0 ? 24 : 17;
            return switch (hriPosition) {
                case 1, 2 -> line + 4;
                case 3 -> 2 * (line + 4);
                default -> 0;
            };
        }

        @Override
        public int heightDots() {
            return barHeight + hriDots() + 8;
        }
    }

    /** A raster bit image (GS v 0), magnified as its mode says. */
    record Bitmap(RasterImage image, Placement placement) implements ReceiptElement {
        public int widthDots() {
            return image.widthBytes() * 8 * ((image.mode() & 1) != 0 ? 2 : 1);
        }

        @Override
        public int heightDots() {
            return image.heightDots() * ((image.mode() & 2) != 0 ? 2 : 1);
        }
    }
}
