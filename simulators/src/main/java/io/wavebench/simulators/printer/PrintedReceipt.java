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
 */
public record PrintedReceipt(List<ReceiptElement> elements, boolean cut, boolean stoppedByPaperEnd) {

    public PrintedReceipt {
        elements = List.copyOf(elements);
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

    public boolean isEmpty() {
        return elements.isEmpty();
    }
}
