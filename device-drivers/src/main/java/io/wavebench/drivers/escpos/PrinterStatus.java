package io.wavebench.drivers.escpos;

import java.util.Optional;

/**
 * What a printer said about itself in its real-time status bytes (DLE EOT 1, 2, 4, and 3 when an
 * error is reported), decoded per the Epson ESC/POS reference, "DLE EOT". Every status byte has
 * bits 1 and 4 fixed at 1 and bits 0 and 7 at 0 ({@code (b & 0x93) == 0x12}); a byte without
 * them is not a status byte, and decoding it is an error. Each byte record also encodes, so the
 * printer simulator answers with the same code the driver reads.
 */
public record PrinterStatus(Printer printer, OfflineCause offlineCause, RollPaper rollPaper, Optional<ErrorCause> errorCause) {

    /** The fixed bits of every DLE EOT reply. */
    public static final int FIXED_MASK = 0x93, FIXED_VALUE = 0x12;

    /** True when {@code b} has the fixed bits of a DLE EOT reply. */
    public static boolean isStatusByte(int b) {
        return (b & FIXED_MASK) == FIXED_VALUE;
    }

    /** The state a kiosk acts on; paper near its end still prints. */
    public PrinterState state() {
        if (rollPaper.paperEnd() || offlineCause.stoppedByPaperEnd()) return PrinterState.PAPER_OUT;
        if (offlineCause.coverOpen()) return PrinterState.COVER_OPEN;
        if (offlineCause.errorOccurred() || errorCause.map(ErrorCause::any).orElse(false)) return PrinterState.ERROR;
        if (printer.offline()) return PrinterState.OFFLINE;
        return PrinterState.READY;
    }

    public boolean paperNearEnd() {
        return rollPaper.nearEnd();
    }

    @Override
    public String toString() {
        return state() + (paperNearEnd() && state() == PrinterState.READY ? " (paper near end)" : "")
                + " [DLE EOT 1=" + hex(printer.encode()) + " 2=" + hex(offlineCause.encode())
                + errorCause.map(e -> " 3=" + hex(e.encode())).orElse("") + " 4=" + hex(rollPaper.encode()) + "]";
    }

    private static String hex(int b) {
        return String.format("%02X", b);
    }

    private static int check(StatusKind kind, int b) {
        if (!isStatusByte(b)) {
            throw new IllegalArgumentException("0x" + hex(b) + " is not a DLE EOT " + kind.n()
                    + " status byte (bits 1 and 4 must be 1, bits 0 and 7 must be 0)");
        }
        return b;
    }

    private static boolean bit(int b, int n) {
        return (b >> n & 1) == 1;
    }

    /** DLE EOT 1, printer status: bit 2 drawer pin 3, bit 3 offline, bit 5 waiting for online recovery, bit 6 feed button. */
    public record Printer(boolean drawerPin3High, boolean offline, boolean waitingForOnlineRecovery, boolean feedButtonPressed) {
        public static Printer decode(int b) {
            check(StatusKind.PRINTER, b);
            return new Printer(bit(b, 2), bit(b, 3), bit(b, 5), bit(b, 6));
        }

        public int encode() {
            return FIXED_VALUE | (drawerPin3High ? 0x04 : 0) | (offline ? 0x08 : 0)
                    | (waitingForOnlineRecovery ? 0x20 : 0) | (feedButtonPressed ? 0x40 : 0);
        }
    }

    /** DLE EOT 2, offline cause: bit 2 cover open, bit 3 feeding by button, bit 5 stopped by paper end, bit 6 error. */
    public record OfflineCause(boolean coverOpen, boolean feedingByButton, boolean stoppedByPaperEnd, boolean errorOccurred) {
        public static OfflineCause decode(int b) {
            check(StatusKind.OFFLINE_CAUSE, b);
            return new OfflineCause(bit(b, 2), bit(b, 3), bit(b, 5), bit(b, 6));
        }

        public int encode() {
            return FIXED_VALUE | (coverOpen ? 0x04 : 0) | (feedingByButton ? 0x08 : 0)
                    | (stoppedByPaperEnd ? 0x20 : 0) | (errorOccurred ? 0x40 : 0);
        }
    }

    /** DLE EOT 3, error cause: bit 2 recoverable, bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable. */
    public record ErrorCause(boolean recoverable, boolean autocutter, boolean unrecoverable, boolean autoRecoverable) {
        public static ErrorCause decode(int b) {
            check(StatusKind.ERROR_CAUSE, b);
            return new ErrorCause(bit(b, 2), bit(b, 3), bit(b, 5), bit(b, 6));
        }

        public int encode() {
            return FIXED_VALUE | (recoverable ? 0x04 : 0) | (autocutter ? 0x08 : 0)
                    | (unrecoverable ? 0x20 : 0) | (autoRecoverable ? 0x40 : 0);
        }

        boolean any() {
            return recoverable || autocutter || unrecoverable || autoRecoverable;
        }
    }

    /**
     * DLE EOT 4, roll paper sensor: bits 2-3 both set = near end, bits 5-6 both set = paper end.
     * An out-of-paper printer answers 0x7E (domain notes §2.1).
     */
    public record RollPaper(boolean nearEnd, boolean paperEnd) {
        public static RollPaper decode(int b) {
            check(StatusKind.ROLL_PAPER, b);
            return new RollPaper((b & 0x0C) != 0, (b & 0x60) != 0);
        }

        public int encode() {
            return FIXED_VALUE | (nearEnd ? 0x0C : 0) | (paperEnd ? 0x60 : 0);
        }
    }

    /**
     * GS r 1 reply (paper sensor, processed in turn): bits 0-1 near end, bits 2-3 paper end, bits 4
     * and 7 fixed at 0, which tells it apart from a DLE EOT reply (bit 4 = 1).
     */
    public static boolean isPaperSensorReply(int b) {
        return (b & 0x90) == 0;
    }

    public static int paperSensorReply(boolean nearEnd, boolean paperEnd) {
        return (nearEnd ? 0x03 : 0) | (paperEnd ? 0x0C : 0);
    }
}
