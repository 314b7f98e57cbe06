package io.wavebench.simulators.reader.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reader's durable journal (DESIGN §5.1) in SQLite, the store embedded payment terminals
 * trust: write-ahead log with {@code synchronous=FULL}, so a commit is fsynced before
 * {@link #authorize} returns, and a power cut or SIGKILL leaves every returned record whole.
 *
 * <p>Append-only: acceptances, authorizations, outcomes and upload marks are separate rows, never updated,
 * so there is no half-rewritten record to recover from. Constraints, not Java code, refuse a
 * second outcome for one authorization.
 */
public final class SqliteAuthorizationJournal implements AuthorizationJournal {

    static final int SCHEMA_VERSION = 3;

    private final Path file;
    private final Connection db;
    /**
     * The two writes made on the MDB bus thread, prepared once in {@link #open} and closed in
     * {@link #close}: each call is then a single INSERT (and its fsync), no statement compiling
     * and no read of the entry (its token blob) on the bus.
     */
    private final PreparedStatement insertOutcome;
    private final PreparedStatement insertApprovalOut;

    private SqliteAuthorizationJournal(Path file, Connection db, PreparedStatement insertOutcome, PreparedStatement insertApprovalOut) {
        this.file = file;
        this.db = db;
        this.insertOutcome = insertOutcome;
        this.insertApprovalOut = insertApprovalOut;
    }

    /** Opens (creating if needed) the journal at {@code file}; an unreadable or foreign file is refused by name. */
    public static SqliteAuthorizationJournal open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
                int version;
                try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                    version = r.next() ? r.getInt(1) : 0;
                }
                if (version < 0 || version > SCHEMA_VERSION) {
                    db.close();
                    throw new JournalException("journal " + file + ": schema version " + version + ", this reader knows " + SCHEMA_VERSION);
                }
                if (version < SCHEMA_VERSION) {
                    // One transaction: a crash mid-upgrade leaves the file at its old version, whole.
                    db.setAutoCommit(false);
                    migrate(s, version, SCHEMA_VERSION);
                    db.commit();
                    db.setAutoCommit(true);
                }
            }
            try {
                PreparedStatement insertOutcome = db.prepareStatement("INSERT INTO outcome (sequence, outcome, concluded_at) VALUES (?, ?, ?)");
                // Refused (no row inserted) when the authorization already has an outcome; a missing
                // authorization fails the foreign key; a second one the primary key.
                PreparedStatement insertApprovalOut = db.prepareStatement(
                        "INSERT INTO approval_out (sequence, sent_at) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM outcome WHERE sequence = ?)");
                return new SqliteAuthorizationJournal(file, db, insertOutcome, insertApprovalOut);
            } catch (SQLException e) {
                db.close(); // closes any statement already prepared
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new JournalException("journal " + file + ": cannot open: " + e.getMessage(), e);
        }
    }

    /**
     * Brings a journal from schema version {@code from} to {@code to}, step by step, and sets
     * {@code user_version}; the caller holds the transaction. Each step only adds tables (the
     * journal is append-only), so an older file keeps every row. Package-private so a test can
     * build a file as an older reader left it.
     */
    static void migrate(Statement s, int from, int to) throws SQLException {
        if (from < 1 && to >= 1) createVersion1(s);
        if (from < 2 && to >= 2) {
            // Version 2: when each approval went on the bus (approvalGoingOut).
            s.execute("""
                    CREATE TABLE approval_out (
                      sequence INTEGER PRIMARY KEY REFERENCES authorization(sequence),
                      sent_at  TEXT NOT NULL)""");
        }
        if (from < 3 && to >= 3) {
            // Version 3: each token accepted (accepted), before its session opens: its counter is
            // spent even if no vend is ever authorized (DESIGN §5.1, replay). The key refuses the
            // same (credential, counter) twice.
            s.execute("""
                    CREATE TABLE acceptance (
                      credential_id INTEGER NOT NULL,
                      counter       INTEGER NOT NULL,
                      accepted_at   TEXT    NOT NULL,
                      PRIMARY KEY (credential_id, counter))""");
        }
        s.execute("PRAGMA user_version=" + to);
    }

    private static void createVersion1(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE authorization (
                  sequence      INTEGER PRIMARY KEY AUTOINCREMENT,
                  credential_id INTEGER NOT NULL,
                  counter       INTEGER NOT NULL,
                  amount        INTEGER NOT NULL CHECK (amount >= 0),
                  item          INTEGER NOT NULL,
                  token         BLOB    NOT NULL,
                  authorized_at TEXT    NOT NULL)""");
        s.execute("""
                CREATE TABLE outcome (
                  sequence    INTEGER PRIMARY KEY REFERENCES authorization(sequence),
                  outcome     TEXT NOT NULL,
                  concluded_at TEXT NOT NULL)""");
        s.execute("""
                CREATE TABLE upload (
                  uploaded_through INTEGER NOT NULL,
                  uploaded_at      TEXT    NOT NULL)""");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void accepted(long credentialId, long counter, Instant at) {
        Objects.requireNonNull(at, "at");
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO acceptance (credential_id, counter, accepted_at) VALUES (?, ?, ?)")) {
            insert.setLong(1, credentialId);
            insert.setLong(2, counter);
            insert.setString(3, at.toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            String why = e.getMessage() != null && e.getMessage().contains("UNIQUE") ? "it was already accepted" : e.getMessage();
            throw new JournalException("journal " + file + ": acceptance of credential " + credentialId + " counter " + counter
                    + " was NOT recorded (" + why + "); do not accept the token", e);
        }
    }

    @Override
    public synchronized JournalEntry authorize(long credentialId, long counter, long amount, int item, byte[] token, Instant at) {
        Objects.requireNonNull(at, "at");
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO authorization (credential_id, counter, amount, item, token, authorized_at) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, credentialId);
            insert.setLong(2, counter);
            insert.setLong(3, amount);
            insert.setInt(4, item);
            insert.setBytes(5, token);
            insert.setString(6, at.toString());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new JournalEntry(keys.getLong(1), credentialId, counter, amount, item, token, at, null, null);
            }
        } catch (SQLException e) {
            throw new JournalException("journal " + file + ": authorization of credential " + credentialId + " counter " + counter
                    + " was NOT recorded (" + e.getMessage() + "); do not approve", e);
        }
    }

    @Override
    public synchronized void conclude(long sequence, VendOutcome outcome, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        try {
            insertOutcome.setLong(1, sequence);
            insertOutcome.setString(2, outcome.name());
            insertOutcome.setString(3, at.toString());
            insertOutcome.executeUpdate();
        } catch (SQLException e) {
            String why = e.getMessage() != null && e.getMessage().contains("FOREIGN KEY") ? "no such authorization"
                    : e.getMessage() != null && e.getMessage().contains("UNIQUE") ? "it already has an outcome" : e.getMessage();
            throw new JournalException("journal " + file + ": outcome " + outcome + " of authorization #" + sequence + " refused: " + why, e);
        }
    }

    @Override
    public synchronized void approvalGoingOut(long sequence, Instant at) {
        Objects.requireNonNull(at, "at");
        int inserted;
        try {
            insertApprovalOut.setLong(1, sequence);
            insertApprovalOut.setString(2, at.toString());
            insertApprovalOut.setLong(3, sequence);
            inserted = insertApprovalOut.executeUpdate();
        } catch (SQLException e) {
            String message = e.getMessage();
            // No such authorization: the foreign key refuses the row (an outcome needs one too, so
            // the NOT EXISTS let it through); the same message as before this was one statement.
            if (message != null && message.contains("FOREIGN KEY")) throw new JournalException("journal " + file + ": no authorization #" + sequence, e);
            String why = message != null && message.contains("UNIQUE") ? "it already went out" : message;
            throw new JournalException("journal " + file + ": approval of #" + sequence + " not recorded as going out: " + why, e);
        }
        if (inserted == 0) throw new JournalException("journal " + file + ": authorization #" + sequence + " already has an outcome");
    }

    @Override
    public synchronized List<JournalEntry> entries() {
        return select("", 0);
    }

    @Override
    public synchronized List<JournalEntry> notUploaded() {
        return select("WHERE a.sequence > ?", uploadedThrough());
    }

    @Override
    public synchronized void markUploaded(long sequence, Instant at) {
        long through = uploadedThrough();
        long newest = newestSequence();
        if (sequence < through || sequence > newest) {
            throw new JournalException("journal " + file + ": cannot mark #" + sequence + " uploaded (uploaded through #" + through + ", newest #" + newest + ")");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO upload (uploaded_through, uploaded_at) VALUES (?, ?)")) {
            insert.setLong(1, sequence);
            insert.setString(2, at.toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("journal " + file + ": upload mark #" + sequence + " not recorded: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized JournalState recover() {
        Set<Long> out = new HashSet<>();
        Map<Long, Long> acceptedCounters = new HashMap<>();
        try (Statement q = db.createStatement()) {
            try (ResultSet r = q.executeQuery("SELECT sequence FROM approval_out")) {
                while (r.next()) out.add(r.getLong(1));
            }
            try (ResultSet r = q.executeQuery("SELECT credential_id, MAX(counter) FROM acceptance GROUP BY credential_id")) {
                while (r.next()) acceptedCounters.put(r.getLong(1), r.getLong(2));
            }
        } catch (SQLException e) {
            throw new JournalException("journal " + file + ": cannot read: " + e.getMessage(), e);
        }
        return JournalState.of(entries(), acceptedCounters, out, uploadedThrough());
    }

    @Override
    public synchronized void close() {
        try {
            insertOutcome.close();
            insertApprovalOut.close();
            db.close();
        } catch (SQLException e) {
            throw new JournalException("journal " + file + ": close failed: " + e.getMessage(), e);
        }
    }

    private JournalEntry entry(long sequence) {
        List<JournalEntry> one = select("WHERE a.sequence = ?", sequence);
        if (one.isEmpty()) throw new JournalException("journal " + file + ": no authorization #" + sequence);
        return one.get(0);
    }

    private List<JournalEntry> select(String where, long parameter) {
        String sql = "SELECT a.sequence, a.credential_id, a.counter, a.amount, a.item, a.token, a.authorized_at, o.outcome, o.concluded_at"
                + " FROM authorization a LEFT JOIN outcome o ON o.sequence = a.sequence " + where + " ORDER BY a.sequence";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (!where.isEmpty()) query.setLong(1, parameter);
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    String outcome = r.getString(8);
                    entries.add(new JournalEntry(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getInt(5), r.getBytes(6),
                            Instant.parse(r.getString(7)), outcome == null ? null : VendOutcome.valueOf(outcome),
                            outcome == null ? null : Instant.parse(r.getString(9))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new JournalException("journal " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private long uploadedThrough() {
        return scalar("SELECT COALESCE(MAX(uploaded_through), 0) FROM upload");
    }

    private long newestSequence() {
        return scalar("SELECT COALESCE(MAX(sequence), 0) FROM authorization");
    }

    private long scalar(String sql) {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new JournalException("journal " + file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
