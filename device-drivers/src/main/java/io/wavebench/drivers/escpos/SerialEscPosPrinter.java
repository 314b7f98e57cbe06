package io.wavebench.drivers.escpos;

import io.wavebench.drivers.escpos.EscPosCommand.PaperSensorRequest;
import io.wavebench.drivers.escpos.EscPosCommand.StatusRequest;
import io.wavebench.drivers.serial.SerialLink;
import io.wavebench.drivers.serial.SerialSettings;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An ESC/POS printer on a serial line (a real one on a USB-serial adapter, or the printer
 * simulator on a pty), DESIGN §5.5: status with DLE EOT before a job, the job, then status again
 * once the printer has processed it.
 *
 * <p>"Processed" needs care: DLE EOT is answered the moment it arrives, before the data ahead of
 * it is printed, so a status right after writing says nothing about the ticket. The job is
 * therefore followed by GS r 1, which the printer answers only after everything before it. While
 * waiting for that answer the driver polls DLE EOT 1, so a printer that stopped (paper ran out
 * mid-ticket: it will never answer GS r) is noticed in one poll instead of at the job timeout. The
 * two answers are told apart by bit 4 (1 in DLE EOT replies, 0 in GS r replies; Epson).
 *
 * <p>Assumes hardware (DTR/DSR) or no flow control: with XON/XOFF the printer's 0x11/0x13 would be
 * mixed into the status bytes. One thread uses a printer at a time.
 */
public final class SerialEscPosPrinter implements ReceiptPrinter {

    /** 38400 8N1, a common factory setting of Epson serial printers; a pty ignores the rate. */
    public static final SerialSettings SERIAL_SETTINGS = new SerialSettings(38400, 8, SerialSettings.Parity.NONE, 1);
    public static final Duration DEFAULT_STATUS_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int LAST_SEEN = 16;

    private final SerialLink link;
    private final Duration statusTimeout;
    private final Duration jobTimeout;
    private final byte[] one = new byte[1];
    private final byte[] lastSeen = new byte[LAST_SEEN];
    private long lastSeenCount;

    public SerialEscPosPrinter(SerialLink link) {
        this(link, DEFAULT_STATUS_TIMEOUT, DEFAULT_JOB_TIMEOUT);
    }

    /**
     * @param statusTimeout how long a DLE EOT answer may take (a real printer answers within
     *     milliseconds; give a busy CI host some slack)
     * @param jobTimeout how long printing one job may take before the printer is called stuck
     */
    public SerialEscPosPrinter(SerialLink link, Duration statusTimeout, Duration jobTimeout) {
        this.link = link;
        this.statusTimeout = statusTimeout;
        this.jobTimeout = jobTimeout;
    }

    @Override
    public String name() {
        return link.name();
    }

    /** Opens the line at {@link #SERIAL_SETTINGS} unless the rig already opened it. */
    @Override
    public void open() {
        if (!link.isOpen()) link.open(SERIAL_SETTINGS);
    }

    @Override
    public PrinterStatus status() {
        drain();
        PrinterStatus.Printer printer = PrinterStatus.Printer.decode(ask(StatusKind.PRINTER));
        PrinterStatus.OfflineCause cause = PrinterStatus.OfflineCause.decode(ask(StatusKind.OFFLINE_CAUSE));
        PrinterStatus.RollPaper paper = PrinterStatus.RollPaper.decode(ask(StatusKind.ROLL_PAPER));
        Optional<PrinterStatus.ErrorCause> error = cause.errorOccurred()
                ? Optional.of(PrinterStatus.ErrorCause.decode(ask(StatusKind.ERROR_CAUSE)))
                : Optional.empty();
        return new PrinterStatus(printer, cause, paper, error);
    }

    @Override
    public PrintOutcome print(byte[] escPosJob) {
        PrinterStatus before = status();
        if (before.state() != PrinterState.READY) return new PrintOutcome.Refused(before);
        byte[] barrier = new PaperSensorRequest().bytes();
        byte[] out = new byte[escPosJob.length + barrier.length];
        System.arraycopy(escPosJob, 0, out, 0, escPosJob.length);
        System.arraycopy(barrier, 0, out, escPosJob.length, barrier.length);
        link.write(out);
        boolean processed = awaitProcessed(escPosJob.length);
        PrinterStatus after = status();
        if (after.state() != PrinterState.READY) return new PrintOutcome.Interrupted(before, after);
        if (!processed) {
            throw new PrinterTimeoutException(name(), "printer on " + name() + " did not finish a " + escPosJob.length
                    + "-byte job (no answer to GS r 1) within " + jobTimeout.toMillis() + " ms, yet reports " + after
                    + "; last bytes seen " + lastSeenHex());
        }
        return new PrintOutcome.Printed(before, after);
    }

