package io.wavebench.simulators.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.escpos.PrintOutcome;
import io.wavebench.drivers.escpos.PrinterState;
import io.wavebench.drivers.escpos.PrinterTimeoutException;
import io.wavebench.drivers.escpos.SerialEscPosPrinter;
import io.wavebench.drivers.serial.JSerialCommLink;
import io.wavebench.drivers.serial.VirtualSerialPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's printer driver and the printer simulator on two real ttys (a {@link VirtualSerialPair},
 * jSerialComm at both ends), as in nightly CI.
 */
class SimulatedPrinterPtyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final Tickets TICKET = Tickets.sample();

    private VirtualSerialPair cable;
    private JSerialCommLink kioskEnd;
    private JSerialCommLink printerEnd;
    private SimulatedPrinter printer;
    private SerialEscPosPrinter driver;

    @BeforeEach
    void wire() {
        cable = VirtualSerialPair.open("printer-test");
        kioskEnd = new JSerialCommLink(cable.pathA());
        printerEnd = new JSerialCommLink(cable.pathB());
        printerEnd.open(SerialEscPosPrinter.SERIAL_SETTINGS);
        printer = new SimulatedPrinter(printerEnd);
        printer.start();
        driver = new SerialEscPosPrinter(kioskEnd, Duration.ofMillis(500), Duration.ofSeconds(3));
        driver.open();
    }

    @AfterEach
    void unwire() {
        driver.close();
        printer.close();
        printerEnd.close();
        cable.close();
    }

    @Test
    void a_ticket_is_printed_as_written() throws Exception {
        PrintOutcome outcome = driver.print(TICKET.bytes());

        assertInstanceOf(PrintOutcome.Printed.class, outcome, outcome.toString());
        PrintedReceipt receipt = printer.awaitReceipts(1, DEADLINE).get(0);
        assertEquals(TICKET.expectedLines(), receipt.nonBlankLines());
        assertEquals(List.of(TICKET.qrPayload()), receipt.qrPayloads());
        assertTrue(receipt.cut());
        assertFalse(receipt.stoppedByPaperEnd());
        assertEquals(List.of(), printer.parseErrors());
        assertEquals(TICKET.qrPayload(), ReceiptRendererTest.decodeQr(ReceiptRenderer.render(receipt)).getText());
    }

    @Test
    void out_of_paper_is_seen_before_printing_and_nothing_is_sent() {
        printer.runOutOfPaper();

        PrintOutcome outcome = driver.print(TICKET.bytes());

        assertInstanceOf(PrintOutcome.Refused.class, outcome);
        assertEquals(PrinterState.PAPER_OUT, outcome.state());
        assertEquals(List.of(), printer.receipts());
        assertEquals(0, printer.droppedBytes(), "the job must not have been sent");
    }

    @Test
    void after_a_refill_the_retry_prints() {
        printer.runOutOfPaper();
        assertEquals(PrinterState.PAPER_OUT, driver.print(TICKET.bytes()).state());
        printer.refill();

        PrintOutcome retry = driver.print(TICKET.bytes());

        assertInstanceOf(PrintOutcome.Printed.class, retry);
        assertEquals(TICKET.expectedLines(), printer.awaitReceipts(1, DEADLINE).get(0).nonBlankLines());
    }

    @Test
    void paper_running_out_mid_ticket_is_seen_in_the_status_after_printing() {
        printer.paperLastsRows(4); // the 2x-high title and two lines, then nothing

        PrintOutcome outcome = driver.print(TICKET.bytes());

        assertInstanceOf(PrintOutcome.Interrupted.class, outcome, outcome.toString());
        assertEquals(PrinterState.PAPER_OUT, outcome.state());
        PrintedReceipt stub = printer.receipts().get(0);
        assertTrue(stub.stoppedByPaperEnd());
        assertFalse(stub.cut());
        assertEquals(List.of(), stub.qrPayloads());
        assertTrue(printer.droppedBytes() > 0);
    }

    @Test
    void cover_open_and_offline_are_named_states() {
        printer.openCover();
        assertEquals(PrinterState.COVER_OPEN, driver.print(TICKET.bytes()).state());
        printer.closeCover();
        printer.goOffline();
        assertEquals(PrinterState.OFFLINE, driver.print(TICKET.bytes()).state());
        printer.goOnline();
        assertInstanceOf(PrintOutcome.Printed.class, driver.print(TICKET.bytes()));
    }

    @Test
    void a_jammed_cutter_interrupts_the_job_with_an_error() {
        printer.jamCutter();

        PrintOutcome outcome = driver.print(TICKET.bytes());

        assertInstanceOf(PrintOutcome.Interrupted.class, outcome, outcome.toString());
        assertEquals(PrinterState.ERROR, outcome.state());
        assertTrue(((PrintOutcome.Interrupted) outcome).after().errorCause().orElseThrow().autocutter());
    }

    @Test
    void paper_near_end_still_prints_and_says_so() {
        printer.paperNearEnd();
        PrintOutcome outcome = driver.print(TICKET.bytes());
        assertInstanceOf(PrintOutcome.Printed.class, outcome);
        assertTrue(((PrintOutcome.Printed) outcome).after().paperNearEnd());
    }

    @Test
    void a_silent_printer_is_a_timeout_naming_the_port_and_request() {
        printer.silent(true);
        PrinterTimeoutException e = assertThrows(PrinterTimeoutException.class, driver::status);
        assertTrue(e.getMessage().startsWith("printer on " + cable.pathA() + " did not answer DLE EOT 1 within 500 ms; last bytes seen"),
                e.getMessage());
    }
}
