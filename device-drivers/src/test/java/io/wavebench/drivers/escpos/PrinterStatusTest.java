package io.wavebench.drivers.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrinterStatusTest {

    @Test
    void an_idle_printer_answers_0x12_to_everything() {
        assertEquals(PrinterState.READY, status(0x12, 0x12, 0x12).state());
    }

    /** The bytes a real out-of-paper printer sends (domain notes §2.1). */
    @Test
    void an_out_of_paper_printer_answers_1A_32_7E() {
        PrinterStatus s = status(0x1A, 0x32, 0x7E);
        assertTrue(s.printer().offline());
        assertTrue(s.offlineCause().stoppedByPaperEnd());
        assertTrue(s.rollPaper().paperEnd());
        assertEquals(PrinterState.PAPER_OUT, s.state());
    }

    @Test
    void paper_near_end_still_prints() {
        PrinterStatus s = status(0x12, 0x12, 0x1E);
        assertEquals(PrinterState.READY, s.state());
        assertTrue(s.paperNearEnd());
    }

    @Test
    void cover_open_offline_and_error_are_told_apart() {
        assertEquals(PrinterState.COVER_OPEN, status(0x1A, 0x16, 0x12).state());
        assertEquals(PrinterState.ERROR, status(0x1A, 0x52, 0x12).state());
        assertEquals(PrinterState.OFFLINE, status(0x1A, 0x12, 0x12).state());
    }

    @Test
    void every_status_byte_decodes_and_encodes_to_itself() {
        for (int b = 0; b < 256; b++) {
            if (!PrinterStatus.isStatusByte(b)) continue;
            assertEquals(b, PrinterStatus.Printer.decode(b).encode(), "DLE EOT 1 " + b);
            assertEquals(b, PrinterStatus.OfflineCause.decode(b).encode(), "DLE EOT 2 " + b);
            assertEquals(b, PrinterStatus.ErrorCause.decode(b).encode(), "DLE EOT 3 " + b);
        }
        for (boolean near : new boolean[] {false, true}) {
            for (boolean end : new boolean[] {false, true}) {
                PrinterStatus.RollPaper p = new PrinterStatus.RollPaper(near, end);
                assertEquals(p, PrinterStatus.RollPaper.decode(p.encode()));
            }
        }
    }

    @Test
    void a_byte_without_the_fixed_bits_is_no_status() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrinterStatus.Printer.decode(0xFF));
        assertTrue(e.getMessage().contains("0xFF is not a DLE EOT 1 status byte"), e.getMessage());
        assertFalse(PrinterStatus.isStatusByte(0x00));
        assertTrue(PrinterStatus.isPaperSensorReply(0x0F));
        assertFalse(PrinterStatus.isPaperSensorReply(0x12));
    }

    private static PrinterStatus status(int printer, int cause, int paper) {
        return new PrinterStatus(PrinterStatus.Printer.decode(printer), PrinterStatus.OfflineCause.decode(cause),
                PrinterStatus.RollPaper.decode(paper), Optional.empty());
    }
}
