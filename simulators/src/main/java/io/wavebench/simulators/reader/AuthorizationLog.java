package io.wavebench.simulators.reader;

import io.wavebench.simulators.token.PaymentToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reader's record of what it authorized and how each vend ended, in memory.
 *
 * <p>DESIGN §5.1 asks for a durable journal written before VEND APPROVED; that store, crash
 * recovery and settlement upload are issue 5's. This log keeps the same write-before-approve
 * order so the durable store can replace it without changing the reader's flow.
 */
public final class AuthorizationLog {

    public enum Outcome { PENDING, SUCCESS, FAILURE }

    public record Entry(long sequence, Instant authorizedAt, long credentialId, long counter, long amount, int item, Outcome outcome) {}

    private final List<Entry> entries = new ArrayList<>();

    public synchronized Entry authorize(PaymentToken token, long amount, int item, Instant at) {
        Entry entry = new Entry(entries.size() + 1, at, token.credential().credentialId(), token.counter(), amount, item, Outcome.PENDING);
        entries.add(entry);
        return entry;
    }

    public synchronized void settle(long sequence, Outcome outcome) {
        Entry e = entries.get((int) sequence - 1);
        entries.set((int) sequence - 1, new Entry(e.sequence(), e.authorizedAt(), e.credentialId(), e.counter(), e.amount(), e.item(), outcome));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
