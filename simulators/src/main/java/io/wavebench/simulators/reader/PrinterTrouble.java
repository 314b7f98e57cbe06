package io.wavebench.simulators.reader;

import io.wavebench.drivers.escpos.PrintOutcome;
import io.wavebench.drivers.escpos.PrinterException;
import io.wavebench.drivers.escpos.PrinterStatus;
import io.wavebench.drivers.escpos.PrinterTimeoutException;

/**
 * Why a ticket did not come out, in the words a kiosk's screen shows a shopper (DESIGN §5.5:
 * nothing is redeemed, and a clear message). Read from the printer's own status bytes (DLE EOT
 * 1–4), so it says what a real printer reported, not what a test set up.
 */
final class PrinterTrouble {

    private PrinterTrouble() {}

    static String of(PrintOutcome outcome) {
        PrinterStatus status = outcome instanceof PrintOutcome.Refused r ? r.before()
                : outcome instanceof PrintOutcome.Interrupted i ? i.after()
                : ((PrintOutcome.Printed) outcome).after();
        boolean midTicket = outcome instanceof PrintOutcome.Interrupted;
        return switch (status.state()) {
            case PAPER_OUT -> midTicket ? "PAPER RAN OUT MID-TICKET" : "NO PAPER";
            case COVER_OPEN -> "COVER OPEN";
            case ERROR -> status.errorCause().filter(PrinterStatus.ErrorCause::autocutter).isPresent() ? "CUTTER JAMMED" : "PRINTER ERROR";
            case OFFLINE -> "PRINTER OFFLINE";
            case READY -> "PRINTER READY";
        };
    }

    static String of(PrinterException e) {
        return e instanceof PrinterTimeoutException ? "PRINTER NOT ANSWERING" : "PRINTER FAULT";
    }
}
