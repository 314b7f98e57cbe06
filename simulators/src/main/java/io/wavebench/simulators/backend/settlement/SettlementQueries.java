package io.wavebench.simulators.backend.settlement;

import io.wavebench.simulators.backend.api.DoubleSpend;
import io.wavebench.simulators.backend.api.LedgerEntry;
import io.wavebench.simulators.backend.api.LedgerKind;
import io.wavebench.simulators.backend.api.SettlementReport;
import io.wavebench.simulators.backend.db.Database;
import io.wavebench.simulators.backend.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Read-only views of settlement: the ledger, the double spends, one reader's report. */
public final class SettlementQueries {

    private final Database db;

    public SettlementQueries(Database db) {
        this.db = db;
    }

    /** The ledger in booking order, optionally of one reader and/or one account (null: all). */
    public List<LedgerEntry> ledger(String readerId, Long accountId) {
        return db.inTransaction("reading the ledger", c -> {
            List<LedgerEntry> out = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder("SELECT * FROM ledger_entry WHERE 1 = 1");
            if (readerId != null) {
                sql.append(" AND reader_id = ?");
                params.add(readerId);
            }
            if (accountId != null) {
                sql.append(" AND account_id = ?");
                params.add(accountId);
            }
            sql.append(" ORDER BY entry_id");
            try (PreparedStatement s = Sql.prepare(c, sql.toString(), params.toArray()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new LedgerEntry(rs.getLong("entry_id"), rs.getString("reader_id"), rs.getLong("sequence"), rs.getLong("credential_id"),
                            rs.getLong("counter"), Sql.nullableLong(rs, "account_id"), LedgerKind.valueOf(rs.getString("kind")),
                            rs.getString("reason"), rs.getLong("amount"), rs.getLong("charged"), Sql.instant(rs, "booked_at")));
                }
            }
            return out;
        });
    }

    public List<DoubleSpend> doubleSpends() {
        return db.inTransaction("reading double spends", c -> {
            List<DoubleSpend> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM double_spend ORDER BY detected_at, reader_id, sequence");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new DoubleSpend(rs.getString("reader_id"), rs.getLong("sequence"), rs.getLong("credential_id"), rs.getLong("counter"),
                            rs.getString("first_reader_id"), rs.getLong("first_sequence"), Sql.instant(rs, "detected_at")));
                }
            }
            return out;
        });
    }

    /** One reader's settlement; an unknown reader is UNKNOWN_READER. */
    public SettlementReport report(String readerId) {
        return db.inTransaction("settlement report of reader " + readerId, c -> {
            Readers.require(c, readerId);
            long entries;
            long highest;
            long pending;
            long flagged;
            try (PreparedStatement s = Sql.prepare(c, "SELECT COUNT(*), COALESCE(MAX(sequence), 0),"
                    + " COALESCE(SUM(CASE WHEN outcome = 'PENDING' THEN 1 ELSE 0 END), 0),"
                    + " COALESCE(SUM(CASE WHEN double_spend THEN 1 ELSE 0 END), 0) FROM journal_entry WHERE reader_id = ?", readerId);
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                entries = rs.getLong(1);
                highest = rs.getLong(2);
                pending = rs.getLong(3);
                flagged = rs.getLong(4);
            }
            long sales = 0;
            long salesOnReset = 0;
            long voids = 0;
            long notCharged = 0;
            long charged = 0;
            long voided = 0;
            try (PreparedStatement s = Sql.prepare(c, "SELECT kind, reason, COUNT(*), SUM(amount), SUM(charged) FROM ledger_entry"
                    + " WHERE reader_id = ? GROUP BY kind, reason", readerId); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(3);
                    switch (LedgerKind.valueOf(rs.getString(1))) {
                        case SALE -> {
                            sales += n;
                            if ("RESET_AFTER_APPROVAL".equals(rs.getString(2))) salesOnReset += n;
                            charged += rs.getLong(5);
                        }
                        case VOID -> {
                            voids += n;
                            voided += rs.getLong(4);
                        }
                        case NOT_CHARGED -> notCharged += n;
                    }
                }
            }
            return new SettlementReport(readerId, entries, highest, highest - entries, pending, sales, salesOnReset, voids, notCharged, flagged, charged, voided);
        });
    }
}
