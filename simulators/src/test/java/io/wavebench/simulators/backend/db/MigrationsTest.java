package io.wavebench.simulators.backend.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    private final Database db = Database.open("jdbc:h2:mem:migrations-" + UUID.randomUUID());

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void the_bundled_migrations_apply_once_and_then_apply_nothing() throws Exception {
        Migrations bundled = Migrations.bundled();
        List<Integer> versions = bundled.versions();
        assertEquals(1, versions.get(0));
        assertEquals(versions, bundled.apply(db));
        assertEquals(List.of(), bundled.apply(db));
        try (Connection c = db.connect()) {
            assertEquals(versions.size(), count(c, "\"" + Migrations.HISTORY_TABLE + "\" WHERE \"type\" = 'SQL'"));
            assertEquals(bundled.latestVersion(), Migrations.currentVersion(c));
        }
    }

    @Test
    void an_applied_migration_whose_file_changed_stops_the_start() throws Exception {
        Path v1 = dir.resolve("V1__settlement.sql");
        Files.writeString(v1, bundledSql("V1__settlement.sql"));
        Migrations fromDir = new Migrations("filesystem:" + dir);
        fromDir.apply(db);
        Files.writeString(v1, bundledSql("V1__settlement.sql") + "\n-- edited\n");

        BackendException e = assertThrows(BackendException.class, () -> fromDir.apply(db));

        assertEquals(BackendError.DATABASE_ERROR, e.error());
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("checksum") && e.getMessage().contains("edited"), e.getMessage());
    }

    @Test
    void a_failing_migration_records_no_version_and_the_next_start_tries_it_again() throws Exception {
        Files.writeString(dir.resolve("V1__settlement.sql"), bundledSql("V1__settlement.sql"));
        Path v2 = dir.resolve("V2__broken.sql");
        Files.writeString(v2, "CREATE TABLE IF NOT EXISTS extra (id INTEGER);\nINSERT INTO nowhere VALUES (1);\n");
        Migrations fromDir = new Migrations("filesystem:" + dir);

        BackendException e = assertThrows(BackendException.class, () -> fromDir.apply(db));

        assertTrue(e.getMessage().contains("V2__broken") && e.getMessage().contains("NOWHERE"), e.getMessage());
        try (Connection c = db.connect()) {
            assertEquals(1, Migrations.currentVersion(c));
        }
        Files.writeString(v2, "CREATE TABLE IF NOT EXISTS extra (id INTEGER);\n");
        assertEquals(List.of(2), fromDir.apply(db));
    }

    @Test
    void a_database_migrated_by_newer_code_is_refused_naming_its_version() throws Exception {
        for (int v : Migrations.bundled().versions()) Files.writeString(dir.resolve(bundledName(v)), bundledSql(bundledName(v)));
        Files.writeString(dir.resolve("V99__from_the_future.sql"), "CREATE TABLE IF NOT EXISTS future_thing (id INTEGER);\n");
        new Migrations("filesystem:" + dir).apply(db);

        BackendException e = assertThrows(BackendException.class, () -> Migrations.bundled().apply(db));

        assertEquals(BackendError.DATABASE_ERROR, e.error());
        assertTrue(e.getMessage().contains("V99") && e.getMessage().contains("newer than this backend's V" + Migrations.bundled().latestVersion()),
                e.getMessage());
    }

    /**
     * A bench keeps its backend's database in a file between runs: one made before Flyway, with
     * the legacy history, is taken over, keeps its rows, gets only the versions it lacks, and ends
     * with the same tables and columns as a database Flyway made from nothing.
     */
    @Test
    void a_bench_database_from_before_flyway_is_taken_over_and_gets_only_what_it_lacks() throws Exception {
        String file = "jdbc:h2:file:" + dir.resolve("bench-backend");
        try (Database legacy = Database.open(file)) {
            legacyMigrate(legacy, 1, 2, 4);
            try (Connection c = legacy.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO reader (reader_id, registered_at) VALUES ('vm-kept', CURRENT_TIMESTAMP)");
            }
        }
        List<Integer> applied;
        try (Database reopened = Database.open(file)) {
            applied = Migrations.bundled().apply(reopened);
            try (Connection c = reopened.connect()) {
                assertEquals(1, count(c, "reader WHERE reader_id = 'vm-kept'"));
                assertEquals(Migrations.bundled().latestVersion(), Migrations.currentVersion(c));
                assertFalse(hasTable(c, "SCHEMA_VERSION"), "the legacy history is dropped once taken over");
                assertEquals(freshlyMigrated(), columns(c));
            }
            assertEquals(List.of(), Migrations.bundled().apply(reopened), "a second start applies nothing");
        }
        assertEquals(Migrations.bundled().versions().stream().filter(v -> v > 4).toList(), applied);
    }

    /** Versions landed out of order (V6 before V4): the takeover baselines below the gap and runs the rest, idempotently. */
    @Test
    void a_legacy_history_with_a_gap_is_taken_over_below_the_gap() throws Exception {
        legacyMigrate(db, 1, 2, 6);

        assertEquals(List.of(4, 6), Migrations.bundled().apply(db));

        try (Connection c = db.connect()) {
            assertEquals(freshlyMigrated(), columns(c));
        }
    }

    /** The old migrator's work, as it did it: each file run statement by statement, then a {@code schema_version} row. */
    private static void legacyMigrate(Database target, int... versions) throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                    + "checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (int v : versions) {
                String name = bundledName(v);
                s.execute("RUNSCRIPT FROM 'classpath:/io/wavebench/simulators/backend/db/" + name + "'");
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

    /** The tables and columns of a database Flyway made from nothing. */
    private static List<String> freshlyMigrated() throws SQLException {
        try (Database fresh = Database.open("jdbc:h2:mem:fresh-" + UUID.randomUUID())) {
            Migrations.bundled().apply(fresh);
            return columns(fresh.connect());
        }
    }

    /** Every table's columns with their types and nullability, history tables left out. */
    private static List<String> columns(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns "
                        + "WHERE table_schema = 'PUBLIC' AND table_name NOT IN ('flyway_schema_history', 'SCHEMA_VERSION') "
                        + "ORDER BY table_name, ordinal_position")) {
            while (rs.next()) out.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5));
        }
        return out;
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", table, null)) {
            return rs.next();
        }
    }

    static int count(Connection c, String from) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String bundledName(int version) {
        return switch (version) {
            case 1 -> "V1__settlement.sql";
            case 2 -> "V2__codes_and_tickets.sql";
            case 4 -> "V4__card_tokens.sql";
            case 6 -> "V6__reader_syncs_and_kiosk_refusals.sql";
            default -> throw new IllegalArgumentException("no bundled V" + version);
        };
    }

    static String bundledSql(String name) throws IOException {
        try (InputStream in = MigrationsTest.class.getResourceAsStream("/io/wavebench/simulators/backend/db/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
