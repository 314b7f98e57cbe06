package io.wavebench.simulators.backend.db;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateOutput;

/**
 * Applies the backend's schema on start with Flyway (DESIGN §5.6: same schema and migrations on
 * H2 and PostgreSQL). The migrations are Flyway SQL files {@code V<version>__<description>.sql}
 * beside this class's package on the classpath; Flyway records each one applied, with its
 * checksum, in {@value #HISTORY_TABLE}.
 *
 * <p>What a start refuses, each as a {@link BackendError#DATABASE_ERROR} naming the database: an
 * applied file whose text changed (the database would not match the schema the code expects), and
 * a database migrated by newer code than this (a version applied there that this jar does not
 * have). Versions may skip numbers: parallel branches each take one of their own.
 *
 * <p>A database made before Flyway kept its history in {@value #LEGACY_TABLE}; the first start
 * with Flyway takes it over (see {@link #takeOverLegacyHistory}). Every file is idempotent ({@code
 * IF NOT EXISTS}), which is what makes that takeover, and H2's implicit DDL commits, safe.
 */
public final class Migrations {

    /** Where the bundled migrations live. */
    public static final String BUNDLED = "classpath:io/wavebench/simulators/backend/db";
    /** Flyway's history table (its default name, spelled out because {@link #currentVersion} reads it). */
    public static final String HISTORY_TABLE = "flyway_schema_history";
    /** The history table of databases migrated before Flyway: version, description, checksum, applied_at. */
    static final String LEGACY_TABLE = "schema_version";

    /**
     * PostgreSQL: backends in several processes may start on one database at once. Flyway takes
     * an advisory lock of its own while it migrates; this one, held for the whole of {@link
     * #apply}, also covers the takeover of a legacy history, which Flyway knows nothing of.
     */
    static final long MIGRATION_LOCK = 0x77617665_62656E63L; // "wavebenc"

    /**
     * Embedded H2: one migrator at a time per database. H2 commits DDL implicitly, so two sessions
     * running {@code CREATE INDEX IF NOT EXISTS} at once can both try to create it; an embedded H2
     * database belongs to one process (H2 locks its file), so a lock in this process covers every
     * migrator.
     */
    private static final Map<String, Object> EMBEDDED_H2_MIGRATORS = new ConcurrentHashMap<>();

    private static final Migrations BUNDLED_MIGRATIONS = new Migrations(BUNDLED);

    private final List<String> locations;
    private volatile List<Integer> versions;

    /** Migrations from Flyway locations, e.g. {@code classpath:…} or {@code filesystem:/path}. */
    public Migrations(String... locations) {
        if (locations.length == 0) throw new IllegalArgumentException("migrations: no location given");
        this.locations = List.of(locations);
    }

    /** The migrations shipped in this jar (one instance: Flyway scans the class path for them once). */
    public static Migrations bundled() {
        return BUNDLED_MIGRATIONS;
    }

    /** Every version this code has, in the order applied. */
    public List<Integer> versions() {
        List<Integer> known = versions;
        if (known == null) {
            // Flyway resolves migrations only against a database: an empty private one will do.
            try (Database scratch = Database.open("jdbc:h2:mem:")) {
                known = resolvedVersions(flyway(scratch));
            }
            versions = known;
        }
        return known;
    }

    /** The newest version this code has. */
    public int latestVersion() {
        List<Integer> all = versions();
        return all.isEmpty() ? 0 : all.get(all.size() - 1);
    }