    @Override
    public void close() {
        link.close();
    }

    // ---- exchanges ----------------------------------------------------------------------------------

    /** Sends DLE EOT n and returns the status byte, skipping late GS r answers. */
    private int ask(StatusKind kind) {
        link.write(new StatusRequest(kind).bytes());
        long deadline = System.nanoTime() + statusTimeout.toNanos();
        while (true) {
            int b = readByte(deadline);
            if (b < 0) {
                throw new PrinterTimeoutException(name(), "printer on " + name() + " did not answer DLE EOT " + kind.n()
                        + " within " + statusTimeout.toMillis() + " ms; last bytes seen " + lastSeenHex());
            }
            if (PrinterStatus.isStatusByte(b)) return b;
            if (!PrinterStatus.isPaperSensorReply(b)) {
                throw new PrinterException(name(), "printer on " + name() + " answered DLE EOT " + kind.n() + " with 0x"
                        + String.format("%02X", b) + ", which is no status byte; last bytes seen " + lastSeenHex());
            }
        }
    }

    /**
     * Waits for the GS r 1 answer that follows the job, polling DLE EOT 1 meanwhile.
     *
     * @return true when the printer answered GS r (job processed), false when it went offline or
     *     the job timeout passed
     */
    private boolean awaitProcessed(int jobBytes) {
        long now = System.nanoTime();
        long deadline = now + jobTimeout.toNanos();
        long nextPoll = now + POLL_INTERVAL.toNanos();
        int pollsUnanswered = 0;
        boolean processed = false;
        boolean stopped = false;
        while (!processed && !stopped && System.nanoTime() < deadline) {
            int b = readByte(Math.min(deadline, nextPoll));
            if (b < 0) {
                if (System.nanoTime() >= nextPoll) {
                    link.write(new StatusRequest(StatusKind.PRINTER).bytes());
                    pollsUnanswered++;
                    nextPoll = System.nanoTime() + POLL_INTERVAL.toNanos();
                }
            } else if (PrinterStatus.isPaperSensorReply(b)) {
                processed = true;
            } else if (PrinterStatus.isStatusByte(b)) {
                pollsUnanswered = Math.max(0, pollsUnanswered - 1);
                stopped = PrinterStatus.Printer.decode(b).offline();
            } else {
                throw new PrinterException(name(), "printer on " + name() + " sent 0x" + String.format("%02X", b) + " while printing a "
                        + jobBytes + "-byte job: neither a GS r nor a DLE EOT answer; last bytes seen " + lastSeenHex());
            }
        }
        // Collect answers to polls still in flight so they are not read as answers to the next request.
        long settle = System.nanoTime() + statusTimeout.toNanos();
        while (pollsUnanswered > 0) {
            int b = readByte(settle);
            if (b < 0) break;
            if (PrinterStatus.isStatusByte(b)) pollsUnanswered--;
            else if (PrinterStatus.isPaperSensorReply(b)) processed = true;
        }
        return processed;
    }

    /** One byte, or -1 when none came by {@code deadlineNanos}. */
    private int readByte(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        int n = link.read(one, Duration.ofNanos(Math.max(0, left)));
        if (n <= 0) return -1;
        lastSeen[(int) (lastSeenCount++ % LAST_SEEN)] = one[0];
        return one[0] & 0xFF;
    }

    /** Drops whatever arrived unasked (a late answer from an earlier exchange). */
    private void drain() {
        while (readByte(System.nanoTime()) >= 0) {
            // dropped; still in lastSeen for the next error message
        }
    }

    private String lastSeenHex() {
        int n = (int) Math.min(lastSeenCount, LAST_SEEN);
        if (n == 0) return "none";
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = lastSeen[(int) ((lastSeenCount - n + i) % LAST_SEEN)];
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(out);
    }

    @Override
    public String toString() {
        return "SerialEscPosPrinter[" + name() + "]";
    }
}
