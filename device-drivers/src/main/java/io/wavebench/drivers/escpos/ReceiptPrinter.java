package io.wavebench.drivers.escpos;

/**
 * A receipt printer that takes ESC/POS jobs: the capability a kiosk prints tickets through
 * (DESIGN §3, §5.5). Backings: {@link SerialEscPosPrinter} (a real printer on a serial port, or the
 * printer simulator on a pty). Opening touches hardware; constructing does not.
 */
public interface ReceiptPrinter extends AutoCloseable {

    /** Where the printer is: a port path. */
    String name();

    void open();

    /** Asks the printer now (real-time, answered even while it is offline). */
    PrinterStatus status();

    /**
     * Prints one job if the printer is ready: status before, the job, then status after it was
     * processed. A printer that is not ready gets nothing ({@link PrintOutcome.Refused}).
     *
     * @throws PrinterException when the printer does not answer or answers nonsense (a rig problem)
     */
    PrintOutcome print(byte[] escPosJob);

    @Override
    void close();
}