    /** Applies what is missing; returns the versions applied now (empty when the schema was current). */
    public List<Integer> apply(Database db) {
        if (db.isEmbeddedH2()) {
            synchronized (EMBEDDED_H2_MIGRATORS.computeIfAbsent(db.url(), u -> new Object())) {
                return applyLocked(db);
            }
        }
        if (!db.isPostgres()) return applyLocked(db);
        // A session-level lock on a connection of its own, held while Flyway works on others.
        try (Connection lock = db.connect()) {
            execute(lock, "SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                return applyLocked(db);
            } finally {
                execute(lock, "SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        } catch (SQLException e) {
            throw db.translate("locking the schema for migration", e);
        }
    }

    private List<Integer> applyLocked(Database db) {
        Flyway flyway = flyway(db);
        takeOverLegacyHistory(db);
        forgetFailedAttempts(db);
        refuseNewerSchema(db);
        try {
            List<Integer> applied = new ArrayList<>();
            for (MigrateOutput m : flyway.migrate().migrations) applied.add(Integer.parseInt(m.version));
            return applied;
        } catch (FlywayValidateException e) {
            String why = e.getMessage().contains("checksum mismatch") ? " (an applied migration was edited: add a new migration instead)"
                    : e.getMessage().contains("not resolved locally") ? " (the database has a migration this code does not: it was migrated by other code)" : "";
            throw new BackendException(BackendError.DATABASE_ERROR, "migrating " + db.url() + ": " + flywayMessage(e) + why, e);
        } catch (FlywayException e) {
            throw new BackendException(BackendError.DATABASE_ERROR, "migrating " + db.url() + ": " + flywayMessage(e), e);
        }
    }

    /** Flyway's message without its advertising line. */
    private static String flywayMessage(FlywayException e) {
        return e.getMessage().lines().filter(l -> !l.startsWith("Need more flexibility")).map(String::strip)
                .filter(l -> !l.isEmpty()).reduce((a, b) -> a + " " + b).orElse(e.getClass().getSimpleName());
    }

    /**
     * H2 commits DDL implicitly, so Flyway cannot roll a failed migration back there and records
     * it as failed, which stops every later start until someone repairs the history by hand. The
     * files are idempotent, so a migration cut short is finished by running it again: the failed
     * rows are forgotten and the next start tries it again, as on PostgreSQL (whose DDL is
     * transactional: nothing is recorded). Flyway's {@code repair} would do it too, but it also
     * realigns the checksums of edited files, which must stop the start instead.
     */
    private static void forgetFailedAttempts(Database db) {
        db.inTransaction("forgetting failed migrations", c -> {
            if (!tableExists(c, HISTORY_TABLE)) return null;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + quoted(c, HISTORY_TABLE) + " WHERE NOT \"success\"");
            }
            return null;
        });
    }

    private Flyway flyway(Database db) {
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), null, null)
                .locations(locations.toArray(String[]::new))
                .table(HISTORY_TABLE)
                // Versions skip numbers (each branch takes its own), and one that lands later than a
                // higher one is applied all the same: the files are idempotent and independent.
                .outOfOrder(true)
                // Refuse, not ignore (Flyway's default ignores "*:future"): a database migrated by
                // newer code has tables this code does not know how to keep consistent.
                .ignoreMigrationPatterns(new String[0])
                .load();
    }

    private static List<Integer> resolvedVersions(Flyway flyway) {
        List<Integer> out = new ArrayList<>();
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getState().isResolved() && m.getType() != CoreMigrationType.BASELINE) out.add(Integer.parseInt(m.getVersion().getVersion()));
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /** A plain query, not Flyway's info (a class-path scan more on every start). */
    private void refuseNewerSchema(Database db) {
        int current = db.inTransaction("reading the schema version", Migrations::currentVersion);
        if (current > latestVersion()) {
            throw new BackendException(BackendError.DATABASE_ERROR, "database " + db.url() + " has schema V" + current
                    + ", newer than this backend's V" + latestVersion() + ": it was migrated by newer code; start that code, or give this one a database of its own");
        }
    }

    /**
     * A database whose history is in the legacy {@value #LEGACY_TABLE} and not yet in Flyway's:
     * Flyway is baselined at the highest version below which every bundled version was applied,
     * and the legacy table dropped, so the database ends as one Flyway made. A bundled version
     * above that line that the legacy history has anyway (versions landed out of order) is run
     * again by Flyway, which the idempotent files allow.
     */
    void takeOverLegacyHistory(Database db) {
        db.inTransaction("taking over the migration history in " + LEGACY_TABLE, c -> {
            if (!tableExists(c, LEGACY_TABLE) || tableExists(c, HISTORY_TABLE)) return null;
            Set<Integer> applied = new TreeSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM " + LEGACY_TABLE)) {
                while (rs.next()) applied.add(rs.getInt(1));
            }
            int baseline = 0;
            for (int version : versions()) {
                if (!applied.contains(version)) break;
                baseline = version;
            }
            if (baseline > 0) {
                Flyway.configure().dataSource(db.jdbcUrl(), null, null).table(HISTORY_TABLE).baselineVersion(Integer.toString(baseline))
                        .baselineDescription("taken over from " + LEGACY_TABLE).load().baseline();
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + LEGACY_TABLE);
            }
            return null;
        });
    }

    /** The highest version applied, 0 when none (or no history yet). */
    public static int currentVersion(Connection c) throws SQLException {
        if (!tableExists(c, HISTORY_TABLE)) return 0;
        int max = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM " + quoted(c, HISTORY_TABLE) + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
            while (rs.next()) max = Math.max(max, Integer.parseInt(rs.getString(1)));
        }
        return max;
    }

    private static String quoted(Connection c, String table) throws SQLException {
        // Flyway quotes its table's name, so on H2 (upper-case by default) it keeps its lower case.
        return c.getMetaData().getIdentifierQuoteString() + table + c.getMetaData().getIdentifierQuoteString();
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : Arrays.asList(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(null, c.getSchema(), name, new String[] {"TABLE"})) {
                if (rs.next()) return true;
            }
        }
        return false;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
