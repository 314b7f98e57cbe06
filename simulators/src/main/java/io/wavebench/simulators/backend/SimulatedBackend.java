package io.wavebench.simulators.backend;

import io.wavebench.simulators.Startable;
import io.wavebench.simulators.backend.api.BarcodeAuthorizeRequest;
import io.wavebench.simulators.backend.api.BarcodeCapture;
import io.wavebench.simulators.backend.api.BarcodeEnrollment;
import io.wavebench.simulators.backend.api.EnrollmentRequest;
import io.wavebench.simulators.backend.api.Health;
import io.wavebench.simulators.backend.api.JournalBatch;
import io.wavebench.simulators.backend.api.RedemptionReport;
import io.wavebench.simulators.backend.api.RefreshRequest;
import io.wavebench.simulators.backend.api.RefusalReport;
import io.wavebench.simulators.backend.api.RevokeRequest;
import io.wavebench.simulators.backend.api.SyncAnswer;
import io.wavebench.simulators.backend.api.SyncRequest;
import io.wavebench.simulators.backend.api.TicketOrder;
import io.wavebench.simulators.backend.api.TokenizeRequest;
import io.wavebench.simulators.backend.codes.BarcodePayments;
import io.wavebench.simulators.backend.db.Database;
import io.wavebench.simulators.backend.db.Migrations;
import io.wavebench.simulators.backend.db.Sql;
import io.wavebench.simulators.backend.http.BackendHttpServer;
import io.wavebench.simulators.backend.http.BackendHttpServer.Response;
import io.wavebench.simulators.backend.issuer.CredentialService;
import io.wavebench.simulators.backend.settlement.Readers;
import io.wavebench.simulators.backend.settlement.Revocations;
import io.wavebench.simulators.backend.settlement.Settlement;
import io.wavebench.simulators.backend.settlement.SettlementQueries;
import io.wavebench.simulators.backend.tickets.KioskRefusals;
import io.wavebench.simulators.backend.tickets.TicketOffice;
import io.wavebench.simulators.backend.tokenization.TokenVault;
import io.wavebench.simulators.token.Ed25519;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend (DESIGN §5.6) as an in-process service: issuer, revocations and settlement over
 * HTTP/JSON, stored by JDBC in H2 (default, in memory) or any database the URL names, PostgreSQL
 * included. {@link #start()} applies the migrations and binds a free loopback port; {@link #url()}
 * says where. Talk to it with {@link BackendClient}.
 *
 * <p>Endpoints (JSON in and out; errors are {@code {"error": NAME, "message": …}} with the status
 * of {@link BackendError}):
 * <pre>
 * GET  /v1/health                        status, database product, schema version
 * GET  /v1/issuer                        issuer key id and raw public key, for readers to install
 * POST /v1/credentials                   enrol a phone that is online: EnrollmentRequest → 201 IssuedCredential
 * POST /v1/credentials/refresh           a phone back online: RefreshRequest → IssuedCredential (a new credential)
 * PUT  /v1/readers/{id}                  register a reader (201 first time, 200 after)
 * GET  /v1/readers/{id}                  ReaderStatus: registered when, last sync (backend's clock) and how many
 * POST /v1/readers/{id}/sync             a reader's sync in one request: SyncRequest → SyncAnswer (upload receipt, revocations)
 * POST /v1/readers/{id}/journal          upload a JournalBatch → UploadReceipt; idempotent per (reader id, sequence)
 * GET  /v1/readers/{id}/report           the reader's SettlementReport
 * GET  /v1/revocations?since=N           RevocationList after version N (0: all); keep its cursor for the next sync
 * POST /v1/revocations                   an operator's RevokeRequest → Revocation
 * GET  /v1/ledger[?reader=ID][&amp;account=N]  LedgerEntry list in booking order
 * GET  /v1/double-spends                 DoubleSpend list
 * POST /v1/barcode-keys                  an online phone gets a barcode key: BarcodeEnrollment → 201 BarcodeKey
 * POST /v1/barcodes/authorizations       a reader presents a barcode: BarcodeAuthorizeRequest → 201 BarcodeAuthorization (a hold)
 * POST /v1/barcodes/authorizations/{id}/capture   BarcodeCapture → BarcodeAuthorization; …/release → BarcodeAuthorization
 * GET  /v1/barcodes/authorizations/{id}  BarcodeAuthorization; …/authorizations?code=C: the one that code was accepted under
 * GET  /v1/ticketing-key                 ticketing key id and raw public key, for kiosks to install
 * POST /v1/tickets                       an online phone buys a ticket: TicketOrder → 201 SoldTicket (the signed ticket code)
 * GET  /v1/tickets/{id}                  TicketStatus (with every redemption reported)
 * POST /v1/tickets/{id}/redemptions      a kiosk reports a print: RedemptionReport → TicketRedemption (conflict when a second kiosk)
 * GET  /v1/ticket-conflicts              TicketConflict list: tickets redeemed at two kiosks
 * POST /v1/kiosks/{id}/refusals          a kiosk reports a refusal: RefusalReport → 201 KioskRefusal (once per report id)
 * GET  /v1/kiosks/{id}/refusals[?ticket=N]  KioskRefusal list, in the order they arrived
 * POST /v1/card-tokens                   a reader's TokenizeRequest → 201 CardToken (the only request with a full PAN; none is stored)
 * GET  /v1/card-tokens                   CardToken list (masked numbers only)
 * </pre>
 */
public final class SimulatedBackend implements Startable {

    /**
     * What the backend is made of. {@link #inMemory} is the default; {@code with…} return copies.
     *
     * @param jdbcUrl {@code jdbc:h2:mem:…}, {@code jdbc:h2:file:…} or {@code jdbc:postgresql://…}
     * @param credentialValidity how long credentials are good for
     * @param proofWindow how far a refresh proof's time may be from the backend's clock
     * @param port 0 for a free port
     */
    public record Config(String jdbcUrl, int issuerKeyId, KeyPair issuerKey, Clock clock, Duration credentialValidity, Duration proofWindow,
            int port, int threads) {

        /** A fresh private in-memory H2 database, system clock, week-long credentials. */
        public static Config inMemory(int issuerKeyId, KeyPair issuerKey) {
            return new Config("jdbc:h2:mem:wavebench-" + UUID.randomUUID(), issuerKeyId, issuerKey, Clock.systemUTC(), Duration.ofDays(7),
                    Duration.ofMinutes(5), 0, 8);
        }

        public Config withJdbcUrl(String url) {
            return new Config(url, issuerKeyId, issuerKey, clock, credentialValidity, proofWindow, port, threads);
        }

        public Config withClock(Clock c) {
            return new Config(jdbcUrl, issuerKeyId, issuerKey, c, credentialValidity, proofWindow, port, threads);
        }

        public Config withCredentialValidity(Duration d) {
            return new Config(jdbcUrl, issuerKeyId, issuerKey, clock, d, proofWindow, port, threads);
        }

        public Config withPort(int p) {
            return new Config(jdbcUrl, issuerKeyId, issuerKey, clock, credentialValidity, proofWindow, p, threads);
        }
    }

    /**
     * The named id counters a backend hands out, which {@link #idsFrom} can start elsewhere: a
     * reader that is not restarted remembers the credentials (and codes) it has seen (DESIGN §5.7),
     * so the backends of a run's scenarios must not hand out the same ids twice.
     */
    public enum IdCounter {
        /** Credential ids of enrolment and refresh (DESIGN §5.1: a u64 in the credential). */
        CREDENTIAL_ID("credential_id"),
        /** Barcode key slots, the six digits after a payment barcode's prefix (DESIGN §5.2). */
        BARCODE_SLOT("barcode_slot"),
        /** Ticket ids (DESIGN §5.5): a kiosk remembers the tickets it redeemed. */
        TICKET_ID("ticket_id");

        final String counter;

        IdCounter(String counter) {
            this.counter = counter;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBackend.class);

    private final Config config;
    private Database db;
    private int ticketingKeyId = 1;
    private KeyPair ticketingKey;
    private final Map<IdCounter, Long> firstIds = new EnumMap<>(IdCounter.class);
    private BackendHttpServer server;
    private URI url;

    public SimulatedBackend(Config config) {
        this.config = config;
    }

    /**
     * The key tickets are signed with (DESIGN §5.5); without one, {@link #start()} makes a fresh
     * key with id 1. Call before {@link #start()}.
     */
    public synchronized SimulatedBackend ticketingKey(int keyId, KeyPair key) {
        if (server != null) throw new IllegalStateException("backend: ticketingKey() after start()");
        this.ticketingKeyId = keyId;
        this.ticketingKey = key;
        return this;
    }

    /**
     * The first id {@code counter} hands out from this start on is {@code first}, unless the
     * database has handed out ids at or past it already (a shared database keeps its ids unique:
     * counters are only ever raised). Call before {@link #start()}.
     */
    public synchronized SimulatedBackend idsFrom(IdCounter counter, long first) {
        if (server != null) throw new IllegalStateException("backend: idsFrom() after start()");
        if (first < 1) throw new IllegalArgumentException("backend: ids start at 1 or later, not " + first);
        firstIds.put(counter, first);
        return this;
    }

    /** Opens the database, applies migrations, serves. A database it cannot reach fails here, naming the URL. */
    @Override
    public synchronized void start() {
        if (server != null) throw new IllegalStateException("backend: start() while already serving at " + url);
        Database database = Database.open(config.jdbcUrl());
        try {
            Migrations migrations = Migrations.bundled();
            List<Integer> applied = migrations.apply(database);
            raiseIdCounters(database);
            Clock clock = config.clock();
            Revocations revocations = new Revocations(database, clock);
            Readers readers = new Readers(database, clock);
            Settlement settlement = new Settlement(database, revocations, clock);
            SettlementQueries queries = new SettlementQueries(database);
            CredentialService issuer = new CredentialService(database, config.issuerKeyId(), config.issuerKey(), clock,
                    config.credentialValidity(), config.proofWindow());
            if (ticketingKey == null) ticketingKey = Ed25519.generate(new SecureRandom());
            BarcodePayments barcodes = new BarcodePayments(database, clock);
            TicketOffice tickets = new TicketOffice(database, clock, ticketingKeyId, ticketingKey);
            TokenVault vault = new TokenVault(database, clock);
            KioskRefusals refusals = new KioskRefusals(database, clock);
            String id = "/v1/readers/([A-Za-z0-9._%-]+)";
            BackendHttpServer http = new BackendHttpServer()
                    .route("GET", "/v1/health", r -> Response.ok(health(database)))
                    .route("GET", "/v1/issuer", r -> Response.ok(issuer.issuerKey()))
                    .route("POST", "/v1/credentials", r -> new Response(201, issuer.enroll(r.body(EnrollmentRequest.class))))
                    .route("POST", "/v1/credentials/refresh", r -> Response.ok(issuer.refresh(r.body(RefreshRequest.class))))
                    .route("PUT", id, r -> {
                        var registration = readers.register(r.pathParam(1));
                        return new Response(registration.created() ? 201 : 200, registration);
                    })
                    .route("POST", id + "/journal", r -> Response.ok(settlement.upload(r.pathParam(1), r.body(JournalBatch.class))))
                    .route("GET", id + "/report", r -> Response.ok(queries.report(r.pathParam(1))))
                    .route("GET", id, r -> Response.ok(readers.status(r.pathParam(1))))
                    .route("POST", id + "/sync", r -> {
                        // Stamped as it arrives: a sync counts from when it started, so one that
                        // started before a reader's network came back never passes for a later one.
                        Instant started = clock.instant();
                        String reader = r.pathParam(1);
                        SyncRequest sync = r.body(SyncRequest.class);
                        var upload = settlement.upload(reader, new JournalBatch(sync.entries()));
                        var revoked = revocations.since(sync.revocationsSince());
                        readers.synced(reader, started);
                        return Response.ok(new SyncAnswer(upload, revoked));
                    })
                    .route("GET", "/v1/revocations", r -> Response.ok(revocations.since(r.queryLong("since", 0L))))
                    .route("POST", "/v1/revocations", r -> {
                        RevokeRequest revoke = r.body(RevokeRequest.class);
                        return Response.ok(revocations.revoke(revoke.credentialId(), revoke.detail()));
                    })
                    .route("GET", "/v1/ledger", r -> Response.ok(queries.ledger(r.query().get("reader"), r.queryLong("account", null))))
                    .route("GET", "/v1/double-spends", r -> Response.ok(queries.doubleSpends()))
                    .route("POST", "/v1/barcode-keys", r -> new Response(201, barcodes.enroll(r.body(BarcodeEnrollment.class).accountId())))
                    .route("POST", "/v1/barcodes/authorizations", r -> new Response(201, barcodes.authorize(r.body(BarcodeAuthorizeRequest.class))))
                    .route("GET", "/v1/barcodes/authorizations", r -> {
                        String code = r.query().get("code");
                        if (code == null) throw new BackendException(BackendError.INVALID_REQUEST, "query parameter code is missing");
                        return Response.ok(barcodes.byCode(code));
                    })
                    .route("GET", "/v1/barcodes/authorizations/(\\d{1,18})", r -> Response.ok(barcodes.get(Long.parseLong(r.pathParam(1)))))
                    .route("POST", "/v1/barcodes/authorizations/(\\d{1,18})/capture",
                            r -> Response.ok(barcodes.capture(Long.parseLong(r.pathParam(1)), r.body(BarcodeCapture.class))))
                    .route("POST", "/v1/barcodes/authorizations/(\\d{1,18})/release", r -> Response.ok(barcodes.release(Long.parseLong(r.pathParam(1)))))
                    .route("GET", "/v1/ticketing-key", r -> Response.ok(tickets.ticketingKey()))
                    .route("POST", "/v1/tickets", r -> new Response(201, tickets.sell(r.body(TicketOrder.class))))
                    .route("GET", "/v1/tickets/(\\d{1,18})", r -> Response.ok(tickets.status(Long.parseLong(r.pathParam(1)))))
                    .route("POST", "/v1/tickets/(\\d{1,18})/redemptions",
                            r -> Response.ok(tickets.redeem(Long.parseLong(r.pathParam(1)), r.body(RedemptionReport.class))))
                    .route("GET", "/v1/ticket-conflicts", r -> Response.ok(tickets.conflicts()))
                    .route("POST", "/v1/kiosks/([A-Za-z0-9._%-]+)/refusals", r -> new Response(201, refusals.report(r.pathParam(1), r.body(RefusalReport.class))))
                    .route("GET", "/v1/kiosks/([A-Za-z0-9._%-]+)/refusals", r -> Response.ok(refusals.of(r.pathParam(1), r.queryLong("ticket", null))))
                    .route("POST", "/v1/card-tokens", r -> new Response(201, vault.tokenize(r.body(TokenizeRequest.class))))
                    .route("GET", "/v1/card-tokens", r -> Response.ok(vault.all()));
            url = http.start(config.port(), config.threads());
            server = http;
            db = database;
            LOG.info("backend at {} over {} (schema V{}, applied now: {})", url, database, migrations.latestVersion(), applied);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException("backend: cannot bind 127.0.0.1:" + config.port(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void raiseIdCounters(Database database) {
        if (firstIds.isEmpty()) return;
        database.inTransaction("starting id counters at " + firstIds, c -> {
            for (var e : firstIds.entrySet()) {
                // Sql.next adds one, then hands out: the counter holds the last id handed out.
                Sql.update(c, "UPDATE id_counter SET last_value = ? WHERE name = ? AND last_value < ?", e.getValue() - 1, e.getKey().counter, e.getValue() - 1);
            }
            return null;
        });
    }

    private static Health health(Database database) {
        try (Connection c = database.connect()) {
            return new Health("UP", database.product(), Migrations.currentVersion(c));
        } catch (SQLException e) {
            throw database.translate("health check", e);
        }
    }

    /** Where it serves, e.g. {@code http://127.0.0.1:41234/}. */
    public synchronized URI url() {
        if (url == null) throw new IllegalStateException("backend: url() before start()");
        return url;
    }

    /** The database product and version it runs on, for test output and reports. */
    public synchronized String database() {
        if (db == null) throw new IllegalStateException("backend: database() before start()");
        return db.product();
    }

    /** A client for this backend. */
    public BackendClient client() {
        return new BackendClient(url());
    }

    @Override
    public synchronized void close() {
        if (server != null) server.close();
        if (db != null) db.close();
        server = null;
        db = null;
    }
}
