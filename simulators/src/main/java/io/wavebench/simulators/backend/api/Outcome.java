package io.wavebench.simulators.backend.api;

/**
 * How an authorization ended, as the reader journals it (DESIGN §5.1, §5.3). PENDING is the state
 * written before VEND APPROVED; one final outcome is appended after.
 */
public enum Outcome {
    PENDING,
    /** VEND SUCCESS: a sale. */
    SUCCESS,
    /** VEND FAILURE after approval: the authorization is void (MDB 4.2 refund). */
    FAILURE,
    /** RESET between VEND APPROVED and VEND SUCCESS: MDB 4.2 counts it as a sale. */
    RESET_AS_SALE;

    public boolean isFinal() {
        return this != PENDING;
    }

    public boolean isSale() {
        return this == SUCCESS || this == RESET_AS_SALE;
    }
}
