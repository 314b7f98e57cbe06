package io.wavebench.simulators.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.wavebench.drivers.escpos.CutMode;
import io.wavebench.drivers.escpos.EscPosCommand;
import io.wavebench.drivers.escpos.EscPosParser;
import io.wavebench.drivers.escpos.EscPosWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ReceiptRendererTest {

    private static final Tickets TICKET = Tickets.sample();

    @Test
    void a_ticket_renders_at_paper_width_with_ink_on_it() throws Exception {
        PrintedReceipt receipt = print(TICKET);

        byte[] png = ReceiptRenderer.renderPng(receipt);
        Path out = Path.of("target", "receipts", "ticket-" + TICKET.ticketId() + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, png); // for a person to look at

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(ReceiptRenderer.WIDTH, image.getWidth());
        assertEquals(576, image.getWidth(), "80 mm paper at 203 dpi");
        // The double-size bold title: ink in the top rows, centred (none in the left and right eighths).
        assertTrue(ink(image, 72, 10, 504, 60) > 300, "title ink " + ink(image, 72, 10, 504, 60));
        assertEquals(0, ink(image, 0, 10, 60, 60), "a centred title leaves the left margin blank");
        assertTrue(ink(image, 0, 0, image.getWidth(), image.getHeight()) > 5000);
    }

    @Test
    void the_printed_qr_decodes_back_to_its_payload() throws Exception {
        BufferedImage image = ReceiptRenderer.render(print(TICKET));

        assertEquals(TICKET.qrPayload(), decodeQr(image).getText());
    }

    @Test
    void double_size_text_is_twice_as_wide_as_normal() {
        PrintedReceipt normal = composed(new EscPosWriter().initialize().line("WWWW").toBytes());
        PrintedReceipt wide = composed(new EscPosWriter().initialize().size(2, 1).line("WWWW").toBytes());
        int normalInk = inkWidth(ReceiptRenderer.render(normal));
        int wideInk = inkWidth(ReceiptRenderer.render(wide));
        assertTrue(wideInk > 1.8 * normalInk && wideInk < 2.2 * normalInk, normalInk + " vs " + wideInk);
    }

    @Test
    void reverse_text_is_white_on_black_and_the_left_margin_moves_the_ink() {
        PrintedReceipt plain = composed(new EscPosWriter().initialize().line("WWWW").toBytes());
        PrintedReceipt inverse = composed(new EscPosWriter().initialize().add(new EscPosCommand.Reverse(true)).line("WWWW").toBytes());
        PrintedReceipt moved = composed(new EscPosWriter().initialize().add(new EscPosCommand.LeftMargin(100)).line("WWWW").toBytes());
        BufferedImage p = ReceiptRenderer.render(plain), i = ReceiptRenderer.render(inverse), m = ReceiptRenderer.render(moved);
        assertTrue(ink(i, 0, 12, 48, 24) > 0.6 * 48 * 24, "the reversed cells are mostly black: " + ink(i, 0, 12, 48, 24));
        assertTrue(ink(p, 0, 12, 48, 24) < 0.5 * 48 * 24, "plain cells are mostly white: " + ink(p, 0, 12, 48, 24));
        assertEquals(0, ink(m, 0, 0, 100, m.getHeight() - 40), "nothing left of a 100-dot margin");
        assertTrue(ink(m, 100, 12, 48, 24) > 50);
    }

    @Test
    void an_upside_down_line_is_the_normal_line_turned_half_a_turn() {
        byte[] normalJob = new EscPosWriter().initialize().line("Ticket 7G").toBytes();
        byte[] turnedJob = new EscPosWriter().initialize().add(new EscPosCommand.UpsideDown(true)).line("Ticket 7G").toBytes();
        BufferedImage normal = ReceiptRenderer.render(composed(normalJob));
        BufferedImage turned = ReceiptRenderer.render(composed(turnedJob));
        int top = 12, height = ReceiptElement.DEFAULT_LINE_SPACING; // the first line's band
        int inked = 0, same = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < ReceiptRenderer.WIDTH; x++) {
                boolean a = dark(normal, x, top + y);
                boolean b = dark(turned, ReceiptRenderer.WIDTH - 1 - x, top + height - 1 - y);
                if (a || b) inked++;
                if (a && b) same++;
            }
        }
        assertTrue(inked > 200, "ink on the line: " + inked);
        assertTrue(same > 0.9 * inked, same + " of " + inked + " inked dots match the line turned back");
        // Left-justified text turned over ends at the paper's right edge.
        assertEquals(0, ink(turned, 0, top, 400, height), "the turned line's ink is on the right");
        assertTrue(ink(turned, 400, top, 176, height) > 200);
    }

    @Test
    void upside_down_mode_set_inside_a_line_turns_the_next_line_not_this_one() {
        byte[] job = new EscPosWriter().initialize().text("AB").add(new EscPosCommand.UpsideDown(true)).line("CD")
                .line("EF").toBytes();
        PrintedReceipt receipt = composed(job);
        ReceiptElement.TextLine first = (ReceiptElement.TextLine) receipt.elements().get(0);
        ReceiptElement.TextLine second = (ReceiptElement.TextLine) receipt.elements().get(1);
        assertEquals("ABCD", first.text());
        assertTrue(!first.upsideDown(), "ESC { is enabled only at the start of a line");
        assertTrue(second.upsideDown());
    }

    @Test
    void a_qr_code_sits_in_the_print_area_that_gs_l_sets() throws Exception {
        byte[] job = new EscPosWriter().initialize().add(new EscPosCommand.LeftMargin(300)).qr("WB-TICKET-0001").toBytes();
        BufferedImage image = ReceiptRenderer.render(composed(job));
        assertEquals(0, ink(image, 0, 0, 300, image.getHeight() - 40), "nothing left of a 300-dot margin");
        assertTrue(ink(image, 300, 0, 276, image.getHeight() - 40) > 500);
        assertEquals("WB-TICKET-0001", decodeQr(image).getText());
    }

    @Test
    void a_raster_image_is_drawn_dot_for_dot_and_double_width_doubles_it() {
        byte[] rows = new byte[2 * 16];
        for (int y = 0; y < 16; y++) rows[y * 2] = (byte) 0xFF; // a 8 x 16 black bar on the left of a 16 x 16 image
        PrintedReceipt normal = composed(new EscPosWriter().initialize().add(new EscPosCommand.RasterImage(0, 2, 16, rows)).toBytes());
        PrintedReceipt wide = composed(new EscPosWriter().initialize().add(new EscPosCommand.RasterImage(1, 2, 16, rows)).toBytes());
        assertEquals(8 * 16, ink(ReceiptRenderer.render(normal), 0, 0, 40, 30)); // above the cut's dashed line
        assertEquals(2 * 8 * 16, ink(ReceiptRenderer.render(wide), 0, 0, 40, 30));
    }

    @Test
    void a_receipt_longer_than_two_metres_is_drawn_up_to_there() {
        PrintedReceipt endless = composed(new EscPosWriter().initialize().add(new EscPosCommand.RasterImage(0, 1, 40_000, new byte[40_000])).toBytes());
        BufferedImage image = ReceiptRenderer.render(endless);
        assertTrue(image.getHeight() < ReceiptRenderer.MAX_HEIGHT + 100, "height " + image.getHeight());
    }

    @Test
    void rendering_is_deterministic() {
        PrintedReceipt receipt = print(TICKET);
        assertArrayEquals(ReceiptRenderer.renderPng(receipt), ReceiptRenderer.renderPng(receipt));
    }

    static PrintedReceipt print(Tickets ticket) {
        return composed(ticket.bytes());
    }

    static PrintedReceipt composed(byte[] job) {
        ReceiptComposer composer = new ReceiptComposer();
        for (EscPosCommand c : EscPosParser.parseAll(job)) composer.apply(c);
        composer.apply(new EscPosCommand.Cut(CutMode.FULL, 0)); // jobs without a cut end here
        return composer.takeFinished().get(0);
    }

    static Result decodeQr(BufferedImage image) throws NotFoundException, Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }

    private static boolean dark(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFF) < 128;
    }

    private static int ink(BufferedImage image, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < Math.min(image.getHeight(), y0 + h); y++) {
            for (int x = x0; x < Math.min(image.getWidth(), x0 + w); x++) if ((image.getRGB(x, y) & 0xFF) < 128) n++;
        }
        return n;
    }

    private static int inkWidth(BufferedImage image) {
        int min = Integer.MAX_VALUE, max = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128 && y < image.getHeight() - 30) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
        }
        return max - min + 1;
    }
}
