package io.wavebench.simulators.printer;

import io.wavebench.drivers.escpos.EscPosCommand;
import io.wavebench.drivers.escpos.EscPosParseException;
import io.wavebench.drivers.escpos.EscPosParser;
import io.wavebench.drivers.escpos.PrinterStatus;
import io.wavebench.drivers.escpos.StatusKind;
import io.wavebench.drivers.serial.SerialLink;
import io.wavebench.drivers.serial.SerialLinkException;
import io.wavebench.drivers.wait.Wait;
import io.wavebench.simulators.Startable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An 80 mm ESC/POS receipt printer on a serial line (DESIGN §5.5): it parses what the kiosk sends,
 * answers DLE EOT in real time, prints text, styles, bar codes, QR codes and raster images onto
 * receipts that tests read ({@link #receipts()}) and a report shows ({@link ReceiptRenderer}),
 * skips the Epson commands it does not print and reports each kind once per receipt
 * ({@link #skippedCommands()}), and misbehaves on request:
 * out of paper, paper running out after some rows, near end, cover open, offline, cutter jam,
 * silent.
 *
 * <p>Like a real printer, DLE EOT n is answered where it is received, wherever the three bytes
 * appear (Epson: even inside another command's data), and even while offline. Everything else
 * is printed in order. A printer that cannot print (no paper, cover open, offline, error) drops
 * what it receives ({@link #droppedBytes()}) rather than printing it later: a real one holds it in
 * its receive buffer and resumes after recovery, which would print a half ticket twice; the
 * kiosk's contract is to re-send after refill. GS r 1 is answered in turn, so a stopped printer
 * never answers it.
 *
 * <p>Ownership: the link belongs to the caller, who opens it (for example with
 * {@code SerialEscPosPrinter.SERIAL_SETTINGS}) before {@link #start()} and closes it after
 * {@link #close()}.
 */
public final class SimulatedPrinter implements Startable {

    private static final Duration READ_SLICE = Duration.ofMillis(50);

    private final SerialLink link;
    private final ReceiptComposer composer = new ReceiptComposer();
    private EscPosParser parser;

    // Guarded by this.
    private final List<PrintedReceipt> receipts = new ArrayList<>();
    private final List<EscPosParseException> parseErrors = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private Consumer<String> trace = line -> { };
    private long droppedBytes;
    /** Receipts until the roll ends ({@link #paperLastsReceipts}); 0: no such limit. */
    private int receiptsLeft;
    private boolean coverOpen;
    private boolean forcedOffline;
    private boolean nearEnd;
    private boolean silent;
    private boolean error;
    private volatile boolean running;
    private Thread thread;

    // Receiver thread only: the real-time scanner's position in "10 04 n".
    private int realTimeMatched;

    public SimulatedPrinter(SerialLink link) {
        this.link = link;
        this.parser = new EscPosParser(link.name());
    }

    public String name() {
        return link.name();
    }

    @Override
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException(name() + ": start() called on a running printer simulator");
        running = true;
        thread = new Thread(this::receive, "simulated-printer " + name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the receiver thread within one read slice; leaves the link open. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            if (t == null) return;
            running = false;
        }
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            thread = null;
        }
    }

    // ---- faults (each a real printer's condition) -------------------------------------------------

    /** The roll is empty: DLE EOT 4 answers 0x7E, DLE EOT 2 "stopped by paper end", nothing prints. */
    public synchronized void runOutOfPaper() {
        composer.paperRows(0);
        event("paper out");
    }

    /** The roll holds {@code rows} more character rows; the printer stops in the middle of what comes after. */
    public synchronized void paperLastsRows(long rows) {
        composer.paperRows(rows);
        event("paper lasts " + rows + " rows");
    }

    /**
     * The roll runs out right after the {@code receipts}th receipt from now is cut: that one
     * prints whole, and the next DLE EOT says paper out (a kiosk scenario's "paper out after N").
     */
    public synchronized void paperLastsReceipts(int receipts) {
        if (receipts < 1) throw new IllegalArgumentException("paper must last at least one receipt, got " + receipts);
        receiptsLeft = receipts;
        event("paper lasts " + receipts + " receipt(s)");
    }

    /** The near-end sensor trips: still prints, DLE EOT 4 says so. */
    public synchronized void paperNearEnd() {
        nearEnd = true;
        event("paper near end");
    }

    /** A new roll: paper present, near-end cleared; the printer prints again. */
    public synchronized void refill() {
        composer.refill();
        receiptsLeft = 0;
        nearEnd = false;
        resume("refilled");
    }

    public synchronized void openCover() {
        coverOpen = true;
        event("cover opened");
    }

    public synchronized void closeCover() {
        coverOpen = false;
        resume("cover closed");
    }

    /** Offline for a reason other than paper, cover or error (e.g. the feed button is held). */
    public synchronized void goOffline() {
        forcedOffline = true;
        event("went offline");
    }

    public synchronized void goOnline() {
        forcedOffline = false;
        resume("went online");
    }

    /** The next cut fails: the paper stays attached and the printer reports an autocutter error. */
    public synchronized void jamCutter() {
        composer.jamCutter(true);
        event("cutter jammed");
    }

    /** Clears an error (as DLE ENQ 1 or power cycling would). */
    public synchronized void clearError() {
        composer.jamCutter(false);
        error = false;
        resume("error cleared");
    }

    /** Stops answering DLE EOT (a dead or disconnected printer); {@code false} answers again. */
    public synchronized void silent(boolean silent) {
        this.silent = silent;
        event(silent ? "stopped answering status" : "answers status again");
    }

    // ---- what happened ------------------------------------------------------------------------------

    /** Receipts cut off or stopped by paper end, oldest first. */
    public synchronized List<PrintedReceipt> receipts() {
        return List.copyOf(receipts);
    }

    /** What is on the paper since the last cut. */
    public synchronized PrintedReceipt inProgress() {
        return composer.inProgress();
    }

    public synchronized List<EscPosParseException> parseErrors() {
        return List.copyOf(parseErrors);
    }

    /**
     * The Epson commands the printer skipped rather than printed, each kind once per receipt:
     * "ESC p (generate pulse): 5 bytes at offset 812 (1B 70 00 19 FA)", oldest first.
     */
    public synchronized List<String> skippedCommands() {
        return List.copyOf(skipped);
    }

    /**
     * Where to tell each command as it is parsed (its record's text), each skipped kind once per
     * receipt, and each parse error; called on the receiver thread. Set it before {@link #start()}.
     */
    public synchronized void trace(Consumer<String> listener) {
        this.trace = listener;
    }

    /** Bytes received while the printer could not print. */
    public synchronized long droppedBytes() {
        return droppedBytes;
    }

    /** Conditions set and cleared, with parse errors, in order. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** The status the printer would answer now. */
    public synchronized PrinterStatus status() {
        boolean paperOut = composer.paperOut();
        return new PrinterStatus(
                new PrinterStatus.Printer(false, !canPrint(), error, false),
                new PrinterStatus.OfflineCause(coverOpen, false, paperOut, error),
                new PrinterStatus.RollPaper(nearEnd || paperOut, paperOut),
                Optional.of(new PrinterStatus.ErrorCause(false, error && composer.cutterJammed(), false, false)));
    }

    /**
     * Waits until {@code count} receipts are finished, woken by each one.
     *
     * @throws io.wavebench.drivers.wait.DeviceNotReadyException on timeout, naming the port, the status and what was printed so far
     */
    public synchronized List<PrintedReceipt> awaitReceipts(int count, Duration timeout) {
        Wait.forState(count + " receipt(s) finished", (SimulatedPrinter p) -> p.receipts.size() >= count,
                        p -> p.receipts.size() + " finished; status " + p.status() + ", in progress " + p.composer.inProgress().textLines()
                                + ", last events " + p.events.subList(Math.max(0, p.events.size() - 5), p.events.size()))
                .named(p -> "printer on " + p.name())
                .withStartupTimeout(timeout)
                .pausingOn(this)
                .waitUntilReady(this);
        return List.copyOf(receipts.subList(0, count));
    }

    // ---- receiver thread ------------------------------------------------------------------------------

    private void receive() {
        byte[] chunk = new byte[4096];
        while (running) {
            int n;
            try {
                n = link.read(chunk, READ_SLICE);
            } catch (SerialLinkException e) {
                if (running) synchronized (this) { event("link failed: " + e.getMessage()); }
                return;
            }
            if (n > 0) received(chunk, n);
        }
    }

    /** Splits the chunk at each DLE EOT n so the answer reflects everything received before it. */
    private void received(byte[] chunk, int n) {
        int start = 0;
        for (int i = 0; i < n; i++) {
            int b = chunk[i] & 0xFF;
            StatusKind request = scanRealTime(b);
            if (request != null) {
                print(chunk, start, i + 1 - start, Math.min(3, i + 1 - start));
                start = i + 1;
                answer(request);
            }
        }
        print(chunk, start, n - start, 0);
    }

    /** Epson real-time processing: recognizes DLE EOT n in the raw stream, whatever surrounds it. */
    private StatusKind scanRealTime(int b) {
        if (realTimeMatched == 2) {
            realTimeMatched = 0;
            StatusKind kind = StatusKind.byN(b);
            if (kind != null) return kind;
        } else if (realTimeMatched == 1 && b == EscPosCommand.EOT) {
            realTimeMatched = 2;
            return null;
        }
        realTimeMatched = b == EscPosCommand.DLE ? 1 : 0;
        return null;
    }

    private synchronized void answer(StatusKind kind) {
        if (silent) return;
        PrinterStatus s = status();
        int b = switch (kind) {
            case PRINTER -> s.printer().encode();
            case OFFLINE_CAUSE -> s.offlineCause().encode();
            case ERROR_CAUSE -> s.errorCause().orElseThrow().encode();
            case ROLL_PAPER -> s.rollPaper().encode();
        };
        write(b);
    }

    /**
     * Prints what arrived, or drops it when the printer cannot print.
     *
     * @param realTimeBytes how many of the last bytes were a DLE EOT already answered: not counted as dropped
     */
    private synchronized void print(byte[] bytes, int off, int len, int realTimeBytes) {
        if (len == 0) return;
        if (!canPrint()) {
            // A DLE EOT split across reads had its first bytes counted in an earlier segment: take them back.
            droppedBytes = Math.max(0, droppedBytes + len - realTimeBytes - (realTimeBytes > 0 ? 3 - realTimeBytes : 0));
            return;
        }
        parser.feed(bytes, off, len);
        while (true) {
            EscPosCommand command;
            try {
                command = parser.next();
            } catch (EscPosParseException e) {
                parseErrors.add(e);
                event("parse error: " + e.getMessage());
                trace.accept("parse error: " + e.getMessage());
                continue;
            }
            if (command == null) break;
            if (command instanceof EscPosCommand.Unrecognized u) {
                if (composer.firstSkipOfKind(u)) {
                    byte[] b = u.bytes();
                    String what = u.name() + ": " + b.length + " bytes at offset " + (parser.offset() - b.length) + " ("
                            + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b, 0, Math.min(b.length, 16)) + (b.length > 16 ? " ..." : "") + ")";
                    skipped.add(what);
                    event("skipped unknown command " + what);
                    trace.accept("skipped unknown command " + what + "; further ones of this kind in this receipt are not reported");
                }
            } else {
                trace.accept(command.toString());
            }
            boolean stillPrinting = composer.apply(command);
            if (command instanceof EscPosCommand.Cut && composer.cutterJammed()) {
                error = true;
                event("cutter jammed at a cut");
            }
            finishReceipts();
            if (!stillPrinting || !canPrint()) {
                int rest = parser.pending();
                droppedBytes += rest;
                parser = new EscPosParser(name()); // what was buffered is lost with the job
                event("stopped printing: " + status().state() + ", " + rest + " buffered byte(s) dropped");
                return;
            }
            if (command instanceof EscPosCommand.PaperSensorRequest) {
                write(PrinterStatus.paperSensorReply(nearEnd, composer.paperOut()));
            }
        }
    }

    private void finishReceipts() {
        List<PrintedReceipt> done = composer.takeFinished();
        if (done.isEmpty()) return;
        receipts.addAll(done);
        for (PrintedReceipt r : done) {
            if (receiptsLeft > 0 && r.cut() && --receiptsLeft == 0) {
                composer.paperRows(0);
                event("paper out after receipt " + receipts.size());
            }
        }
        notifyAll();
    }

    private boolean canPrint() {
        return !composer.paperOut() && !coverOpen && !forcedOffline && !error;
    }

    private void resume(String why) {
        parser = new EscPosParser(name());
        event(why);
    }

    private void event(String what) {
        events.add(what);
        notifyAll();
    }

    private void write(int b) {
        try {
            link.write(new byte[] {(byte) b});
        } catch (SerialLinkException e) {
            event("could not answer: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SimulatedPrinter[" + name() + "]";
    }
}
