package io.wavebench.simulators.printer;

import io.wavebench.simulators.printer.ReceiptElement.QrSymbol;
import io.wavebench.simulators.printer.ReceiptElement.TextLine;
import java.util.List;

/**
 * What came out of the printer between two cuts, as a test or a report sees it.
 *
 * @param elements what is on the paper, top to bottom
 * @param cut true when the receipt was cut off (GS V); false when printing stopped before
 * @param stoppedByPaperEnd true when the paper ran out in the middle of it
 * @param skipped the kinds of Epson command the printer skipped while printing it ("ESC p
 *     (generate pulse)"), each once, in the order they first came
 */
public record PrintedReceipt(List<ReceiptElement> elements, boolean cut, boolean stoppedByPaperEnd, List<String> skipped) {

    public PrintedReceipt {
        elements = List.copyOf(elements);
        skipped = List.copyOf(skipped);
    }

    /** A receipt with nothing skipped. */
    public PrintedReceipt(List<ReceiptElement> elements, boolean cut, boolean stoppedByPaperEnd) {
        this(elements, cut, stoppedByPaperEnd, List.of());
    }

    /** The text of every printed line, blank lines included. */
    public List<String> textLines() {
        return elements.stream().filter(TextLine.class::isInstance).map(e -> ((TextLine) e).text()).toList();
    }

    /** The non-blank lines, trimmed. */
    public List<String> nonBlankLines() {
        return textLines().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<String> qrPayloads() {
        return elements.stream().filter(QrSymbol.class::isInstance).map(e -> ((QrSymbol) e).text()).toList();
    }

    /** What each bar code encodes, as a scanner would read it. */
    public List<String> barcodes() {
        return elements.stream().filter(ReceiptElement.BarcodeSymbol.class::isInstance).map(e -> ((ReceiptElement.BarcodeSymbol) e).text()).toList();
    }

    /** The raster images (GS v 0), top to bottom. */
    public List<ReceiptElement.Bitmap> images() {
        return elements.stream().filter(ReceiptElement.Bitmap.class::isInstance).map(ReceiptElement.Bitmap.class::cast).toList();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }
}
