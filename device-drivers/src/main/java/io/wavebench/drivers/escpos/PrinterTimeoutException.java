package io.wavebench.drivers.escpos;

/** The printer did not answer a request in time. */
public final class PrinterTimeoutException extends PrinterException {

    public PrinterTimeoutException(String port, String message) {
        super(port, message);
    }
}
