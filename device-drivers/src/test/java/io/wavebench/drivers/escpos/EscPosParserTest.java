package io.wavebench.drivers.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.escpos.EscPosCommand.LineFeed;
import io.wavebench.drivers.escpos.EscPosCommand.SelectCodePage;
import io.wavebench.drivers.escpos.EscPosCommand.Text;
import io.wavebench.drivers.escpos.EscPosCommand.Unrecognized;
import io.wavebench.drivers.escpos.EscPosParseException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strictness: what the parser refuses, and how it says so. */
class EscPosParserTest {

    @Test
    void an_unknown_control_byte_is_named_with_its_offset_and_bytes() {
        EscPosParseException e = parseError("41420741");
        assertEquals(Kind.UNKNOWN_COMMAND, e.kind());
        assertEquals(2, e.offset());
        assertEquals("ESC/POS from a byte array: unknown control byte 0x07 at offset 2 (bytes 07)", e.getMessage());
    }

    @Test
    void an_unknown_esc_command_is_refused() {
        EscPosParseException e = parseError("1B7A01");
        assertEquals(Kind.UNKNOWN_COMMAND, e.kind());
        assertTrue(e.getMessage().contains("unknown command ESC 'z' (0x7A)"), e.getMessage());
    }

    @Test
    void a_two_dimensional_code_other_than_qr_is_skipped_whole() {
        byte[] pdf417 = HexFormat.of().parseHex("1D286B0300304130"); // cn = 48: PDF417, Function 065 with n = 48 ('0')
        assertEquals(List.of(new Unrecognized("GS ( k cn 48 (2D symbol other than QR Code)", pdf417), new Text("OK".getBytes(StandardCharsets.US_ASCII))),
                EscPosParser.parseAll(concat(pdf417, "OK".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void an_epson_command_that_is_not_modelled_is_skipped_whole_with_its_parameters() {
        // ESC p m t1 t2 (generate pulse) with t1 = 0x0A: a parameter, not a line feed.
        byte[] pulse = HexFormat.of().parseHex("1B70000A32");
        // GS ( L pL pH ... (graphics) whose data holds ESC and '.' bytes: not a command, not text.
        byte[] graphics = HexFormat.of().parseHex("1D284C0500304511" + "1B2E");
        // ESC * m nL nH d (bit image, 24-dot double density: three bytes a column) and ESC D n.. NUL (tab stops).
        byte[] bitImage = HexFormat.of().parseHex("1B2A2102000A0A0A1B1B1B");
        byte[] tabs = HexFormat.of().parseHex("1B4408101800");
        byte[] text = "after".getBytes(StandardCharsets.US_ASCII);
        List<EscPosCommand> got = EscPosParser.parseAll(concat(pulse, graphics, bitImage, tabs, text));
        assertEquals(List.of(new Unrecognized("ESC p (generate pulse)", pulse), new Unrecognized("GS ( L", graphics),
                new Unrecognized("ESC * (select bit-image mode)", bitImage), new Unrecognized("ESC D (set horizontal tab positions)", tabs),
                new Text(text)), got);
    }

    /** Each Epson command in the skip table, with parameters that look like commands, comes out as one command of its whole length. */
    @ParameterizedTest
    @ValueSource(strings = {
        "1B200A",                       // ESC SP n
        "1B240A00",                     // ESC $ nL nH
        "1B2603414202" + "0A1B1B0A1B1B" + "01" + "0A0A0A", // ESC & y=3 c1='A' c2='B': x=2 (6 bytes), x=1 (3 bytes)
        "1B2841030030300A",             // ESC ( A pL pH (beeper)
        "1B70011B1D",                   // ESC p
        "1D384C0500000030451D0A1B",     // GS 8 L p1..p4 = 5: m fn + 3 data bytes
        "1D2A0101" + "0A0A0A0A0A0A0A0A", // GS * x=1 y=1: 8 bytes
        "1D51300002000100" + "0A1B",   // GS Q 0 m xL xH yL yH (x=2, y=1)
        "1C7101" + "01000100" + "0A0A0A0A0A0A0A0A", // FS q n=1, x=1 y=1: 8 bytes
        "1C6731300000000002000A1B",     // FS g 1 m a1..a4 nL nH = 2
        "1014080103140106020" + "8",     // DLE DC4 8 1 3 20 1 6 2 8
        "100501",                        // DLE ENQ n
        "18",                            // CAN
        "1D286B030030410A"              // GS ( k cn 48 (PDF417)
    })
    void an_epson_command_in_the_skip_table_is_one_command_of_its_whole_length(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        List<EscPosCommand> got = EscPosParser.parseAll(bytes);
        assertEquals(1, got.size(), () -> hex + " parsed as " + got);
        assertEquals(hex.toUpperCase(), HexFormat.of().withUpperCase().formatHex(((Unrecognized) got.get(0)).bytes()));
    }

    @Test
    void a_skipped_command_split_across_chunks_waits_for_its_last_byte() {
        EscPosParser parser = new EscPosParser("x");
        parser.feed(HexFormat.of().parseHex("1D284C05003045"));
        assertNull(parser.next(), "four of the six data bytes are still to come");
        parser.feed(HexFormat.of().parseHex("11") );
        assertNull(parser.next());
        parser.feed(HexFormat.of().parseHex("1B2E0A"));
        assertEquals("GS ( L", ((Unrecognized) parser.next()).name());
        assertEquals(new LineFeed(), parser.next());
    }

    @Test
    void an_epson_code_page_without_a_charset_is_skipped_and_one_that_does_not_exist_is_refused() {
        assertEquals(List.of(new SelectCodePage(CodePage.PC857)), EscPosParser.parseAll(HexFormat.of().parseHex("1B740D")));
        Unrecognized greek = (Unrecognized) EscPosParser.parseAll(HexFormat.of().parseHex("1B740B")).get(0); // PC851
        assertTrue(greek.name().startsWith("ESC t 11 (a code page with no table here"), greek.name());
        assertEquals(Kind.BAD_PARAMETER, parseError("1B7463").kind()); // ESC t 99: no such page
    }

    @Test
    void bytes_that_are_no_esc_pos_command_are_still_refused() {
        assertTrue(parseError("1BFF").getMessage().contains("unknown command ESC 0xFF (not an Epson ESC/POS command)"));
        assertTrue(parseError("1C7A").getMessage().contains("unknown command FS 'z' (0x7A)"));
        assertTrue(parseError("1001").getMessage().contains("unknown command DLE 0x01"));
        assertEquals(Kind.BAD_PARAMETER, parseError("1D6B2003414243").kind());      // GS k m = 32
        assertEquals(Kind.BAD_PARAMETER, parseError("1B4D05").kind());              // ESC M 5
        assertEquals(Kind.BAD_PARAMETER, parseError("1D7707").kind());              // GS w 7
    }

    @Test
    void an_out_of_range_parameter_is_refused() {
        assertEquals(Kind.BAD_PARAMETER, parseError("1B6103").kind());               // ESC a 3
        assertEquals(Kind.BAD_PARAMETER, parseError("1D2188").kind());               // GS ! with reserved bits
        assertEquals(Kind.BAD_PARAMETER, parseError("1D286B040031413000").kind());   // QR model n1 = 48 (escpos-coffee's "Model 1")
        assertEquals(Kind.BAD_PARAMETER, parseError("100405").kind());               // DLE EOT 5
        assertEquals(Kind.BAD_PARAMETER, parseError("1D5602").kind());               // GS V 2
    }

    @Test
    void an_oversized_qr_store_is_refused_before_its_body_is_awaited() {
        EscPosParser parser = new EscPosParser("/dev/pts/9");
        parser.feed(HexFormat.of().parseHex("1D286BFFFF3150")); // pL pH = 65535 > 7092
        EscPosParseException e = assertThrows(EscPosParseException.class, parser::next);
        assertTrue(e.getMessage().startsWith("ESC/POS from /dev/pts/9: QR Function 180 (store) pL pH = 65535"), e.getMessage());
    }

    @Test
    void a_stream_ending_inside_a_command_is_truncated() {
        EscPosParser parser = new EscPosParser("/dev/pts/9");
        parser.feed(HexFormat.of().parseHex("0A1D286B0A00315030414243"));
        assertEquals(new LineFeed(), parser.next());
        assertNull(parser.next());
        EscPosParseException e = assertThrows(EscPosParseException.class, parser::finish);
        assertEquals(Kind.TRUNCATED, e.kind());
        assertEquals(1, e.offset());
        assertTrue(e.getMessage().contains("stream ended inside GS ( k (QR) after 11 byte(s)"), e.getMessage());
    }

    @Test
    void after_an_error_the_parser_goes_on_with_the_next_command() {
        EscPosParser parser = new EscPosParser("x");
        parser.feed(HexFormat.of().parseHex("1B7A" + "4F4B" + "0A"));
        assertThrows(EscPosParseException.class, parser::next);
        assertEquals(new Text("OK".getBytes(StandardCharsets.US_ASCII)), parser.next());
        assertEquals(new LineFeed(), parser.next());
        assertNull(parser.next());
        assertEquals(List.of(), parser.finish());
    }

    @Test
    void text_held_at_the_end_of_a_chunk_comes_out_whole() {
        EscPosParser parser = new EscPosParser("x");
        parser.feed("Sea".getBytes(StandardCharsets.US_ASCII));
        assertNull(parser.next());
        parser.feed("t G12\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new Text("Seat G12".getBytes(StandardCharsets.US_ASCII)), parser.next());
    }

    @Test
    void the_writer_refuses_what_a_printer_would_misread() {
        assertThrows(IllegalArgumentException.class, () -> new EscPosWriter().codePage(CodePage.PC437).text("€"));
        assertThrows(IllegalArgumentException.class, () -> new EscPosWriter().text("two\nlines"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EscPosWriter().qr("A\u0010\u0004\u0001B"));
        assertTrue(e.getMessage().contains("DLE EOT 1"), e.getMessage());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static EscPosParseException parseError(String hex) {
        return assertThrows(EscPosParseException.class, () -> EscPosParser.parseAll(HexFormat.of().parseHex(hex)));
    }
}
