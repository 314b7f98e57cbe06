package io.wavebench.simulators.reader;

import io.wavebench.simulators.reader.mdb.VendDecision;
import io.wavebench.simulators.reader.mdb.VendRequest;

/**
 * A vending session whose money the backend holds rather than the offline rules (a payment
 * barcode, DESIGN §5.2). Called on the MDB thread, so nothing here may wait on the network: the
 * decision is made against the hold already taken, and bookings go to the backend in the
 * background.
 */
interface OnlineSession {

    VendDecision authorize(VendRequest request);

    /** The VMC dispensed (or reset after approval, which counts as a sale: MDB 4.2 §7.4.7). */
    void vendSucceeded(int item, long amount);

    /** The vend failed after approval: nothing is charged. */
    void vendFailed();

    /** The session is over; a hold nothing was captured from is released. */
    void sessionComplete();
}
