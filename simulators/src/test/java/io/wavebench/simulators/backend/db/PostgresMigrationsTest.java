package io.wavebench.simulators.backend.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wavebench.simulators.backend.TestDatabases;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migrations on the database a bench's backend runs on in production, PostgreSQL (DESIGN
 * §5.6), each test in a schema of its own: a database the hand-written migrator made before
 * Flyway is taken over with its rows, and two backends starting at once on one database migrate
 * it once. Runs whenever a server is reachable ({@link TestDatabases#postgres}; {@code ./test}
 * starts one), otherwise skipped with the reason.
 */
class PostgresMigrationsTest {

    private static TestDatabases.Postgres server;
    private String schemaUrl;

    @BeforeAll
    static void findServer() {
        server = TestDatabases.postgres();
        if (server.url() == null) System.out.println("PostgreSQL migration tests SKIPPED: " + server.unavailable());
    }

    @BeforeEach
    void freshSchema() {
        assumeTrue(server.url() != null, server.unavailable());
        schemaUrl = TestDatabases.postgresSchema(server.url());
    }

    @AfterEach
    void dropSchema() {
        if (schemaUrl != null) TestDatabases.dropPostgresSchema(schemaUrl);
    }

    @Test
    void a_bench_database_from_before_flyway_is_taken_over_and_gets_only_what_it_lacks() throws Exception {
        try (Database legacy = Database.open(schemaUrl)) {
            legacyMigrate(legacy, 1, 2, 4);
            try (Connection c = legacy.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO reader (reader_id, registered_at) VALUES ('vm-kept', CURRENT_TIMESTAMP)");
            }
        }
        try (Database reopened = Database.open(schemaUrl)) {
            List<Integer> applied = Migrations.bundled().apply(reopened);
            assertEquals(Migrations.bundled().versions().stream().filter(v -> v > 4).toList(), applied);
            try (Connection c = reopened.connect()) {
                assertEquals(1, MigrationsTest.count(c, "reader WHERE reader_id = 'vm-kept'"), "the bench's rows are kept");
                assertEquals(Migrations.bundled().latestVersion(), Migrations.currentVersion(c));
                assertFalse(tables(c).contains(Migrations.LEGACY_TABLE), "the legacy history is dropped once taken over");
            }
            assertEquals(List.of(), Migrations.bundled().apply(reopened), "a second start applies nothing");
            assertEquals(freshlyMigrated(), columns(reopened), "the same tables and columns as a database Flyway made from nothing");
        }
    }

    @Test
    void two_backends_starting_at_once_migrate_the_database_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Callable<List<Integer>> start = () -> {
            try (Database db = Database.open(schemaUrl)) {
                go.await();
                return Migrations.bundled().apply(db);
            }
        };
        try {
            Future<List<Integer>> first = pool.submit(start);
            Future<List<Integer>> second = pool.submit(start);
            go.countDown();
            List<List<Integer>> results = List.of(first.get(), second.get());
            assertTrue(results.contains(Migrations.bundled().versions()) && results.contains(List.of()),
                    "one start applies every version and the other nothing, got " + results);
        } finally {
            pool.shutdownNow();
        }
        try (Database db = Database.open(schemaUrl); Connection c = db.connect()) {
            assertEquals(Migrations.bundled().versions().size(), MigrationsTest.count(c, "\"" + Migrations.HISTORY_TABLE + "\" WHERE \"type\" = 'SQL'"));
        }
    }

    /**
     * The old migrator's work, as it did it on PostgreSQL: each file's statements in order, then a
     * {@code schema_version} row.
     */
    private static void legacyMigrate(Database target, int... versions) throws SQLException, IOException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                    + "checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (int v : versions) {
                String name = MigrationsTest.bundledName(v);
                for (String statement : statements(MigrationsTest.bundledSql(name))) s.execute(statement);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?, ?)")) {
                    insert.setInt(1, v);
                    insert.setString(2, name.substring(name.indexOf("__") + 2, name.length() - 4));
                    insert.setString(3, "0".repeat(64));
                    insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
            }
        }
    }

    /** The bundled files hold plain DDL, one statement per ';' (no functions, no quoted semicolons). */
    private static List<String> statements(String sql) {
        StringBuilder code = new StringBuilder();
        for (String line : sql.lines().toList()) {
            int comment = line.indexOf("--");
            code.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String statement : code.toString().split(";")) if (!statement.isBlank()) out.add(statement.strip());
        return out;
    }

    private static List<String> freshlyMigrated() throws SQLException {
        String fresh = TestDatabases.postgresSchema(server.url());
        try (Database db = Database.open(fresh)) {
            Migrations.bundled().apply(db);
            return columns(db);
        } finally {
            TestDatabases.dropPostgresSchema(fresh);
        }
    }

    /** Every table's columns in the connection's schema, with types, nullability and defaults; history tables left out. */
    private static List<String> columns(Database db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name NOT IN ('" + Migrations.HISTORY_TABLE + "', '"
                        + Migrations.LEGACY_TABLE + "') ORDER BY table_name, ordinal_position")) {
            while (rs.next()) out.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5));
        }
        assertFalse(out.isEmpty(), "no tables in " + db.url());
        return out;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
