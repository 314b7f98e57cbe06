package io.wavebench.simulators.reader.mdb;

import io.wavebench.drivers.mdb.CashlessCommand;
import java.time.Duration;

/**
 * What the VMC did with the reader's sessions, for the payment side to book. Called on the bus
 * thread after the state changed, outside the state machine's lock: keep it short (the reader has
 * 5 ms to answer the next command, MDB 4.2 §3.1). All methods do nothing by default.
 */
public interface CashlessListener {

    default void onStateChange(CashlessState from, CashlessState to) {}

    /**
     * VEND APPROVED leaves for the VMC in the answer to this POLL. Called before the bytes are
     * written, so what it records durably precedes them (DESIGN §5.1).
     */
    default void onApprovalGoingOut(VendRequest request, long approvedAmountMinorUnits) {}

    /** MDB 4.2 §7.4.7 VEND SUCCESS: the item was dispensed; the approved amount is a sale. */
    default void onVendSuccess(int item, long amountMinorUnits) {}

    /**
     * MDB 4.2 §7.4.8 VEND FAILURE after approval: nothing was dispensed, so the authorization must
     * be voided (refunded) — DESIGN §5.3.
     */
    default void onVendFailure(VendRequest request, long approvedAmountMinorUnits) {}

    /**
     * MDB 4.2 §7.4.7: a RESET between VEND APPROVED and VEND SUCCESS is to be read as VEND
     * SUCCESS, so the approved amount is a sale.
     */
    default void onResetAfterApproval(VendRequest request, long approvedAmountMinorUnits) {}

    /**
     * An approval the VMC never received (RESET or VEND CANCEL came before the POLL that would
     * have carried it): the reader should void it.
     */
    default void onApprovalNotDelivered(VendRequest request, long approvedAmountMinorUnits) {}

    /** MDB 4.2 §7.4.6 VEND CANCEL before a decision went out: answered with VEND DENIED. */
    default void onVendCancelled(VendRequest request) {}

    /** MDB 4.2 §7.4.9 SESSION COMPLETE: the session ended (END SESSION goes out on the next POLL). */
    default void onSessionComplete() {}

    /** The session stayed idle for {@code timeout}: SESSION CANCEL REQUEST goes out on this POLL. */
    default void onSessionTimeout(Duration timeout) {}

    /** MDB 4.2 §7.4.10 CASH SALE, for the reader's audit. */
    default void onCashSale(long priceMinorUnits, int item) {}

    /** MDB 4.2 §7.3: a command arrived in a state that does not allow it; COMMAND OUT OF SEQUENCE goes out. */
    default void onOutOfSequence(CashlessCommand command, CashlessState state) {}
}
