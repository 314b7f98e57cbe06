package io.wavebench.simulators.reader.journal;

/** How an authorized vend ended (MDB 4.2 §7.4.x, DESIGN §5.3). */
public enum VendOutcome {
    /** VEND SUCCESS: a sale. */
    SOLD(true),
    /** VEND FAILURE after approval: the authorization is void and the shopper refunded. */
    VOIDED(false),
    /** A RESET between VEND APPROVED and VEND SUCCESS: booked as a sale, as MDB requires. */
    SOLD_ON_RESET(true),
    /** VEND APPROVED never reached the VMC (no ACK, cable gone): nothing was vended. */
    NOT_DELIVERED(false);

    private final boolean sale;

    VendOutcome(boolean sale) {
        this.sale = sale;
    }

    /** Whether the shopper is charged. */
    public boolean isSale() {
        return sale;
    }
}
