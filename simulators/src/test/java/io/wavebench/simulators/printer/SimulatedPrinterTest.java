package io.wavebench.simulators.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.escpos.EscPosParseException;
import io.wavebench.drivers.escpos.SerialEscPosPrinter;
import io.wavebench.drivers.serial.InMemorySerialLink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's receiving side with raw bytes, on an in-memory line. */
class SimulatedPrinterTest {

    private static final Duration DEADLINE = Duration.ofSeconds(3);

    private final InMemorySerialLink[] cable = InMemorySerialLink.pair("/dev/pts/kiosk", "/dev/pts/printer");
    private SimulatedPrinter printer;

    @BeforeEach
    void start() {
        cable[0].open(SerialEscPosPrinter.SERIAL_SETTINGS);
        cable[1].open(SerialEscPosPrinter.SERIAL_SETTINGS);
        printer = new SimulatedPrinter(cable[1]);
        printer.start();
    }

    @AfterEach
    void stop() {
        printer.close();
        cable[0].close();
        cable[1].close();
    }

    /** Epson: DLE EOT n is answered wherever it appears, here inside QR data. */
    @Test
    void dle_eot_inside_command_data_is_answered_in_real_time() {
        send("1D286B08003150304110040142" + "1D286B0300315130" + "1D5630"); // QR store "A 10 04 01 B", print, cut
        assertEquals(List.of(0x12), answers(1));
        assertEquals(List.of("A\u0010\u0004\u0001B"), printer.awaitReceipts(1, DEADLINE).get(0).qrPayloads());
    }

    @Test
    void a_bad_command_is_recorded_and_printing_goes_on() {
        send("1B7A" + "4F4B0A" + "1D5630"); // ESC z (unknown), "OK" LF, cut
        assertEquals(List.of("OK"), printer.awaitReceipts(1, DEADLINE).get(0).textLines());
        EscPosParseException e = printer.parseErrors().get(0);
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().startsWith("ESC/POS from /dev/pts/printer: unknown command ESC 'z'"), e.getMessage());
    }

    @Test
    void an_epson_command_it_does_not_print_is_skipped_whole_and_reported_once_per_kind_per_receipt() {
        // ESC p m t1 t2 (drawer pulse) whose t1 is 0x0A, twice, then "OK" LF, cut; then the same again.
        String job = "1B70000A32" + "1B70000A32" + "4F4B0A" + "1D5630";
        send(job + job);
        List<PrintedReceipt> receipts = printer.awaitReceipts(2, DEADLINE);
        assertEquals(List.of("OK"), receipts.get(0).textLines(), "the pulse's 0x0A is a parameter, not a line feed");
        assertEquals(List.of("ESC p (generate pulse)"), receipts.get(0).skipped());
        assertEquals(List.of("ESC p (generate pulse)"), receipts.get(1).skipped());
        assertEquals(List.of("ESC p (generate pulse): 5 bytes at offset 0 (1B 70 00 0A 32)", "ESC p (generate pulse): 5 bytes at offset 16 (1B 70 00 0A 32)"),
                printer.skippedCommands(), "once per receipt, not once per command");
        assertEquals(List.of(), printer.parseErrors());
    }

    @Test
    void paper_lasting_one_receipt_runs_out_right_after_its_cut() {
        printer.paperLastsReceipts(1);
        send("4F4E450A1D5630" + "100404"); // "ONE" LF, cut, DLE EOT 4
        assertEquals(List.of(0x7E), answers(1), "DLE EOT 4 after the receipt the roll lasted: paper out");
        long dropped = printer.droppedBytes();
        send("54574F0A1D5630" + "100404"); // "TWO" LF, cut: nothing prints; DLE EOT 4
        assertEquals(List.of(0x7E), answers(1));
        assertEquals(1, printer.receipts().size());
        assertEquals(7, printer.droppedBytes() - dropped, "the second job, dropped");
    }

    @Test
    void what_arrives_while_out_of_paper_is_dropped_but_status_is_answered() {
        printer.runOutOfPaper();
        send("4F4B0A" + "100404" + "1D5630");
        assertEquals(List.of(0x7E), answers(1)); // DLE EOT 4: near end and end sensors both set
        // The cut after the DLE EOT may still be in flight: refilled before it lands, it would cut an empty receipt.
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (printer.droppedBytes() < 6 && System.nanoTime() < deadline) LockSupport.parkNanos(1_000_000);
        printer.refill();
        send("4F4B0A1D5630");
        assertEquals(List.of("OK"), printer.awaitReceipts(1, DEADLINE).get(0).textLines());
        assertEquals(6, printer.droppedBytes(), "the text and cut sent while out of paper, not the DLE EOT");
    }

    @Test
    void the_gs_r_answer_comes_after_the_data_before_it() {
        send("4F4B0A" + "1D7201");
        assertEquals(List.of(0x00), answers(1));
        assertEquals(List.of("OK"), printer.inProgress().textLines());
    }

    private void send(String hex) {
        cable[0].write(HexFormat.of().parseHex(hex));
    }

    private List<Integer> answers(int count) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[16];
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            int n = cable[0].read(buf, Duration.ofMillis(50));
            got.write(buf, 0, n);
        }
        return got.toString(StandardCharsets.ISO_8859_1).chars().boxed().toList();
    }
}
