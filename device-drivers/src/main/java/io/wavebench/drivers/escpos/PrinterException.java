package io.wavebench.drivers.escpos;

/**
 * A printer could not be talked to: no answer in time, or bytes that are no answer. A rig problem
 * (INFRA-ERROR, DESIGN §3), not a printer state; paper out and the like are {@link PrinterState}s.
 * The message names the port, what was awaited and the last bytes seen.
 */
public class PrinterException extends RuntimeException {

    private final String port;

    public PrinterException(String port, String message) {
        super(message);
        this.port = port;
    }

    public String port() {
        return port;
    }
}
