package io.wavebench.simulators.vmc;

import java.time.Duration;
import java.util.Locale;

/**
 * Something the simulated vending machine saw or did, timestamped from its start, for tests and
 * reports. {@code item} is -1 and {@code amountMinorUnits} -1 where they do not apply.
 */
public record VmcEvent(Type type, Duration at, int item, long amountMinorUnits, String detail) {

    public enum Type {
        /** The reader answered JUST RESET after the VMC's RESET (MDB 4.2 §7.4.1). */
        READER_JUST_RESET,
        /** READER CONFIG DATA received (detail: the config). */
        READER_CONFIGURED,
        /** PERIPHERAL ID received (detail: the ID). */
        READER_IDENTIFIED,
        /** READER ENABLE acknowledged: the machine is ready for shoppers. */
        READER_ENABLED,
        /** A shopper pressed a selection. */
        SELECTED,
        /** BEGIN SESSION: funds available (amount; -1 if the reader said unknown). */
        SESSION_BEGAN,
        VEND_REQUESTED,
        VEND_APPROVED,
        VEND_DENIED,
        DISPENSED,
        DISPENSE_FAILED,
        /** The VMC sent SESSION COMPLETE. */
        SESSION_COMPLETE,
        /** The reader answered END SESSION: ready again. */
        SESSION_ENDED,
        SESSION_CANCEL_REQUESTED,
        /** DISPLAY REQUEST: the reader put text on the machine's display (detail: the text). */
        DISPLAYED,
        CANCELLED,
        MALFUNCTION,
        /** The reader said COMMAND OUT OF SEQUENCE; the VMC resets it (MDB 4.2 §7.3). */
        OUT_OF_SEQUENCE,
        /** The shopper pressed cancel (coin return). */
        CANCEL_PRESSED,
        /** A sale paid in cash, reported to the reader with CASH SALE. */
        CASH_SALE,
        /** READER DISABLE acknowledged: the machine took the reader out of service. */
        READER_DISABLED,
        /** The machine's controller restarted mid-vend: RESET instead of VEND SUCCESS. */
        CONTROLLER_RESTARTED,
        /** The reader stopped answering (detail: port, command, last words). */
        NO_RESPONSE,
        /** A reply checked but could not be decoded, or made no sense now. */
        PROTOCOL_ERROR,
        /** The serial link failed; the poll thread stopped. */
        LINK_ERROR
    }

    public static VmcEvent of(Type type, Duration at) {
        return new VmcEvent(type, at, -1, -1, "");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.1f ms %s", at.toNanos() / 1e6, type));
        if (item >= 0) sb.append(" item=").append(item);
        if (amountMinorUnits >= 0) sb.append(" amount=").append(amountMinorUnits);
        if (!detail.isEmpty()) sb.append(" (").append(detail).append(')');
        return sb.toString();
    }
}
