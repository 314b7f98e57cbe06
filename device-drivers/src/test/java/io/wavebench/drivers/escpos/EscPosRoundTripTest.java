package io.wavebench.drivers.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wavebench.drivers.escpos.EscPosCommand.CharacterSize;
import io.wavebench.drivers.escpos.EscPosCommand.Cut;
import io.wavebench.drivers.escpos.EscPosCommand.Emphasis;
import io.wavebench.drivers.escpos.EscPosCommand.FeedLines;
import io.wavebench.drivers.escpos.EscPosCommand.Initialize;
import io.wavebench.drivers.escpos.EscPosCommand.Justify;
import io.wavebench.drivers.escpos.EscPosCommand.LineFeed;
import io.wavebench.drivers.escpos.EscPosCommand.PaperSensorRequest;
import io.wavebench.drivers.escpos.EscPosCommand.QrErrorCorrection;
import io.wavebench.drivers.escpos.EscPosCommand.QrModel;
import io.wavebench.drivers.escpos.EscPosCommand.QrModuleSize;
import io.wavebench.drivers.escpos.EscPosCommand.QrPrint;
import io.wavebench.drivers.escpos.EscPosCommand.QrStore;
import io.wavebench.drivers.escpos.EscPosCommand.SelectCodePage;
import io.wavebench.drivers.escpos.EscPosCommand.StatusRequest;
import io.wavebench.drivers.escpos.EscPosCommand.Text;
import io.wavebench.drivers.escpos.EscPosCommand.Underline;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Writer → parser round trips, for every command and for a whole ticket in any chunking. */
class EscPosRoundTripTest {

