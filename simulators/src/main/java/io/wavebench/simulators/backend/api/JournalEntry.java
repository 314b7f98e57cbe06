package io.wavebench.simulators.backend.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One authorization from a reader's journal, as uploaded: keyed by the reader id (in the upload's
 * path) and this {@code sequence}. It mirrors the reader's journal entry field for field, with the
 * outcome folded in: first uploaded PENDING or already final, later re-uploaded with its final
 * outcome and {@code outcomeAt}. Everything but the outcome is immutable once uploaded. Times are
 * kept to the microsecond, what both databases store, so a re-upload compares equal.
 *
 * @param sequence the reader's journal sequence, from 1
 * @param counter the token's counter (u32)
 * @param amount minor units, the price approved
 * @param item the MDB item number vended
 * @param outcomeAt when the final outcome was journaled; null while PENDING
 */
public record JournalEntry(
        Long sequence,
        Instant authorizedAt,
        Long credentialId,
        Long counter,
        Long amount,
        Integer item,
        Outcome outcome,
        Instant outcomeAt) {

    public JournalEntry {
        require(sequence != null && sequence >= 1, "sequence must be 1 or more, got " + sequence);
        require(authorizedAt != null, "authorizedAt is missing (sequence " + sequence + ")");
        require(credentialId != null, "credentialId is missing (sequence " + sequence + ")");
        require(counter != null && counter >= 0 && counter <= 0xFFFF_FFFFL, "counter must be a u32, got " + counter + " (sequence " + sequence + ")");
        require(amount != null && amount >= 0, "amount must be 0 or more, got " + amount + " (sequence " + sequence + ")");
        require(item != null && item >= 0 && item <= 0xFFFF, "item must be a u16, got " + item + " (sequence " + sequence + ")");
        require(outcome != null, "outcome is missing (sequence " + sequence + ")");
        require(outcome.isFinal() == (outcomeAt != null),
                "outcomeAt must be given exactly when the outcome is final: " + outcome + " with outcomeAt " + outcomeAt + " (sequence " + sequence + ")");
        authorizedAt = authorizedAt.truncatedTo(ChronoUnit.MICROS);
        if (outcomeAt != null) outcomeAt = outcomeAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** What the reader journals before VEND APPROVED. */
    public static JournalEntry pending(long sequence, Instant authorizedAt, long credentialId, long counter, long amount, int item) {
        return new JournalEntry(sequence, authorizedAt, credentialId, counter, amount, item, Outcome.PENDING, null);
    }

    /** The same entry with its final outcome appended. */
    public JournalEntry withOutcome(Outcome finalOutcome, Instant at) {
        return new JournalEntry(sequence, authorizedAt, credentialId, counter, amount, item, finalOutcome, at);
    }

    /** True when the fields that never change after the first upload are the same. */
    public boolean sameAuthorization(JournalEntry other) {
        return sequence.equals(other.sequence) && authorizedAt.equals(other.authorizedAt) && credentialId.equals(other.credentialId)
                && counter.equals(other.counter) && amount.equals(other.amount) && item.equals(other.item);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
