package io.wavebench.drivers.escpos;

/** What became of a print job; the kiosk redeems a ticket only on {@link Printed}. */
public sealed interface PrintOutcome {

    /** The state that decided the outcome. */
    PrinterState state();

    /** The job was processed and the printer was still ready afterwards. */
    record Printed(PrinterStatus before, PrinterStatus after) implements PrintOutcome {
        public PrinterState state() { return after.state(); }
    }

    /** The printer was not ready before the job, so nothing was sent. */
    record Refused(PrinterStatus before) implements PrintOutcome {
        public PrinterState state() { return before.state(); }
    }

    /** The job was sent but the printer stopped (e.g. paper ran out mid-ticket): the ticket is incomplete. */
    record Interrupted(PrinterStatus before, PrinterStatus after) implements PrintOutcome {
        public PrinterState state() { return after.state(); }
    }
}
