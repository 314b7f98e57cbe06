package io.wavebench.simulators.printer;

import io.wavebench.drivers.escpos.Justification;
import io.wavebench.drivers.escpos.QrCodeModel;
import io.wavebench.drivers.escpos.QrErrorLevel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** One thing on the paper, top to bottom. */
public sealed interface ReceiptElement {

    /** A printed line (LF); blank when no text was buffered. Justified as it was at the line's start (Epson, ESC a). */
    record TextLine(List<Segment> segments, Justification justification) implements ReceiptElement {
        public TextLine {
            segments = List.copyOf(segments);
        }

        public String text() {
            return segments.stream().map(Segment::text).collect(Collectors.joining());
        }

        /** Line height in character rows: the tallest segment (1 for a blank line). */
        public int rows() {
            return segments.stream().mapToInt(s -> s.style().height()).max().orElse(1);
        }
    }

    /** A run of text in one style. */
    record Segment(String text, TextStyle style) { }

    /** ESC d n: n blank lines. */
    record Feed(int lines) implements ReceiptElement { }

    /** A QR symbol printed from the storage area (Function 181). */
    record QrSymbol(byte[] data, QrCodeModel model, int moduleDots, QrErrorLevel errorLevel, Justification justification)
            implements ReceiptElement {
        public QrSymbol {
            data = data.clone();
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
        public boolean equals(Object o) {
            return o instanceof QrSymbol q && Arrays.equals(data, q.data) && model == q.model && moduleDots == q.moduleDots
                    && errorLevel == q.errorLevel && justification == q.justification;
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
}
