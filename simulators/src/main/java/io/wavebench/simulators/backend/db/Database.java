package io.wavebench.simulators.backend.db;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's database by JDBC URL (DESIGN §5.6): H2 embedded by default ({@code jdbc:h2:mem:…}
 * or {@code jdbc:h2:file:…}), PostgreSQL by {@code jdbc:postgresql://…}; same schema on both.
 *
 * <p>Each unit of work is one transaction on a connection of its own (reused afterwards). Writers that collide (two uploads
 * claiming one token, a deadlock, a lock timeout) are resolved by the database's constraints and
 * locks; the loser's transaction is rolled back whole and run again, and then sees the winner's
 * rows. No Java lock is involved, so two backends on one PostgreSQL behave the same.
 */
public final class Database implements AutoCloseable {

    /** A transaction's body; it may be run more than once, so it must only touch the database. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static final int MAX_ATTEMPTS = 20;
    static final int MAX_IDLE = 16;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * SQL states of a collision that a retry resolves: unique violation (the other writer committed
     * the row we checked was absent), serialization failure and H2's deadlock (40001), PostgreSQL's
     * deadlock (40P01), H2's lock timeout (HYT00).
     */
    private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "HYT00");

    private final String url;
    private final String redactedUrl;
    private final String product;
    /**
     * Embedded H2 only: a connection held open for the backend's life, so an in-memory database
     * survives between transactions and a file database is not reopened for each one.
     */
    private final Connection keepAlive;
    /**
     * Connections of finished transactions, kept for the next one: opening a PostgreSQL
     * connection costs a SCRAM handshake, more than most settlement transactions.
     */
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    private Database(String url, String product, Connection keepAlive) {
        this.url = url;
        this.redactedUrl = redact(url);
        this.product = product;
        this.keepAlive = keepAlive;
    }

    /** Connects once to check the URL and learn the product; the connection is kept for embedded H2. */
    public static Database open(String url) {
        String redacted = redact(url);
        try {
            Connection first = DriverManager.getConnection(url);
            String product = first.getMetaData().getDatabaseProductName() + " " + first.getMetaData().getDatabaseProductVersion();
            if (isEmbeddedH2(url)) return new Database(url, product, first);
            first.close();
            return new Database(url, product, null);
        } catch (SQLException e) {
            throw new BackendException(BackendError.DATABASE_UNAVAILABLE,
                    "cannot connect to " + redacted + ": " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** The product and version the server reported, e.g. {@code PostgreSQL 15.18 (…)} or {@code H2 2.3.232 (…)}. */
    public String product() {
        return product;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** H2 inside this process (memory or file), as opposed to an H2 server or another database. */
    public boolean isEmbeddedH2() {
        return isEmbeddedH2(url);
    }

    /** The URL with any password masked: safe for logs and error messages. */
    public String url() {
        return redactedUrl;
    }

    /** The URL as given, password included: for libraries that connect by URL (Flyway), never for messages. */
    String jdbcUrl() {
        return url;
    }

    /** Opens a connection for work outside {@link #inTransaction} (migrations, tests). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /**
     * Runs {@code work} in one READ COMMITTED transaction and commits it; on a collision rolls back
     * and runs it again, up to {@value #MAX_ATTEMPTS} times. A {@link BackendException} thrown by
     * the work rolls the transaction back and is passed on as it is: nothing half-written.
     *
     * @param what names the work in error messages, e.g. "journal upload from vm-1"
     */
    public <T> T inTransaction(String what, Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Connection c = null;
            boolean pooled = false;
            boolean reusable = false;
            try {
                c = idle.pollFirst();
                pooled = c != null;
                if (c == null) c = connect();
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    T result = work.run(c);
                    c.commit();
                    reusable = true;
                    return result;
                } catch (SQLException | RuntimeException e) {
                    reusable = rollback(c, e) && !(e instanceof SQLException s && isConnectionFailure(s));
                    throw e;
                }
            } catch (SQLException e) {
                if (pooled && isConnectionFailure(e)) {
                    // An idle connection the server dropped (restart, timeout): forget them all, try afresh.
                    closeIdle();
                    last = e;
                    continue;
                }
                if (!isRetryable(e)) throw translate(what, e);
                last = e;
                LOG.trace("{}: attempt {} collided ({} {}), retrying", what, attempt, e.getSQLState(), e.getMessage());
                // Spread the retries so that two colliding writers do not collide again in step.
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000, 2_000_000L * attempt));
            } finally {
                if (c != null) {
                    if (reusable && idle.size() < MAX_IDLE) idle.offerFirst(c);
                    else closeQuietly(c);
                }
            }
        }
        throw new BackendException(BackendError.DATABASE_BUSY, what + ": still colliding with concurrent writers after "
                + MAX_ATTEMPTS + " attempts; last: " + last.getMessage() + " (SQL state " + last.getSQLState() + ")", last);
    }

    /** Names what went wrong: unreachable (connection-class errors) or a refused statement with its SQL state. */
    public BackendException translate(String what, SQLException e) {
        if (isConnectionFailure(e)) {
            return new BackendException(BackendError.DATABASE_UNAVAILABLE,
                    what + ": database " + redactedUrl + " unreachable: " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
        }
        return new BackendException(BackendError.DATABASE_ERROR,
                what + ": database " + redactedUrl + " refused: " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
    }

    private static boolean isEmbeddedH2(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    static boolean isRetryable(SQLException e) {
        return e.getSQLState() != null && RETRYABLE.contains(e.getSQLState());
    }

    /** SQL state class 08 is "connection exception"; H2 reports a lost server as its own connection exception types. */
    static boolean isConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) return true;
            if (t instanceof ConnectException) return true;
        }
        return false;
    }

    /** Rolls back; false (and the failure kept with {@code cause}) when even that failed. */
    private static boolean rollback(Connection c, Exception cause) {
        try {
            c.rollback();
            return true;
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already broken; nothing to release.
        }
    }

    private void closeIdle() {
        for (Connection c; (c = idle.pollFirst()) != null; ) closeQuietly(c);
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public void close() {
        closeIdle();
        if (keepAlive != null) closeQuietly(keepAlive);
    }

    @Override
    public String toString() {
        return product + " at " + redactedUrl;
    }
}
