package io.wavebench.simulators.reader;

import io.wavebench.simulators.token.PaymentToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link AuthorizationLog} in memory: same write-before-approve order as the durable journal
 * (issue 5), without surviving a crash. Thread-safe.
 */
public final class InMemoryAuthorizationLog implements AuthorizationLog {

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized Entry authorize(PaymentToken token, long amount, int item, Instant at) {
        Entry entry = new Entry(entries.size() + 1, at, token.credential().credentialId(), token.counter(), amount, item, Outcome.PENDING);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized void settle(long sequence, Outcome outcome) {
        if (sequence < 1 || sequence > entries.size()) throw new IllegalArgumentException("no authorization #" + sequence + " (log has " + entries.size() + ")");
        Entry e = entries.get((int) sequence - 1);
        if (e.outcome() != Outcome.PENDING) {
            throw new IllegalStateException("authorization #" + sequence + " is already settled as " + e.outcome() + "; cannot book " + outcome);
        }
        entries.set((int) sequence - 1, new Entry(e.sequence(), e.authorizedAt(), e.credentialId(), e.counter(), e.amount(), e.item(), outcome));
    }

    @Override
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
