package io.wavebench.simulators.backend.settlement;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.DoubleSpend;
import io.wavebench.simulators.backend.api.JournalBatch;
import io.wavebench.simulators.backend.api.JournalEntry;
import io.wavebench.simulators.backend.api.LedgerKind;
import io.wavebench.simulators.backend.api.Outcome;
import io.wavebench.simulators.backend.api.UploadReceipt;
import io.wavebench.simulators.backend.db.Database;
import io.wavebench.simulators.backend.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settlement of reader journals (DESIGN §5.1 "Settlement"): idempotent uploads keyed by (reader
 * id, sequence), the ledger, and double-spend detection.
 *
 * <p>Rules, each held by a key of the schema rather than by Java code, so they stay exact when
 * readers upload concurrently, to one backend or to several on one PostgreSQL:
 * <ul>
 *   <li>An entry is stored once per (reader, sequence). Re-uploading it unchanged changes nothing;
 *       with other authorization fields it is {@link BackendError#SEQUENCE_CONFLICT}; its outcome
 *       goes from PENDING to one final outcome once, and another final outcome later is
 *       {@link BackendError#OUTCOME_CONFLICT}. Either refusal refuses the whole batch.</li>
 *   <li>The first authorization of a token (credential, counter) claims it ({@code token_claim});
 *       any later one, at any reader, is a double spend: flagged, and the credential revoked.</li>
 *   <li>Each authorization is booked once when its outcome is final: SALE (VEND SUCCESS, or RESET
 *       after approval, MDB 4.2), VOID (VEND FAILURE), or NOT_CHARGED when another authorization
 *       of the same token was already charged ({@code token_charge}): a token is charged once.</li>
 * </ul>
 */
public final class Settlement {

    private final Database db;
    private final Revocations revocations;
    private final Clock clock;

    public Settlement(Database db, Revocations revocations, Clock clock) {
        this.db = db;
        this.revocations = revocations;
        this.clock = clock;
    }

    /**
     * Takes a batch whole, in one transaction, or refuses it whole with a named reason.
     *
     * <p>Entries are processed in token order (credential, counter) and revocations made last, in
     * credential order: every upload then takes its locks in one global order, so concurrent
     * uploads of the same tokens wait for each other instead of deadlocking (H2 would only notice
     * a deadlock at its lock timeout). The sort is stable, so a PENDING copy of an entry listed
     * before its final copy is still processed first.
     */
    public UploadReceipt upload(String readerId, JournalBatch batch) {
        List<JournalEntry> entries = new ArrayList<>(batch.entries());
        entries.sort(Comparator.comparing(JournalEntry::credentialId).thenComparing(JournalEntry::counter).thenComparing(JournalEntry::sequence));
        return db.inTransaction("journal upload from reader " + readerId, c -> {
            Readers.require(c, readerId);
            Instant now = clock.instant();
            int recorded = 0;
            int outcomes = 0;
            int unchanged = 0;
            List<DoubleSpend> doubleSpends = new ArrayList<>();
            for (JournalEntry e : entries) {
                JournalEntry stored = find(c, readerId, e.sequence(), true);
                if (stored == null) {
                    insert(c, readerId, e, now);
                    claimToken(c, readerId, e, now).ifPresent(doubleSpends::add);
                    if (e.outcome().isFinal()) book(c, readerId, e, now);
                    recorded++;
                } else if (!stored.sameAuthorization(e)) {
                    throw new BackendException(BackendError.SEQUENCE_CONFLICT, "reader " + readerId + " sequence " + e.sequence()
                            + " was uploaded as " + describe(stored) + " and is now " + describe(e) + "; the batch is refused whole");
                } else if (stored.outcome() == e.outcome() && Objects.equals(stored.outcomeAt(), e.outcomeAt())) {
                    unchanged++;
                } else if (!e.outcome().isFinal()) {
                    unchanged++; // an older view of an entry whose outcome is already here
                } else if (stored.outcome().isFinal()) {
                    throw new BackendException(BackendError.OUTCOME_CONFLICT, "reader " + readerId + " sequence " + e.sequence()
                            + " was settled " + stored.outcome() + " at " + stored.outcomeAt() + " and is now uploaded " + e.outcome()
                            + " at " + e.outcomeAt() + "; the batch is refused whole");
                } else {
                    Sql.update(c, "UPDATE journal_entry SET outcome = ?, outcome_at = ? WHERE reader_id = ? AND sequence = ?",
                            e.outcome().name(), e.outcomeAt(), readerId, e.sequence());
                    book(c, readerId, e, now);
                    outcomes++;
                }
            }
            // DESIGN §5.1: a double spend revokes the credential; one revocation per credential.
            Map<Long, DoubleSpend> toRevoke = new TreeMap<>();
            for (DoubleSpend d : doubleSpends) toRevoke.putIfAbsent(d.credentialId(), d);
            for (DoubleSpend d : toRevoke.values()) {
                revocations.revoke(c, d.credentialId(), Revocations.DOUBLE_SPEND, "counter " + d.counter() + " authorized at reader "
                        + d.firstReaderId() + " (sequence " + d.firstSequence() + ") and at reader " + d.readerId() + " (sequence " + d.sequence() + ")");
            }
            doubleSpends.sort(Comparator.comparing(DoubleSpend::sequence));
            return new UploadReceipt(readerId, entries.size(), recorded, outcomes, unchanged, doubleSpends);
        });
    }

    private static void insert(Connection c, String readerId, JournalEntry e, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO journal_entry (reader_id, sequence, credential_id, counter, amount, item, authorized_at, outcome, outcome_at,"
                        + " double_spend, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)",
                readerId, e.sequence(), e.credentialId(), e.counter(), e.amount(), e.item(), e.authorizedAt(), e.outcome().name(), e.outcomeAt(), now);
    }

    /**
     * The first authorization of a token claims it. A concurrent first claim by another upload
     * collides on the primary key; the database then rolls this transaction back and
     * {@link Database#inTransaction} runs it again, when the claim is visible and this entry is
     * the double spend.
     */
    private Optional<DoubleSpend> claimToken(Connection c, String readerId, JournalEntry e, Instant now) throws SQLException {
        String firstReader;
        long firstSequence;
        try (PreparedStatement s = Sql.prepare(c, "SELECT reader_id, sequence FROM token_claim WHERE credential_id = ? AND counter = ?",
                e.credentialId(), e.counter()); ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                Sql.update(c, "INSERT INTO token_claim (credential_id, counter, reader_id, sequence) VALUES (?, ?, ?, ?)",
                        e.credentialId(), e.counter(), readerId, e.sequence());
                return Optional.empty();
            }
            firstReader = rs.getString(1);
            firstSequence = rs.getLong(2);
        }
        DoubleSpend flag = new DoubleSpend(readerId, e.sequence(), e.credentialId(), e.counter(), firstReader, firstSequence, now);
        Sql.update(c, "UPDATE journal_entry SET double_spend = TRUE WHERE reader_id = ? AND sequence = ?", readerId, e.sequence());
        Sql.update(c, "INSERT INTO double_spend (reader_id, sequence, credential_id, counter, first_reader_id, first_sequence, detected_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", readerId, e.sequence(), e.credentialId(), e.counter(), firstReader, firstSequence, now);
        return Optional.of(flag);
    }

    /** Books an authorization whose outcome just became final; the ledger's unique key books it once. */
    private static void book(Connection c, String readerId, JournalEntry e, Instant now) throws SQLException {
        LedgerKind kind;
        String reason;
        long charged = 0;
        if (e.outcome().isSale()) {
            boolean alreadyCharged;
            try (PreparedStatement s = Sql.prepare(c, "SELECT 1 FROM token_charge WHERE credential_id = ? AND counter = ?", e.credentialId(), e.counter());
                    ResultSet rs = s.executeQuery()) {
                alreadyCharged = rs.next();
            }
            if (alreadyCharged) {
                kind = LedgerKind.NOT_CHARGED;
                reason = "ALREADY_CHARGED";
            } else {
                // A concurrent charge of the same token collides here and is retried (see claimToken).
                Sql.update(c, "INSERT INTO token_charge (credential_id, counter, reader_id, sequence) VALUES (?, ?, ?, ?)",
                        e.credentialId(), e.counter(), readerId, e.sequence());
                kind = LedgerKind.SALE;
                reason = e.outcome() == Outcome.RESET_AS_SALE ? "RESET_AFTER_APPROVAL" : "VEND_SUCCESS";
                charged = e.amount();
            }
        } else {
            kind = LedgerKind.VOID;
            reason = "VEND_FAILURE";
        }
        Sql.update(c, "INSERT INTO ledger_entry (reader_id, sequence, credential_id, counter, account_id, kind, reason, amount, charged, booked_at)"
                        + " VALUES (?, ?, ?, ?, (SELECT account_id FROM credential WHERE credential_id = ?), ?, ?, ?, ?, ?)",
                readerId, e.sequence(), e.credentialId(), e.counter(), e.credentialId(), kind.name(), reason, e.amount(), charged, now);
    }

    static JournalEntry find(Connection c, String readerId, long sequence, boolean forUpdate) throws SQLException {
        String sql = "SELECT * FROM journal_entry WHERE reader_id = ? AND sequence = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement s = Sql.prepare(c, sql, readerId, sequence); ResultSet rs = s.executeQuery()) {
            return rs.next() ? read(rs) : null;
        }
    }

    static JournalEntry read(ResultSet rs) throws SQLException {
        return new JournalEntry(rs.getLong("sequence"), Sql.instant(rs, "authorized_at"), rs.getLong("credential_id"), rs.getLong("counter"),
                rs.getLong("amount"), rs.getInt("item"), Outcome.valueOf(rs.getString("outcome")), Sql.instant(rs, "outcome_at"));
    }

    private static String describe(JournalEntry e) {
        return "{credential " + e.credentialId() + ", counter " + e.counter() + ", amount " + e.amount() + ", item " + e.item()
                + ", authorized " + e.authorizedAt() + "}";
    }
}
