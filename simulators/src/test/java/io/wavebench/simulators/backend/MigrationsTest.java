package io.wavebench.simulators.backend.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private final Database db = Database.open("jdbc:h2:mem:migrations-" + UUID.randomUUID());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void the_bundled_migrations_apply_once_and_then_apply_nothing() throws Exception {
        Migrations bundled = Migrations.bundled();
        List<Integer> versions = bundled.all().stream().map(Migrations.Migration::version).toList();
        assertEquals(1, versions.get(0));
        assertEquals(versions, bundled.apply(db));
        assertEquals(List.of(), bundled.apply(db));
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            rs.next();
            assertEquals(versions.size(), rs.getInt(1));
            assertEquals(bundled.latestVersion(), Migrations.currentVersion(c));
        }
    }

    @Test
    void an_applied_migration_whose_file_changed_stops_the_start() {
        Migrations.bundled().apply(db);
        Migrations.Migration v1 = v1();
        Migrations edited = new Migrations(List.of(new Migrations.Migration(1, v1.description(), v1.sql() + "\n-- edited\n", "0".repeat(64))));

        BackendException e = assertThrows(BackendException.class, () -> edited.apply(db));

        assertEquals(BackendError.DATABASE_ERROR, e.error());
        assertTrue(e.getMessage().contains("V1") && e.getMessage().contains("edited"), e.getMessage());
    }

    @Test
    void a_failing_migration_records_no_version_and_the_next_start_tries_it_again() throws Exception {
        List<Migrations.Migration> list = new ArrayList<>();
        list.add(Migrations.bundled().all().get(0));
        list.add(new Migrations.Migration(2, "broken", "CREATE TABLE IF NOT EXISTS extra (id INTEGER);\nINSERT INTO nowhere VALUES (1);\n", "1".repeat(64)));

        BackendException e = assertThrows(BackendException.class, () -> new Migrations(list).apply(db));

        assertTrue(e.getMessage().contains("migration V2 broken") && e.getMessage().contains("NOWHERE"), e.getMessage());
        try (Connection c = db.connect()) {
            assertEquals(1, Migrations.currentVersion(c));
        }
        list.set(1, new Migrations.Migration(2, "fixed", "CREATE TABLE IF NOT EXISTS extra (id INTEGER);\n", "2".repeat(64)));
        assertEquals(List.of(2), new Migrations(list).apply(db));
    }

    /** The settlement schema, V1: the migrations after it are not needed by these tests of the mechanism. */
    private static Migrations.Migration v1() {
        return Migrations.bundled().all().stream().filter(m -> m.version() == 1).findFirst().orElseThrow();
    }

    @Test
    void statements_split_at_line_ending_semicolons_and_skip_comments() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "INSERT INTO a\n    SELECT 1 WHERE 'a;b' <> ''"),
                Migrations.statements("-- comment; not a statement\nCREATE TABLE a (x INT);\n\nINSERT INTO a\n    SELECT 1 WHERE 'a;b' <> '';\n"));
        assertThrows(IllegalStateException.class, () -> Migrations.statements("CREATE TABLE a (x INT)\n"));
    }
}
