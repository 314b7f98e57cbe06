package io.wavebench.simulators.backend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Where the settlement tests find PostgreSQL when one is reachable: {@code WAVEBENCH_PG_URL} (as {@code .ci/run} exports it), or
 * else the role and database {@code .ci/run} creates, probed on localhost:5432. Each PostgreSQL
 * test gets a schema of its own, dropped after it.
 */
public final class TestDatabases {

    static final String PG_ENV = "WAVEBENCH_PG_URL";
    static final String PG_PROBE = "jdbc:postgresql://localhost:5432/wavebench_test?user=wavebench&password=wavebench&connectTimeout=2";

    private TestDatabases() {}

    /** The PostgreSQL server URL, or why there is none. */
    public record Postgres(String url, String unavailable) {}

    public static Postgres postgres() {
        String configured = System.getenv(PG_ENV);
        String url = configured != null && !configured.isBlank() ? configured : PG_PROBE;
        try (Connection c = DriverManager.getConnection(url)) {
            return new Postgres(url, null);
        } catch (SQLException e) {
            String why = "no PostgreSQL at " + url.replaceAll("password=[^&]*", "password=***") + " (" + e.getMessage() + ")";
            if (configured != null && !configured.isBlank()) {
                // A URL someone set on purpose must work: skipping would hide a broken CI database.
                throw new IllegalStateException(PG_ENV + " is set but " + why, e);
            }
            return new Postgres(null, why + "; set " + PG_ENV + " or run .ci/run to have one");
        }
    }

    /** Creates a fresh schema on the server and returns a URL whose connections use it. */
    public static String postgresSchema(String serverUrl) {
        String schema = "wb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(serverUrl, "CREATE SCHEMA " + schema);
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropPostgresSchema(String schemaUrl) {
        String schema = schemaUrl.substring(schemaUrl.lastIndexOf("currentSchema=") + "currentSchema=".length());
        execute(schemaUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
