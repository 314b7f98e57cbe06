package io.wavebench.simulators.backend.db;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the backend's schema on start (DESIGN §5.6: same schema and migrations on H2 and
 * PostgreSQL). The migrations are SQL files on the classpath listed in {@code migrations.txt};
 * {@code schema_version} records each one applied, with a SHA-256 of its text.
 *
 * <p>Each migration runs in one transaction together with its {@code schema_version} row
 * (PostgreSQL's DDL is transactional; H2 commits DDL implicitly, which is why the files are
 * written to be re-runnable). Running again applies nothing new. A file whose text changed after
 * it was applied stops the start: the database would not match the schema the code expects.
 * Two backends starting on one database at once: the second one's {@code schema_version} insert
 * collides, it rolls back and finds the migration applied.
 */
public final class Migrations {

    private static final String BASE = "/io/wavebench/simulators/backend/db/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    public record Migration(int version, String description, String sql, String checksum) {}

    private final List<Migration> migrations;

    public Migrations(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    /** The migrations shipped in this jar. */
    public static Migrations bundled() {
        String index = resource("migrations.txt");
        List<Migration> list = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) continue;
            Matcher m = NAME.matcher(name);
            if (!m.matches()) throw new IllegalStateException("migrations.txt: '" + name + "' is not named V<version>__<description>.sql");
            String sql = resource(name);
            list.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), sql, sha256(sql)));
        }
        // Strictly increasing, gaps allowed: parallel branches each take a version of their own
        // (card tokens are V4) and land in any order without renumbering an applied file.
        for (int i = 0; i < list.size(); i++) {
            int previous = i == 0 ? 0 : list.get(i - 1).version();
            if (list.get(i).version() <= previous) {
                throw new IllegalStateException("migrations.txt: versions must increase; entry " + (i + 1) + " is V" + list.get(i).version() + " after V" + previous);
            }
        }
        return new Migrations(list);
    }

    /** Every migration, in the order applied. */
    public List<Migration> all() {
        return migrations;
    }

    /** The newest migration (the list is never empty once bundled). */
    public Migration latest() {
        return migrations.get(migrations.size() - 1);
    }

    public int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Embedded H2: one migrator at a time per database. H2 commits DDL implicitly and two
     * sessions running {@code CREATE INDEX IF NOT EXISTS} at once can both try to create it, so no
     * transaction can serialize them; an embedded H2 database belongs to one process (H2 locks
     * its file), so a lock in this process covers every migrator. PostgreSQL: see {@link #MIGRATION_LOCK}.
     */
    private static final Map<String, Object> EMBEDDED_H2_MIGRATORS = new ConcurrentHashMap<>();

    /** Applies what is missing; returns the versions applied now (empty when the schema was current). */
    public List<Integer> apply(Database db) {
        if (!db.isEmbeddedH2()) return applyUnlocked(db);
        synchronized (EMBEDDED_H2_MIGRATORS.computeIfAbsent(db.url(), u -> new Object())) {
            return applyUnlocked(db);
        }
    }

    /**
     * PostgreSQL: backends in several processes may migrate one database at once. Each migration's
     * transaction first takes this transaction-scoped advisory lock, so they run one after the
     * other and the second finds the version recorded. Without it both ran the DDL, and the loser
     * failed on whatever object the migration creates ("type card_token already exists", 42710).
     */
    static final long MIGRATION_LOCK = 0x77617665_62656E63L; // "wavebenc"

    private static void lockAgainstOtherMigrators(Database db, Connection c) throws SQLException {
        if (!db.isPostgres()) return;
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        }
    }

    private List<Integer> applyUnlocked(Database db) {
        List<Integer> applied = new ArrayList<>();
        // In a transaction so that two backends creating it at once on PostgreSQL collide on its
        // catalog entry (23505) and the loser retries, finding the table there.
        db.inTransaction("creating schema_version", c -> {
            lockAgainstOtherMigrators(db, c);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
                        + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            return null;
        });
        for (Migration m : migrations) {
            boolean ran = db.inTransaction("migration V" + m.version() + " " + m.description(), c -> {
                lockAgainstOtherMigrators(db, c);
                Map<Integer, String> done = appliedChecksums(c);
                String checksum = done.get(m.version());
                if (checksum != null) {
                    if (!checksum.equals(m.checksum())) {
                        throw new BackendException(BackendError.DATABASE_ERROR, "migration V" + m.version() + " " + m.description()
                                + " was applied to " + db.url() + " with checksum " + checksum + " but the bundled file has " + m.checksum()
                                + ": an applied migration was edited; add a new migration instead");
                    }
                    return false;
                }
                try (Statement s = c.createStatement()) {
                    for (String statement : statements(m.sql())) s.execute(statement);
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                    insert.setInt(1, m.version());
                    insert.setString(2, m.description());
                    insert.setString(3, m.checksum());
                    insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
                return true;
            });
            if (ran) applied.add(m.version());
        }
        return applied;
    }

    /** The highest version recorded in {@code schema_version}, 0 when none. */
    public static int currentVersion(Connection c) throws SQLException {
        return appliedChecksums(c).keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static Map<Integer, String> appliedChecksums(Connection c) throws SQLException {
        Map<Integer, String> done = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version, checksum FROM schema_version")) {
            while (rs.next()) done.put(rs.getInt(1), rs.getString(2));
        }
        return done;
    }

    /**
     * Splits a file on semicolons that end a line, dropping {@code --} comment lines. The files
     * hold plain DDL and DML (no procedure bodies), which keeps this honest.
     */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) throw new IllegalStateException("migration ends without ';': " + current.toString().strip());
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("migration resource missing from the classpath: " + BASE + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BASE + name, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
