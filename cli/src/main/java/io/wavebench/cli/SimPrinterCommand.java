package io.wavebench.cli;

import io.wavebench.drivers.escpos.EscPosParseException;
import io.wavebench.drivers.escpos.SerialEscPosPrinter;
import io.wavebench.drivers.serial.JSerialCommLink;
import io.wavebench.drivers.serial.SerialLinkException;
import io.wavebench.simulators.printer.PrintedReceipt;
import io.wavebench.simulators.printer.ReceiptRenderer;
import io.wavebench.simulators.printer.SimulatedPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wavebench sim printer}: the simulated 80 mm ESC/POS receipt printer on a port, for a kiosk to print to. */
@Command(
        name = "printer",
        mixinStandardHelpOptions = true,
        description = {
            "A simulated 80 mm ESC/POS receipt printer (Epson's command set) on PORT,",
            "for a kiosk to print to. It answers DLE EOT n (real-time status) at once, as",
            "a printer does, and GS r 1 in turn; prints text, styles, bar codes, QR codes",
            "and raster images; and writes each receipt, once cut, as DIR/receipt-0001.png,",
            "receipt-0002.png, ... in the order printed, logging a line for each.",
            "Epson commands it does not print (a drawer pulse, page mode, NV graphics...)",
            "are skipped whole and logged once per kind per receipt; bytes that are no",
            "ESC/POS command are logged as parse errors. --paper-out-after N runs the roll",
            "out right after the Nth receipt is cut: the kiosk's next DLE EOT 4 says paper",
            "out and nothing more prints. Serial line 38400 8N1; a pty of a pair made by",
            "socat -d -d pty,raw,echo=0 pty,raw,echo=0 works too. Runs until stopped",
            "(Ctrl-C) or for --timeout. Exit 0 when stopped, 1 when the port cannot be",
            "opened, 2 for a command line it cannot run with."
        })
final class SimPrinterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "Serial port the kiosk prints to: /dev/ttyUSB0, or a pty such as /dev/pts/5.")
    String port;

    @Option(names = "--out", defaultValue = ".", paramLabel = "DIR", description = "Where the receipt PNGs go (default: the current folder).")
    Path out;

    @Option(names = "--paper-out-after", paramLabel = "N", description = "The roll runs out right after the Nth receipt is cut (default: never).")
    Integer paperOutAfter;

    @Option(names = "--trace", description = "Also log every command parsed, each skipped kind once per receipt, and every parse error.")
    boolean trace;

    @Option(names = "--timeout", paramLabel = "TIME", description = "Stop after this long, e.g. 30s or 5m (default: run until stopped).")
    String timeout;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter log = spec.commandLine().getOut();
        if (paperOutAfter != null && paperOutAfter < 1) {
            throw new ParameterException(spec.commandLine(), "--paper-out-after must be 1 or more, got " + paperOutAfter);
        }
        Duration limit;
        try {
            limit = timeout == null ? null : SimCommand.duration(timeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--timeout: " + e.getMessage());
        }
        Files.createDirectories(out);
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "sim printer stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (JSerialCommLink link = new JSerialCommLink(port)) {
            try {
                link.open(SerialEscPosPrinter.SERIAL_SETTINGS);
            } catch (SerialLinkException e) {
                SimCommand.log(log, "FAILED: cannot open the printer port " + port + ": " + e.getMessage());
                return 1;
            }
            try (SimulatedPrinter printer = new SimulatedPrinter(link)) {
                if (trace) printer.trace(line -> SimCommand.log(log, "    " + line));
                if (paperOutAfter != null) printer.paperLastsReceipts(paperOutAfter);
                printer.start();
                SimCommand.log(log, "ESC/POS printer on " + port + " (38400 8N1), receipts to " + out.toAbsolutePath()
                        + (paperOutAfter == null ? "" : ", paper runs out after receipt " + paperOutAfter)
                        + (limit == null ? "" : ", for " + timeout));
                return serve(printer, log, stop, limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos());
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM is stopping anyway
            }
        }
    }

    private int serve(SimulatedPrinter printer, PrintWriter log, CountDownLatch stop, long deadline) throws InterruptedException {
        int written = 0, errors = 0, events = 0;
        while (true) {
            boolean stopping = stop.await(50, TimeUnit.MILLISECONDS) || System.nanoTime() >= deadline;
            List<String> all = printer.events();
            for (; events < all.size(); events++) {
                String event = all.get(events);
                if (!event.startsWith("parse error") && !event.startsWith("skipped unknown command") || !trace) SimCommand.log(log, "printer: " + event);
            }
            List<EscPosParseException> parseErrors = printer.parseErrors();
            errors = parseErrors.size();
            List<PrintedReceipt> receipts = printer.receipts();
            for (; written < receipts.size(); written++) {
                PrintedReceipt r = receipts.get(written);
                Path png = out.resolve(String.format("receipt-%04d.png", written + 1));
                ReceiptRenderer.writePng(r, png);
                SimCommand.log(log, "receipt " + (written + 1) + (r.cut() ? "" : r.stoppedByPaperEnd() ? " (paper ran out in it)" : " (not cut)")
                        + ": " + r.nonBlankLines().size() + " lines, QR " + r.qrPayloads() + ", bar codes " + r.barcodes()
                        + (r.skipped().isEmpty() ? "" : ", skipped " + r.skipped()) + " -> " + png);
            }
            if (stopping) {
                SimCommand.log(log, "stopped: " + written + " receipt(s), " + errors + " parse error(s), " + printer.droppedBytes() + " byte(s) dropped, status "
                        + printer.status().state());
                return 0;
            }
        }
    }
}
