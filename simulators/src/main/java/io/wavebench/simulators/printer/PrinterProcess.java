package io.wavebench.simulators.printer;

import io.wavebench.drivers.escpos.SerialEscPosPrinter;
import io.wavebench.drivers.serial.JSerialCommLink;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The printer simulator as its own OS process (DESIGN §2): {@code java ... PrinterProcess
 * /dev/pts/7 receipts/} listens on the port, prints a line per receipt and writes each one as
 * {@code receipt-N.png}, until the process is stopped. A bench rig can point a real kiosk at it.
 */
@Command(name = "PrinterProcess", mixinStandardHelpOptions = true,
        description = "The simulated ESC/POS printer on a serial port: a line per receipt, each written as receipt-N.png, until stopped.")
public final class PrinterProcess implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PORT", description = "The serial port the kiosk prints to, e.g. a pty such as /dev/pts/7.")
    String port;

    @Parameters(index = "1", arity = "0..1", defaultValue = ".", paramLabel = "DIR", description = "Where the receipt PNGs go (default: ${DEFAULT-VALUE}).")
    Path pngDirectory;

    /** Exit codes: 0 stopped, 1 the port failed, 2 a command line it cannot run with. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new PrinterProcess()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        serve(port, pngDirectory, System.out, stop);
        return 0;
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
                while (!stop.await(100, TimeUnit.MILLISECONDS)) {
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
