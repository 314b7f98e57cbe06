package io.wavebench.simulators.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wavebench.drivers.escpos.EscPosCommand;
import io.wavebench.drivers.escpos.EscPosParseException;
import io.wavebench.drivers.escpos.EscPosParser;

/**
 * DESIGN §6 "bad input": whatever bytes reach the printer, in whatever chunks, the ESC/POS parser
 * hands out commands or throws {@link EscPosParseException} naming the offset and bytes, always
 * moving forward (no hang), and the print mechanism takes every command it hands out. Jazzer
 * fuzzes this for a few seconds in the suite (JAZZER_FUZZ is set in this module's Surefire
 * configuration) and replays the seeds under {@code PrinterInputFuzzTestInputs} otherwise. The
 * driver-side module has a seeded mutation fuzz of the parser alone (EscPosParserMutationTest).
 */
class PrinterInputFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void printer_input_is_printed_or_refused_by_name(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 64);
        byte[] bytes = data.consumeRemainingAsBytes();
        EscPosParser parser = new EscPosParser("fuzz-port");
        ReceiptComposer composer = new ReceiptComposer();
        for (int at = 0; at < bytes.length; at += chunk) {
            parser.feed(bytes, at, Math.min(chunk, bytes.length - at));
            drain(parser, composer);
        }
        try {
            for (EscPosCommand c : parser.finish()) composer.apply(c);
        } catch (EscPosParseException e) {
            assertEquals(EscPosParseException.Kind.TRUNCATED, e.kind());
            named(e);
        }
        assertEquals(0, parser.pending());
        assertEquals(bytes.length, parser.offset(), "every byte accounted for");
        composer.takeFinished();
        composer.inProgress().textLines();
    }

    private static void drain(EscPosParser parser, ReceiptComposer composer) {
        while (true) {
            long before = parser.offset();
            EscPosCommand command;
            try {
                command = parser.next();
            } catch (EscPosParseException e) {
                named(e);
                assertTrue(parser.offset() > before, "an error skips at least one byte");
                continue;
            }
            if (command == null) return;
            long consumed = parser.offset() - before;
            assertEquals(command.bytes().length, consumed, () -> command + " re-encodes to another length");
            composer.apply(command);
        }
    }

    private static void named(EscPosParseException e) {
        String m = e.getMessage();
        assertTrue(m.startsWith("ESC/POS from fuzz-port: ") && m.contains(" at offset " + e.offset() + " (bytes "), m);
    }
}
