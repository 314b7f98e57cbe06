package io.wavebench.simulators.reader.journal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a restarted reader recovers from its journal alone (DESIGN §5.1).
 *
 * @param highestCounters   per credential, the highest counter ever accepted or authorized: a
 *                          token must beat it, or it is a replay
 * @param spendSinceSync    per credential, what was charged (or may have been: open vends count)
 *                          since the last upload, against the offline limit
 * @param open              authorizations whose outcome the reader never learned, e.g. it died
 *                          between VEND APPROVED and VEND SUCCESS
 * @param approvalsOut      of {@code open}, the sequences whose VEND APPROVED went on the bus
 * @param lastSequence      the newest entry's sequence, 0 for an empty journal
 * @param uploadedThrough   the newest entry the backend holds, 0 if none
 */
public record JournalState(Map<Long, Long> highestCounters, Map<Long, Long> spendSinceSync, List<JournalEntry> open,
                           Set<Long> approvalsOut, long lastSequence, long uploadedThrough) {

    public JournalState {
        highestCounters = Map.copyOf(highestCounters);
        spendSinceSync = Map.copyOf(spendSinceSync);
        open = List.copyOf(open);
        approvalsOut = Set.copyOf(approvalsOut);
    }

    /**
     * How an open vend found after a restart must be booked: a sale if its approval went out (the
     * VMC may have vended; MDB 4.2 §7.4.7 reads a RESET after approval as success), else void.
     */
    public VendOutcome outcomeAfterCrash(JournalEntry openEntry) {
        return approvalsOut.contains(openEntry.sequence()) ? VendOutcome.SOLD_ON_RESET : VendOutcome.NOT_DELIVERED;
    }

    /**
     * Computes the state from entries (oldest first), the highest counter accepted per credential
     * (a token accepted but never authorized spent its counter too) and the upload mark: one rule
     * for every backing.
     */
    static JournalState of(List<JournalEntry> entries, Map<Long, Long> acceptedCounters, Set<Long> approvalsOut, long uploadedThrough) {
        Map<Long, Long> highest = new HashMap<>(acceptedCounters);
        Map<Long, Long> spend = new HashMap<>();
        List<JournalEntry> open = new ArrayList<>();
        long last = 0;
        for (JournalEntry e : entries) {
            highest.merge(e.credentialId(), e.counter(), Math::max);
            // Open vends count against the limit until settled: the safe side for the issuer.
            if (e.sequence() > uploadedThrough && (e.isOpen() || e.outcome().isSale())) spend.merge(e.credentialId(), e.amount(), Long::sum);
            if (e.isOpen()) open.add(e);
            last = e.sequence();
        }
        Set<Long> openOut = new HashSet<>();
        for (JournalEntry e : open) if (approvalsOut.contains(e.sequence())) openOut.add(e.sequence());
        return new JournalState(highest, spend, open, openOut, last, uploadedThrough);
    }
}
