package io.wavebench.simulators.printer;

import io.wavebench.drivers.escpos.SerialEscPosPrinter;
import io.wavebench.drivers.serial.JSerialCommLink;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The printer simulator as its own OS process (DESIGN §2): {@code java ... PrinterProcess
 * /dev/pts/7 receipts/} listens on the port, prints a line per receipt and writes each one as
 * {@code receipt-N.png}, until the process is stopped. A bench rig can point a real kiosk at it.
 */
public final class PrinterProcess {

    private PrinterProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: PrinterProcess <serial port path> [directory for receipt PNGs, default .]");
            System.exit(2);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        serve(args[0], Path.of(args.length > 1 ? args[1] : "."), System.out, stop);
    }

    /** Serves until {@code stop} opens; returns how many receipts were printed. */
    public static int serve(String port, Path pngDirectory, PrintStream out, CountDownLatch stop) throws Exception {
        Files.createDirectories(pngDirectory);
        try (JSerialCommLink link = new JSerialCommLink(port)) {
            link.open(SerialEscPosPrinter.SERIAL_SETTINGS);
            try (SimulatedPrinter printer = new SimulatedPrinter(link)) {
                printer.start();
                out.println("printer simulator listening on " + port + ", receipts to " + pngDirectory.toAbsolutePath());
                int printed = 0;
                while (!stop.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    List<PrintedReceipt> all = printer.receipts();
                    for (; printed < all.size(); printed++) {
                        PrintedReceipt r = all.get(printed);
                        Path png = pngDirectory.resolve("receipt-" + (printed + 1) + ".png");
                        ReceiptRenderer.writePng(r, png);
                        out.println("receipt " + (printed + 1) + (r.cut() ? "" : " (not cut" + (r.stoppedByPaperEnd() ? ", paper ran out)" : ")"))
                                + ": " + r.nonBlankLines() + " QR " + r.qrPayloads() + " -> " + png);
                    }
                }
                return printed;
            }
        }
    }

}
