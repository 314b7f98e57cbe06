package io.wavebench.simulators.backend;

import io.wavebench.simulators.backend.api.JournalEntry;
import io.wavebench.simulators.backend.api.Outcome;
import java.time.Duration;
import java.time.Instant;

/**
 * A reader's journal as the settlement tests need it: sequences from 1, reproducible times (one
 * authorization a minute from {@code start}), outcomes two seconds after approval.
 */
final class ReaderJournal {

    final String readerId;
    private final Instant start;
    private long next = 1;

    ReaderJournal(String readerId, Instant start) {
        this.readerId = readerId;
        this.start = start;
    }

    /** The entry journaled before VEND APPROVED. */
    JournalEntry authorize(long credentialId, long counter, long amount) {
        long sequence = next++;
        return JournalEntry.pending(sequence, start.plus(Duration.ofMinutes(sequence)), credentialId, counter, amount, (int) (sequence % 40) + 1);
    }

    static JournalEntry ended(JournalEntry pending, Outcome outcome) {
        return pending.withOutcome(outcome, pending.authorizedAt().plusSeconds(2));
    }

    static JournalEntry sold(JournalEntry pending) {
        return ended(pending, Outcome.SUCCESS);
    }
}