    static Stream<EscPosCommand> everyCommand() {
        List<EscPosCommand> all = new ArrayList<>(List.of(
                new Initialize(), new LineFeed(), new FeedLines(0), new FeedLines(3), new FeedLines(255),
                new Emphasis(true), new Emphasis(false), new QrPrint(), new PaperSensorRequest(),
                new Text("Seat G12".getBytes(StandardCharsets.US_ASCII)), new Text(new byte[] {(byte) 0x82, (byte) 0xFF, 0x20}),
                new QrModuleSize(1), new QrModuleSize(16),
                new QrStore("T-0001|cinema 7".getBytes(StandardCharsets.US_ASCII)), new QrStore(new byte[QrStore.MAX_DATA]),
                new Cut(CutMode.FULL, Cut.NO_FEED), new Cut(CutMode.PARTIAL, Cut.NO_FEED),
                new Cut(CutMode.FULL, 0), new Cut(CutMode.PARTIAL, 120)));
        all.addAll(List.of(new EscPosCommand.CarriageReturn(), new EscPosCommand.HorizontalTab(), new EscPosCommand.FormFeed(),
                new EscPosCommand.DoubleStrike(true), new EscPosCommand.DoubleStrike(false), new EscPosCommand.FeedDots(0), new EscPosCommand.FeedDots(255),
                new EscPosCommand.LineSpacing(EscPosCommand.LineSpacing.DEFAULT), new EscPosCommand.LineSpacing(0), new EscPosCommand.LineSpacing(60),
                new EscPosCommand.InternationalCharacterSet(0), new EscPosCommand.InternationalCharacterSet(17), new EscPosCommand.InternationalCharacterSet(82),
                new EscPosCommand.UpsideDown(true), new EscPosCommand.UpsideDown(false), new EscPosCommand.Reverse(true), new EscPosCommand.Reverse(false),
                new EscPosCommand.LeftMargin(0), new EscPosCommand.LeftMargin(300), new EscPosCommand.PrintAreaWidth(576), new EscPosCommand.PrintAreaWidth(65535),
                new EscPosCommand.BarcodeHeight(1), new EscPosCommand.BarcodeHeight(162), new EscPosCommand.BarcodeModuleWidth(1), new EscPosCommand.BarcodeModuleWidth(6),
                new EscPosCommand.KanjiMode(true), new EscPosCommand.KanjiMode(false),
                new EscPosCommand.Barcode(4, "ABC-1".getBytes(StandardCharsets.US_ASCII)), new EscPosCommand.Barcode(2, "400638133393".getBytes(StandardCharsets.US_ASCII)),
                new EscPosCommand.Barcode(73, "{BWB-2026-0042".getBytes(StandardCharsets.US_ASCII)),
                new EscPosCommand.RasterImage(0, 1, 2, new byte[] {(byte) 0x81, 0x0A}), new EscPosCommand.RasterImage(3, 2, 1, new byte[] {0x10, 0x04})));
        for (int f = 0; f <= 2; f++) all.add(new EscPosCommand.SelectFont(f));
        for (int r = 0; r <= 2; r++) all.add(new EscPosCommand.Rotation(r));
        for (int h = 0; h <= 3; h++) all.add(new EscPosCommand.HriPosition(h));
        for (int h = 0; h <= 4; h++) all.add(new EscPosCommand.HriFont(h));
        for (int n : new int[] {0, 1, 8, 16, 32, 128, 0xB9}) all.add(EscPosCommand.PrintMode.of(n));
        for (CodePage p : CodePage.values()) all.add(new SelectCodePage(p));
        for (Justification j : Justification.values()) all.add(new Justify(j));
        for (int d = 0; d <= 2; d++) all.add(new Underline(d));
        for (int w = 1; w <= 8; w++) for (int h = 1; h <= 8; h++) all.add(new CharacterSize(w, h));
        for (QrCodeModel m : QrCodeModel.values()) all.add(new QrModel(m));
        for (QrErrorLevel l : QrErrorLevel.values()) all.add(new QrErrorCorrection(l));
        for (StatusKind k : StatusKind.values()) all.add(new StatusRequest(k));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void every_command_parses_back_to_itself(EscPosCommand command) {
        assertEquals(List.of(command), EscPosParser.parseAll(command.bytes()));
    }

    /** Epson's bytes, pinned: escpos-coffee's model constant is one lower (DESIGN §7). */
    @Test
    void qr_functions_have_the_epson_bytes() {
        assertEquals("1D286B040031413200", hex(new QrModel(QrCodeModel.MODEL_2))); // Function 165, n1 = 50
        assertEquals("1D286B040031413100", hex(new QrModel(QrCodeModel.MODEL_1)));
        assertEquals("1D286B0300314306", hex(new QrModuleSize(6)));             // Function 167
        assertEquals("1D286B0300314531", hex(new QrErrorCorrection(QrErrorLevel.M))); // Function 169, 49 = M
        assertEquals("1D286B06003150304142" + "43", hex(new QrStore("ABC".getBytes(StandardCharsets.US_ASCII)))); // Function 180, pL = 3 + 3
        assertEquals("1D286B0300315130", hex(new QrPrint()));                   // Function 181
        assertEquals("100404", hex(new StatusRequest(StatusKind.ROLL_PAPER)));
        assertEquals("1D2111", hex(new CharacterSize(2, 2)));
        assertEquals("1D564100", hex(new Cut(CutMode.FULL, 0)));
    }

    @Test
    void a_ticket_parses_back_to_what_was_written() {
        EscPosWriter ticket = ticket();
        assertEquals(ticket.commands(), EscPosParser.parseAll(ticket.toBytes()));
    }

    @Test
    void a_ticket_arriving_in_any_chunks_parses_to_the_same_commands() {
        EscPosWriter ticket = ticket();
        byte[] bytes = ticket.toBytes();
        Random random = new Random(6);
        for (int trial = 0; trial < 200; trial++) {
            EscPosParser parser = new EscPosParser("chunks");
            List<EscPosCommand> parsed = new ArrayList<>();
            int at = 0;
            while (at < bytes.length) {
                int n = Math.min(bytes.length - at, trial == 0 ? 1 : 1 + random.nextInt(40));
                parser.feed(bytes, at, n);
                at += n;
                for (EscPosCommand c; (c = parser.next()) != null; ) parsed.add(c);
            }
            parsed.addAll(parser.finish());
            assertEquals(ticket.commands(), parsed, "trial " + trial);
        }
    }

    @Test
    void text_is_encoded_in_the_selected_code_page() {
        EscPosWriter w = new EscPosWriter().initialize().codePage(CodePage.WPC1252).line("Café €5");
        Text text = (Text) w.commands().get(2);
        assertArrayEquals(new byte[] {'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x80, '5'}, text.data());
        assertEquals("Café €5", text.decode(CodePage.WPC1252));
    }

    @Test
    void ascii_digit_selectors_mean_the_same_as_numbers() {
        assertEquals(List.of(new Justify(Justification.CENTER), new Underline(2), new Cut(CutMode.PARTIAL, Cut.NO_FEED)),
                EscPosParser.parseAll(HexFormat.of().parseHex("1B6131" + "1B2D32" + "1D5631")));
    }

    static EscPosWriter ticket() {
        return new EscPosWriter().initialize()
                .align(Justification.CENTER).size(2, 2).bold(true).line("CINEMA 7").bold(false).size(1, 1)
                .line("Dune: Part Three").underline(1).line("Sat 21:30  Screen 4").underline(0)
                .align(Justification.LEFT).line("Seats G12 G13").feed(1)
                .align(Justification.CENTER).qr("WBT1|T-000042|C7|2026-11-28T21:30|G12,G13")
                .align(Justification.RIGHT).line("ticket T-000042").cut();
    }

    private static String hex(EscPosCommand c) {
        return HexFormat.of().withUpperCase().formatHex(c.bytes());
    }
}
