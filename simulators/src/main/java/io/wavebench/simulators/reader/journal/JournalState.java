package io.wavebench.simulators.reader.journal;

import java.util.List;
import java.util.Map;

/**
 * What a restarted reader recovers from its journal alone (DESIGN §5.1).
 *
 * @param highestCounters   per credential, the highest counter ever authorized: a replay must beat it
 * @param spendSinceSync    per credential, what was charged (or may have been: open vends count)
 *                          since the last upload, against the offline limit
 * @param open              authorizations whose outcome the reader never learned, e.g. it died
 *                          between VEND APPROVED and VEND SUCCESS
 * @param lastSequence      the newest entry's sequence, 0 for an empty journal
 * @param uploadedThrough   the newest entry the backend holds, 0 if none
 */
public record JournalState(Map<Long, Long> highestCounters, Map<Long, Long> spendSinceSync, List<JournalEntry> open,
                           long lastSequence, long uploadedThrough) {

    public JournalState {
        highestCounters = Map.copyOf(highestCounters);
        spendSinceSync = Map.copyOf(spendSinceSync);
        open = List.copyOf(open);
    }

    /** Computes the state from entries (oldest first) and the upload mark: one rule for every backing. */
    static JournalState of(List<JournalEntry> entries, long uploadedThrough) {
        Map<Long, Long> highest = new java.util.HashMap<>();
        Map<Long, Long> spend = new java.util.HashMap<>();
        List<JournalEntry> open = new java.util.ArrayList<>();
        long last = 0;
        for (JournalEntry e : entries) {
            highest.merge(e.credentialId(), e.counter(), Math::max);
            // Open vends count against the limit until settled: the safe side for the issuer.
            if (e.sequence() > uploadedThrough && (e.isOpen() || e.outcome().isSale())) spend.merge(e.credentialId(), e.amount(), Long::sum);
            if (e.isOpen()) open.add(e);
            last = e.sequence();
        }
        return new JournalState(highest, spend, open, last, uploadedThrough);
    }
}
