package io.wavebench.simulators.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wavebench.drivers.codes.CodeKind;
import io.wavebench.drivers.codes.others.OtherReaders;
import io.wavebench.drivers.codes.others.OtherTool;
import io.wavebench.drivers.escpos.EscPosCommand;
import io.wavebench.drivers.escpos.EscPosParseException;
import io.wavebench.drivers.escpos.EscPosParser;
import io.wavebench.simulators.printer.ReceiptElement.Bitmap;
import io.wavebench.simulators.printer.ReceiptElement.TextLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receipts another program wrote ({@link ReceiptEncoderNode}: npm receipt-printer-encoder, by its
 * own API for text styles, alignment, a table, a CODE128 bar code, a QR code, a raster image and
 * cuts) go through the printer's parser and composer and come out as what the encoder was asked
 * to print; zbar reads the printed QR code and bar code from the rendered PNG.
 */
class IndependentEncoderReceiptsTest {

    @TempDir
    static Path dir;
    private static List<ReceiptEncoderNode.Receipt> receipts;

    @BeforeAll
    static void write() throws Exception {
        ReceiptEncoderNode.assumeEncoder();
        receipts = ReceiptEncoderNode.write(dir);
    }

    @Test
    void the_encoders_bytes_parse_without_a_single_error_and_nothing_is_skipped() {
        List<String> errors = new ArrayList<>();
        long bytes = 0;
        for (ReceiptEncoderNode.Receipt r : receipts) {
            bytes += r.bytes().length;
            EscPosParser parser = new EscPosParser(r.name());
            parser.feed(r.bytes());
            while (true) {
                try {
                    EscPosCommand c = parser.next();
                    if (c == null) break;
                    if (c instanceof EscPosCommand.Unrecognized u) errors.add(r.name() + ": skipped " + u.name());
                } catch (EscPosParseException e) {
                    errors.add(e.getMessage());
                }
            }
            parser.finish();
        }
        assertEquals(List.of(), errors, "parse errors or skipped commands in " + bytes + " bytes of " + receipts.size() + " receipts");
    }

    @Test
    void each_receipt_shows_what_the_encoder_was_asked_to_print() {
        for (ReceiptEncoderNode.Receipt r : receipts) {
            PrintedReceipt printed = print(r);
            assertTrue(printed.cut(), r.name() + " is cut off");
            List<String> lines = printed.nonBlankLines();
            for (String want : r.expected()) {
                String what = want.substring(want.indexOf(':') + 2);
                if (want.startsWith("line: ")) {
                    assertTrue(lines.stream().anyMatch(l -> l.startsWith(what)), r.name() + ": a line starting '" + what + "' in " + lines);
                    assertTrue(lines.stream().noneMatch(l -> l.contains("\u001b") || l.startsWith(".")), r.name() + ": a stray byte in " + lines);
                } else if (want.startsWith("qr: ")) {
                    assertEquals(List.of(what), printed.qrPayloads(), r.name());
                } else if (want.startsWith("barcode: ")) {
                    assertEquals(List.of(what), printed.barcodes(), r.name());
                } else if (want.startsWith("image: ")) {
                    List<Bitmap> images = printed.images();
                    assertEquals(1, images.size(), r.name() + ": images");
                    assertEquals(what, images.get(0).widthDots() + "x" + images.get(0).heightDots(), r.name());
                }
            }
        }
    }

    @Test
    void the_styles_the_encoder_set_are_on_the_printed_lines() {
        PrintedReceipt styles = print(receipt("styles"));
        assertTrue(line(styles, "BOLD LINE").segments().get(0).style().bold());
        assertEquals(1, line(styles, "UNDERLINED LINE").segments().get(0).style().underlineDots());
        assertTrue(line(styles, "INVERTED LINE").segments().get(0).style().inverse());
        assertEquals(2, line(styles, "BIG").segments().get(0).style().width());
        assertEquals(1, line(styles, "SMALL FONT B").segments().get(0).style().font());
        assertTrue(line(styles, "CINEMA 7 TICKET DESK").segments().stream().noneMatch(s -> s.style().bold() || s.style().inverse()));
    }

    @Test
    void zbar_reads_the_printed_qr_code_and_bar_code() throws Exception {
        assumeTrue(OtherTool.ZBARIMG.installed(), OtherTool.ZBARIMG.missing());
        Path qr = dir.resolve("qrcode.png");
        ReceiptRenderer.writePng(print(receipt("qrcode")), qr);
        assertEquals(expected("qrcode", "qr"), zbar(CodeKind.QR_CODE, qr));
        Path bar = dir.resolve("barcode.png");
        ReceiptRenderer.writePng(print(receipt("barcode")), bar);
        Files.createDirectories(Path.of("target", "receipts")); // for a person to look at
        Files.copy(qr, Path.of("target", "receipts", "independent-qrcode.png"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(bar, Path.of("target", "receipts", "independent-barcode.png"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(expected("barcode", "barcode"), zbar(CodeKind.CODE_128, bar));
    }

    /** Every symbol of this kind zbar reads in the PNG, one a line (the codes' own decoder runner, {@link OtherReaders#ZBAR}). */
    private static String zbar(CodeKind kind, Path png) {
        return OtherReaders.ZBAR.read(kind, png).map(b -> new String(b, StandardCharsets.UTF_8).strip()).orElse("nothing read");
    }

    @Test
    void the_raster_image_is_printed_dot_for_dot() {
        Bitmap logo = print(receipt("image")).images().get(0);
        // The encoder was given a checkerboard of 8-dot squares, black at the top left.
        for (int y = 0; y < 64; y += 4) {
            for (int x = 0; x < 64; x += 4) {
                assertEquals(((x >> 3) + (y >> 3)) % 2 == 0, logo.image().black(x, y), "dot " + x + "," + y);
            }
        }
    }

    private static PrintedReceipt print(ReceiptEncoderNode.Receipt r) {
        ReceiptComposer composer = new ReceiptComposer();
        for (EscPosCommand c : EscPosParser.parseAll(r.bytes())) composer.apply(c);
        List<PrintedReceipt> done = composer.takeFinished();
        assertEquals(1, done.size(), r.name() + ": receipts");
        return done.get(0);
    }

    private static ReceiptEncoderNode.Receipt receipt(String name) {
        return receipts.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no receipt " + name));
    }

    private static String expected(String receipt, String kind) {
        Optional<String> line = receipt(receipt).expected().stream().filter(l -> l.startsWith(kind + ": ")).findFirst();
        return line.orElseThrow().substring(kind.length() + 2);
    }

    private static TextLine line(PrintedReceipt r, String text) {
        return r.elements().stream().filter(TextLine.class::isInstance).map(TextLine.class::cast)
                .filter(l -> l.text().strip().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + text + "' in " + r.nonBlankLines()));
    }
}
