package io.wavebench.simulators.reader.journal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One authorization and, once known, its outcome.
 *
 * @param sequence  1, 2, 3… in the order they were journaled; with the reader id, the settlement key
 * @param outcome   null while the vend is open (or the reader died before learning how it ended)
 * @param concludedAt null exactly when {@code outcome} is
 */
public record JournalEntry(long sequence, long credentialId, long counter, long amount, int item, byte[] token,
                           Instant authorizedAt, VendOutcome outcome, Instant concludedAt) {

    public JournalEntry {
        token = token.clone();
        if ((outcome == null) != (concludedAt == null)) throw new IllegalArgumentException("an outcome comes with its time");
    }

    @Override
    public byte[] token() {
        return token.clone();
    }

    public boolean isOpen() {
        return outcome == null;
    }

    JournalEntry concluded(VendOutcome how, Instant at) {
        return new JournalEntry(sequence, credentialId, counter, amount, item, token, authorizedAt, how, at);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalEntry e && sequence == e.sequence && credentialId == e.credentialId && counter == e.counter
                && amount == e.amount && item == e.item && Arrays.equals(token, e.token)
                && authorizedAt.equals(e.authorizedAt) && outcome == e.outcome && Objects.equals(concludedAt, e.concludedAt);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Long.hashCode(credentialId);
    }

    @Override
    public String toString() {
        return "#" + sequence + " credential " + credentialId + " counter " + counter + " amount " + amount + " item " + item
                + " at " + authorizedAt + " → " + (outcome == null ? "open" : outcome + " at " + concludedAt)
                + " (token " + HexFormat.of().formatHex(token, 0, Math.min(8, token.length)) + "…)";
    }
}
