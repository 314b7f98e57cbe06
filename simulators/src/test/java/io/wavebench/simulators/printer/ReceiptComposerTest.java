package io.wavebench.simulators.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.escpos.CodePage;
import io.wavebench.drivers.escpos.EscPosParser;
import io.wavebench.drivers.escpos.EscPosWriter;
import io.wavebench.drivers.escpos.Justification;
import io.wavebench.drivers.escpos.QrCodeModel;
import io.wavebench.drivers.escpos.QrErrorLevel;
import io.wavebench.simulators.printer.ReceiptElement.QrSymbol;
import io.wavebench.simulators.printer.ReceiptElement.Segment;
import io.wavebench.simulators.printer.ReceiptElement.TextLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The print mechanism: modes, lines, QR and cuts, from parsed commands. */
class ReceiptComposerTest {

    @Test
    void styles_and_justification_are_recorded_per_run_and_line() {
        PrintedReceipt r = ReceiptRendererTest.composed(new EscPosWriter().initialize()
                .align(Justification.CENTER).size(2, 2).bold(true).text("BIG").bold(false).size(1, 1).line(" small")
                .align(Justification.RIGHT).underline(2).line("under").toBytes());

        TextLine first = (TextLine) r.elements().get(0);
        assertEquals(Justification.CENTER, first.justification());
        assertEquals(List.of(new Segment("BIG", new TextStyle(true, 2, 2, 0)), new Segment(" small", TextStyle.NORMAL)), first.segments());
        assertEquals(2, first.rows());
        TextLine second = (TextLine) r.elements().get(1);
        assertEquals(Justification.RIGHT, second.justification());
        assertEquals(2, second.segments().get(0).style().underlineDots());
    }

    @Test
    void text_is_decoded_with_the_code_page_it_was_sent_in() {
        PrintedReceipt r = ReceiptRendererTest.composed(new EscPosWriter().initialize().codePage(CodePage.PC858).line("Séance 5€").toBytes());
        assertEquals(List.of("Séance 5€"), r.textLines());
    }

    @Test
    void the_qr_is_printed_with_the_model_size_and_level_it_was_given() {
        PrintedReceipt r = ReceiptRendererTest.composed(new EscPosWriter().initialize().qr("T-1", 8, QrErrorLevel.Q).toBytes());
        QrSymbol qr = (QrSymbol) r.elements().get(0);
        assertEquals(QrCodeModel.MODEL_2, qr.model());
        assertEquals(8, qr.moduleDots());
        assertEquals(QrErrorLevel.Q, qr.errorLevel());
        assertEquals("T-1", qr.text());
    }

    @Test
    void initialize_drops_the_unprinted_line_and_resets_modes() {
        PrintedReceipt r = ReceiptRendererTest.composed(new EscPosWriter().bold(true).text("lost").initialize().line("kept").toBytes());
        assertEquals(List.of("kept"), r.textLines());
        assertFalse(((TextLine) r.elements().get(0)).segments().get(0).style().bold());
    }

    @Test
    void the_paper_runs_out_at_the_row_it_was_told() {
        ReceiptComposer composer = new ReceiptComposer();
        composer.paperRows(2);
        boolean printing = true;
        for (var c : EscPosParser.parseAll(new EscPosWriter().line("1").line("2").line("3").cut().toBytes())) {
            printing = composer.apply(c);
            if (!printing) break;
        }
        assertFalse(printing);
        assertTrue(composer.paperOut());
        PrintedReceipt stub = composer.takeFinished().get(0);
        assertEquals(List.of("1", "2"), stub.textLines());
        assertTrue(stub.stoppedByPaperEnd());
    }
}
