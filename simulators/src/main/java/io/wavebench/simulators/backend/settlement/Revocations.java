package io.wavebench.simulators.backend.settlement;

import io.wavebench.simulators.backend.api.Revocation;
import io.wavebench.simulators.backend.api.RevocationList;
import io.wavebench.simulators.backend.db.Database;
import io.wavebench.simulators.backend.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The revocation list (DESIGN §5.1): versioned so a reader asks only for what is new since its
 * last sync. Versions come from a counter row locked until commit, so they become visible in
 * order and a cursor never jumps over a revocation still being written.
 */
public final class Revocations {

    public static final String DOUBLE_SPEND = "DOUBLE_SPEND";
    public static final String OPERATOR = "OPERATOR";

    /** Revocations per answer; a reader far behind pages with the returned cursor. */
    public static final int PAGE = 1000;

    private final Database db;
    private final Clock clock;

    public Revocations(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** An operator's revocation, in its own transaction; revoking twice returns the first revocation. */
    public Revocation revoke(long credentialId, String detail) {
        return db.inTransaction("revoking credential " + Long.toUnsignedString(credentialId), c -> revoke(c, credentialId, OPERATOR, detail));
    }

    /** Revokes inside the caller's transaction; a credential already revoked keeps its first revocation. */
    Revocation revoke(Connection c, long credentialId, String reason, String detail) throws SQLException {
        Optional<Revocation> existing = find(c, credentialId);
        if (existing.isPresent()) return existing.get();
        long version = Sql.next(c, "revocation_version");
        Revocation r = new Revocation(version, credentialId, reason, detail, clock.instant());
        Sql.update(c, "INSERT INTO revocation (version, credential_id, reason, detail, revoked_at) VALUES (?, ?, ?, ?, ?)",
                r.version(), r.credentialId(), r.reason(), r.detail(), r.revokedAt());
        return r;
    }

    public static Optional<Revocation> find(Connection c, long credentialId) throws SQLException {
        try (PreparedStatement s = Sql.prepare(c, "SELECT * FROM revocation WHERE credential_id = ?", credentialId); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    /** What a reader syncing from {@code since} has not seen yet, oldest first. */
    public RevocationList since(long since) {
        return db.inTransaction("revocation list since " + since, c -> {
            // Read the committed counter first: every version up to it is committed.
            long upTo;
            try (PreparedStatement s = Sql.prepare(c, "SELECT last_value FROM id_counter WHERE name = ?", "revocation_version");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                upTo = rs.getLong(1);
            }
            List<Revocation> list = new ArrayList<>();
            try (PreparedStatement s = Sql.prepare(c,
                    "SELECT * FROM revocation WHERE version > ? AND version <= ? ORDER BY version FETCH FIRST " + PAGE + " ROWS ONLY", since, upTo);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) list.add(read(rs));
            }
            long cursor = list.size() == PAGE ? list.get(list.size() - 1).version() : Math.max(since, upTo);
            return new RevocationList(since, cursor, list);
        });
    }

    private static Revocation read(ResultSet rs) throws SQLException {
        return new Revocation(rs.getLong("version"), rs.getLong("credential_id"), rs.getString("reason"), rs.getString("detail"), Sql.instant(rs, "revoked_at"));
    }
}
