package io.wavebench.simulators.backend.settlement;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.ReaderRegistration;
import io.wavebench.simulators.backend.api.ReaderStatus;
import io.wavebench.simulators.backend.db.Database;
import io.wavebench.simulators.backend.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

/** The readers settlement knows; uploads from any other id are refused as UNKNOWN_READER. */
public final class Readers {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Database db;
    private final Clock clock;

    public Readers(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Registers a reader; registering it again changes nothing and says so. */
    public ReaderRegistration register(String readerId) {
        requireWellFormed(readerId);
        return db.inTransaction("registering reader " + readerId, c -> {
            ReaderRegistration existing = find(c, readerId);
            if (existing != null) return existing;
            var now = clock.instant();
            Sql.update(c, "INSERT INTO reader (reader_id, registered_at) VALUES (?, ?)", readerId, now);
            return new ReaderRegistration(readerId, true, now);
        });
    }

    /**
     * Records a sync of {@code readerId} that reached the backend at {@code startedAt}: the latest
     * such time is kept (two syncs may finish out of order), and every sync is counted.
     */
    public void synced(String readerId, Instant startedAt) {
        db.inTransaction("recording a sync of reader " + readerId, c -> {
            require(c, readerId);
            Sql.update(c, "UPDATE reader SET syncs = syncs + 1, last_sync_at = CASE WHEN last_sync_at IS NULL OR last_sync_at < ? THEN ? ELSE last_sync_at END"
                    + " WHERE reader_id = ?", startedAt, startedAt, readerId);
            return null;
        });
    }

    /** The reader as settlement knows it, with its last sync. */
    public ReaderStatus status(String readerId) {
        requireWellFormed(readerId);
        return db.inTransaction("reading reader " + readerId, c -> {
            require(c, readerId);
            try (PreparedStatement s = Sql.prepare(c, "SELECT registered_at, last_sync_at, syncs FROM reader WHERE reader_id = ?", readerId);
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return new ReaderStatus(readerId, Sql.instant(rs, "registered_at"), Sql.instant(rs, "last_sync_at"), rs.getLong("syncs"));
            }
        });
    }

    static void requireWellFormed(String readerId) {
        if (readerId == null || !ID.matcher(readerId).matches()) {
            throw new BackendException(BackendError.INVALID_REQUEST, "reader id must be 1 to 64 of A-Z a-z 0-9 . _ -, got '" + readerId + "'");
        }
    }

    static void require(Connection c, String readerId) throws SQLException {
        if (find(c, readerId) == null) {
            throw new BackendException(BackendError.UNKNOWN_READER, "reader '" + readerId + "' is not registered (PUT /v1/readers/" + readerId + ")");
        }
    }

    private static ReaderRegistration find(Connection c, String readerId) throws SQLException {
        try (PreparedStatement s = Sql.prepare(c, "SELECT registered_at FROM reader WHERE reader_id = ?", readerId); ResultSet rs = s.executeQuery()) {
            return rs.next() ? new ReaderRegistration(readerId, false, Sql.instant(rs, "registered_at")) : null;
        }
    }
}
