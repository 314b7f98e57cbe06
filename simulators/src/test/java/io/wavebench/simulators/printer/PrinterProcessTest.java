package io.wavebench.simulators.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.escpos.PrintOutcome;
import io.wavebench.drivers.escpos.PrinterTimeoutException;
import io.wavebench.drivers.escpos.SerialEscPosPrinter;
import io.wavebench.drivers.serial.JSerialCommLink;
import io.wavebench.drivers.serial.VirtualSerialPair;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrinterProcessTest {

    @Test
    void the_standalone_printer_writes_each_receipt_as_a_png(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        try (VirtualSerialPair cable = VirtualSerialPair.open("printer-process-test")) {
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                try {
                    return PrinterProcess.serve(cable.pathB(), dir, new PrintStream(log, true, StandardCharsets.UTF_8), stop);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SerialEscPosPrinter kiosk = new SerialEscPosPrinter(new JSerialCommLink(cable.pathA()), Duration.ofSeconds(1), Duration.ofSeconds(3))) {
                kiosk.open();
                PrintOutcome outcome = awaitPrint(kiosk);
                assertInstanceOf(PrintOutcome.Printed.class, outcome);
            }
            Path png = dir.resolve("receipt-1.png");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (!Files.exists(png) && System.nanoTime() < deadline) Thread.onSpinWait();
            stop.countDown();
            assertEquals(1, served.get(3, TimeUnit.SECONDS));
            assertTrue(Files.size(png) > 1000);
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("receipt 1: [CINEMA 7"), log.toString(StandardCharsets.UTF_8));
        }
    }

    /** The process may still be opening its port: its first status answers can be missing. */
    private static PrintOutcome awaitPrint(SerialEscPosPrinter kiosk) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                return kiosk.print(Tickets.sample().bytes());
            } catch (PrinterTimeoutException e) {
                if (System.nanoTime() > deadline) throw e;
            }
        }
    }
}
