package io.wavebench.simulators.backend.api;

/** The bookings of the settlement ledger, one per authorization with a final outcome. */
public enum LedgerKind {
    /** Charged: VEND SUCCESS, or RESET after approval (MDB 4.2: a sale). */
    SALE,
    /** VEND FAILURE after approval: the authorization is void, nothing charged. */
    VOID,
    /** A sale of a token that another authorization already paid for (a double spend). */
    NOT_CHARGED
}
