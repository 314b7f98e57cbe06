package io.wavebench.simulators.backend.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The few JDBC idioms the stores share, written once for H2 and PostgreSQL alike. */
public final class Sql {

    private Sql() {}

    /** Binds parameters in order; Instants go in as UTC {@code TIMESTAMP WITH TIME ZONE}. */
    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) s.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            else s.setObject(i + 1, p);
        }
        return s;
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A nullable BIGINT column as a Long. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * Advances a named counter of {@code id_counter} and returns the new value. The row stays
     * locked until the transaction ends, which orders concurrent writers of that counter.
     */
    public static long next(Connection c, String counter) throws SQLException {
        if (update(c, "UPDATE id_counter SET last_value = last_value + 1 WHERE name = ?", counter) != 1) {
            throw new SQLException("id_counter has no row '" + counter + "': the schema is not migrated");
        }
        try (PreparedStatement s = prepare(c, "SELECT last_value FROM id_counter WHERE name = ?", counter); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
