package io.wavebench.drivers.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.escpos.EscPosCommand.LineFeed;
import io.wavebench.drivers.escpos.EscPosCommand.Text;
import io.wavebench.drivers.escpos.EscPosParseException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    void a_two_dimensional_code_other_than_qr_is_refused() {
        EscPosParseException e = parseError("1D286B0300304130"); // cn = 48: PDF417
        assertTrue(e.getMessage().contains("only QR Code (cn = 49)"), e.getMessage());
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

    private static EscPosParseException parseError(String hex) {
        return assertThrows(EscPosParseException.class, () -> EscPosParser.parseAll(HexFormat.of().parseHex(hex)));
    }
}
