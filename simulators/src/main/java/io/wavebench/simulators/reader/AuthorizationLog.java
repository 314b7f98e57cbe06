package io.wavebench.simulators.reader;

import io.wavebench.simulators.token.PaymentToken;
import java.time.Instant;
import java.util.List;

/**
 * The reader's record of what it authorized and how each vend ended: written before VEND APPROVED
 * goes out (DESIGN §5.1), settled when the VMC says how the vend ended.
 *
 * <p>{@link InMemoryAuthorizationLog} is the backing for now; the durable journal, crash recovery
 * and settlement upload (issue 5) are another backing of this interface, so checks written
 * against it (the MDB soak's "no dispense without a journaled approval") keep working.
 */
public interface AuthorizationLog {

    /**
     * PENDING: approved, the vend not ended yet. SUCCESS: a sale (VEND SUCCESS, or a RESET after
     * the approval went out, MDB 4.2 §7.4.7). FAILURE: voided, the shopper refunded (VEND FAILURE,
     * or an approval the VMC never received).
     */
    enum Outcome { PENDING, SUCCESS, FAILURE }

    record Entry(long sequence, Instant authorizedAt, long credentialId, long counter, long amount, int item, Outcome outcome) {}

    /** Journals an approval; returns its entry (sequence from 1). Must be durable before it returns. */
    Entry authorize(PaymentToken token, long amount, int item, Instant at);

    /** Books how the vend of entry {@code sequence} ended. */
    void settle(long sequence, Outcome outcome);

    /** Every entry, oldest first. */
    List<Entry> entries();
}
