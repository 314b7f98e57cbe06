package io.wavebench.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.escpos.EscPosCommand;
import io.wavebench.drivers.escpos.EscPosWriter;
import io.wavebench.drivers.escpos.PrinterStatus;
import io.wavebench.drivers.escpos.SerialEscPosPrinter;
import io.wavebench.drivers.escpos.StatusKind;
import io.wavebench.drivers.serial.JSerialCommLink;
import io.wavebench.drivers.serial.VirtualSerialPair;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wavebench sim printer} on one end of a pty pair, a kiosk's bytes on the other, as a kiosk team would run it. */
class SimPrinterCommandTest {

    private record Run(int exit, String out) {}

    private static Run run(StringWriter text, String... args) {
        CommandLine cli = new CommandLine(new Wavebench());
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int exit = cli.execute(args);
        return new Run(exit, text.toString());
    }

    @Test
    void sim_printer_prints_a_job_to_a_png_and_answers_dle_eot_with_paper_out_after_one_receipt(@TempDir Path dir) throws Exception {
        try (VirtualSerialPair cable = VirtualSerialPair.open("sim-printer")) {
            StringWriter log = new StringWriter();
            CompletableFuture<Run> printer = CompletableFuture.supplyAsync(() -> run(log, "sim", "printer", "--port", cable.pathA(),
                    "--paper-out-after", "1", "--trace", "--out", dir.toString(), "--timeout", "6s"));
            await("sim printer listening").atMost(Duration.ofSeconds(10)).until(() -> log.toString().contains("ESC/POS printer on"));
            try (JSerialCommLink kiosk = new JSerialCommLink(cable.pathB())) {
                kiosk.open(SerialEscPosPrinter.SERIAL_SETTINGS);
                assertEquals(new PrinterStatus.RollPaper(false, false), PrinterStatus.RollPaper.decode(status(kiosk)), "before the job");
                byte[] pulse = {0x1B, 'p', 0, 0x19, (byte) 0xFA}; // ESC p: a drawer pulse, skipped and reported once
                kiosk.write(new EscPosWriter().initialize().line("SEAT F12").add(new EscPosCommand.Unrecognized("x", pulse))
                        .add(new EscPosCommand.Unrecognized("x", pulse)).qr("WBT-42").cut().toBytes());
                await("receipt-0001.png").atMost(Duration.ofSeconds(5)).until(() -> Files.isRegularFile(dir.resolve("receipt-0001.png")));
                assertEquals(new PrinterStatus.RollPaper(true, true), PrinterStatus.RollPaper.decode(status(kiosk)), "after the one receipt the roll lasts");
            }
            Run r = printer.get(20, TimeUnit.SECONDS);
            assertEquals(0, r.exit(), r.out());
            assertTrue(r.out().contains("receipt 1: 1 lines, QR [WBT-42]"), r.out());
            assertTrue(r.out().contains("Text[SEAT F12]"), "--trace shows each command: " + r.out());
            assertEquals(1, r.out().lines().filter(l -> l.contains("skipped unknown command ESC p (generate pulse)")).count(), "reported once: " + r.out());
            assertTrue(r.out().contains("paper out after receipt 1"), r.out());
            assertTrue(r.out().contains("stopped: 1 receipt(s), 0 parse error(s)"), r.out());
        }
    }

    @Test
    void sim_printer_names_the_port_it_cannot_open() {
        Run r = run(new StringWriter(), "sim", "printer", "--port", "/dev/nonexistent-printer", "--timeout", "1s");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("FAILED: cannot open the printer port /dev/nonexistent-printer"), r.out());
    }

    @Test
    void sim_printer_has_help() {
        Run help = run(new StringWriter(), "sim", "printer", "--help");
        assertEquals(0, help.exit());
        for (String option : new String[] {"--port", "--paper-out-after", "--trace", "--out", "--timeout", "DLE EOT", "receipt-0001.png"}) {
            assertTrue(help.out().contains(option), () -> option + " in: " + help.out());
        }
        assertTrue(run(new StringWriter(), "sim", "--help").out().contains("sim printer"));
        assertEquals(2, run(new StringWriter(), "sim", "printer", "--port", "/dev/null", "--paper-out-after", "0").exit(), "a usage error");
    }

    /** DLE EOT 4 and the one status byte the printer answers. */
    private static int status(JSerialCommLink kiosk) {
        kiosk.write(new EscPosCommand.StatusRequest(StatusKind.ROLL_PAPER).bytes());
        byte[] b = new byte[1];
        int n = kiosk.read(b, Duration.ofSeconds(2));
        assertEquals(1, n, "a status byte within 2 s");
        return b[0] & 0xFF;
    }
}
