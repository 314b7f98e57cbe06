package io.wavebench.drivers.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.drivers.serial.SerialLink;
import java.time.Duration;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver against a scripted printer on an in-memory line: the odd answers a real printer or a
 * bad cable gives. The printer simulator over real ptys is tested in the simulators module.
 */
class SerialEscPosPrinterTest {

    private final InMemorySerialLink[] cable = InMemorySerialLink.pair("/dev/pts/kiosk", "/dev/pts/printer");
    private Thread responder;
    private volatile boolean running = true;

    @AfterEach
    void unplug() throws InterruptedException {
        running = false;
        if (responder != null) responder.join(1000);
        cable[0].close();
        cable[1].close();
    }

    @Test
    void a_printer_answering_garbage_is_named_with_the_byte() {
        SerialEscPosPrinter driver = driverAgainst(n -> 0xFF);
        PrinterException e = assertThrows(PrinterException.class, driver::status);
        assertTrue(e.getMessage().startsWith("printer on /dev/pts/kiosk answered DLE EOT 1 with 0xFF, which is no status byte; last bytes seen FF"),
                e.getMessage());
    }

    @Test
    void a_late_gs_r_answer_is_not_taken_for_a_status() {
        // Answers every DLE EOT with a stale GS r reply (0x00) first, then the status.
        SerialEscPosPrinter driver = driverAgainst(n -> n == StatusKind.ROLL_PAPER.n() ? 0x7E : 0x12, true);
        assertEquals(PrinterState.PAPER_OUT, driver.status().state());
    }

    @Test
    void a_job_the_printer_never_confirms_is_a_named_timeout() {
        SerialEscPosPrinter driver = driverAgainst(n -> 0x12); // answers status, ignores GS r
        PrinterTimeoutException e = assertThrows(PrinterTimeoutException.class,
                () -> driver.print(new EscPosWriter().line("x").toBytes()));
        assertTrue(e.getMessage().startsWith("printer on /dev/pts/kiosk did not finish a 2-byte job (no answer to GS r 1) within 300 ms"),
                e.getMessage());
    }

    @Test
    void a_refusing_printer_gets_nothing() {
        SerialEscPosPrinter driver = driverAgainst(n -> n == StatusKind.OFFLINE_CAUSE.n() ? 0x16 : n == StatusKind.PRINTER.n() ? 0x1A : 0x12);
        PrintOutcome outcome = driver.print(new EscPosWriter().line("x").toBytes());
        assertInstanceOf(PrintOutcome.Refused.class, outcome);
        assertEquals(PrinterState.COVER_OPEN, outcome.state());
    }

    private SerialEscPosPrinter driverAgainst(IntUnaryOperator answer) {
        return driverAgainst(answer, false);
    }

    /** A printer that answers DLE EOT n with {@code answer(n)} and nothing else. */
    private SerialEscPosPrinter driverAgainst(IntUnaryOperator answer, boolean staleGsRFirst) {
        SerialLink printerEnd = cable[1];
        printerEnd.open(SerialEscPosPrinter.SERIAL_SETTINGS);
        responder = new Thread(() -> {
            byte[] buf = new byte[256];
            int matched = 0;
            while (running) {
                int n = printerEnd.read(buf, Duration.ofMillis(20));
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xFF;
                    if (matched == 2 && b >= 1 && b <= 4) {
                        printerEnd.write(staleGsRFirst ? new byte[] {0, (byte) answer.applyAsInt(b)} : new byte[] {(byte) answer.applyAsInt(b)});
                        matched = 0;
                    } else {
                        matched = b == 0x10 ? 1 : matched == 1 && b == 0x04 ? 2 : 0;
                    }
                }
            }
        }, "scripted printer");
        responder.setDaemon(true);
        responder.start();
        SerialEscPosPrinter driver = new SerialEscPosPrinter(cable[0], Duration.ofMillis(300), Duration.ofMillis(300));
        driver.open();
        return driver;
    }
}
