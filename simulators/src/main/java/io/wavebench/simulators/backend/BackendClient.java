package io.wavebench.simulators.backend;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wavebench.simulators.backend.api.BarcodeAuthorization;
import io.wavebench.simulators.backend.api.BarcodeAuthorizeRequest;
import io.wavebench.simulators.backend.api.BarcodeCapture;
import io.wavebench.simulators.backend.api.BarcodeEnrollment;
import io.wavebench.simulators.backend.api.BarcodeKey;
import io.wavebench.simulators.backend.api.CardToken;
import io.wavebench.simulators.backend.api.DoubleSpend;
import io.wavebench.simulators.backend.api.EnrollmentRequest;
import io.wavebench.simulators.backend.api.ErrorBody;
import io.wavebench.simulators.backend.api.Health;
import io.wavebench.simulators.backend.api.IssuedCredential;
import io.wavebench.simulators.backend.api.IssuerKey;
import io.wavebench.simulators.backend.api.JournalBatch;
import io.wavebench.simulators.backend.api.JournalEntry;
import io.wavebench.simulators.backend.api.Json;
import io.wavebench.simulators.backend.api.KioskRefusal;
import io.wavebench.simulators.backend.api.LedgerEntry;
import io.wavebench.simulators.backend.api.ReaderRegistration;
import io.wavebench.simulators.backend.api.ReaderStatus;
import io.wavebench.simulators.backend.api.RedemptionReport;
import io.wavebench.simulators.backend.api.RefreshRequest;
import io.wavebench.simulators.backend.api.RefusalReport;
import io.wavebench.simulators.backend.api.Revocation;
import io.wavebench.simulators.backend.api.RevocationList;
import io.wavebench.simulators.backend.api.RevokeRequest;
import io.wavebench.simulators.backend.api.SettlementReport;
import io.wavebench.simulators.backend.api.SoldTicket;
import io.wavebench.simulators.backend.api.SyncAnswer;
import io.wavebench.simulators.backend.api.SyncRequest;
import io.wavebench.simulators.backend.api.TicketConflict;
import io.wavebench.simulators.backend.api.TicketOrder;
import io.wavebench.simulators.backend.api.TicketRedemption;
import io.wavebench.simulators.backend.api.TicketStatus;
import io.wavebench.simulators.backend.api.TicketingKey;
import io.wavebench.simulators.backend.api.TokenizeRequest;
import io.wavebench.simulators.backend.api.UploadReceipt;
import io.wavebench.simulators.card.Expiry;
import io.wavebench.simulators.card.Pan;
import io.wavebench.simulators.token.Credential;
import io.wavebench.simulators.token.Ed25519;
import io.wavebench.simulators.token.MalformedTokenException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a simulated reader or phone uses to talk to the backend ({@link SimulatedBackend}'s
 * endpoints), over real HTTP. Every refusal comes back as a {@link BackendException} carrying the
 * server's {@link BackendError} and message; a backend that cannot be reached is
 * {@link BackendError#BACKEND_UNREACHABLE}.
 */
public final class BackendClient {

    /** A reader's sync (DESIGN §5.1): journal up, revocations since its cursor down. */
    public record Sync(UploadReceipt upload, RevocationList revocations) {}

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = Json.mapper();

    public BackendClient(URI base) {
        this(base, Duration.ofSeconds(10));
    }

    public BackendClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Health health() {
        return send("GET", "v1/health", null, Health.class);
    }

    public IssuerKey issuerKey() {
        return send("GET", "v1/issuer", null, IssuerKey.class);
    }

    /** A phone online gets its first credential. */
    public Credential enroll(long accountId, byte[] devicePublicKey, long offlineLimit, int currency) {
        return credentialOf(send("POST", "v1/credentials", new EnrollmentRequest(accountId, devicePublicKey, offlineLimit, currency), IssuedCredential.class));
    }

    /** A phone back online trades the credential it holds for a fresh one, proving its device key. */
    public Credential refresh(Credential current, PrivateKey deviceKey, Instant now) {
        byte[] encoded = current.encode();
        byte[] proof = Ed25519.sign(deviceKey, RefreshRequest.signedMessage(encoded, now));
        return refresh(new RefreshRequest(encoded, now, proof));
    }

    /** The raw refresh, for tests that forge or replay proofs. */
    public Credential refresh(RefreshRequest request) {
        return credentialOf(send("POST", "v1/credentials/refresh", request, IssuedCredential.class));
    }

    public ReaderRegistration registerReader(String readerId) {
        return send("PUT", "v1/readers/" + encode(readerId), null, ReaderRegistration.class);
    }

    /** Uploads journal entries; safe to repeat after a lost answer (idempotent per reader id and sequence). */
    public UploadReceipt upload(String readerId, List<JournalEntry> entries) {
        return send("POST", "v1/readers/" + encode(readerId) + "/journal", new JournalBatch(entries), UploadReceipt.class);
    }

    public RevocationList revocations(long since) {
        return send("GET", "v1/revocations?since=" + since, null, RevocationList.class);
    }

    /**
     * A reader's sync, one request: the upload, and what was revoked since {@code revocationCursor};
     * the backend notes when it arrived ({@link #readerStatus}).
     */
    public Sync sync(String readerId, List<JournalEntry> entries, long revocationCursor) {
        SyncAnswer answer = send("POST", "v1/readers/" + encode(readerId) + "/sync", new SyncRequest(entries, revocationCursor), SyncAnswer.class);
        return new Sync(answer.upload(), answer.revocations());
    }

    /** A registered reader, with when its last sync reached the backend. */
    public ReaderStatus readerStatus(String readerId) {
        return send("GET", "v1/readers/" + encode(readerId), null, ReaderStatus.class);
    }

    public Revocation revoke(long credentialId, String detail) {
        return send("POST", "v1/revocations", new RevokeRequest(credentialId, detail), Revocation.class);
    }

    public List<LedgerEntry> ledger() {
        return send("GET", "v1/ledger", null, new TypeReference<List<LedgerEntry>>() {});
    }

    public List<LedgerEntry> ledgerOfReader(String readerId) {
        return send("GET", "v1/ledger?reader=" + encode(readerId), null, new TypeReference<List<LedgerEntry>>() {});
    }

    public List<LedgerEntry> ledgerOfAccount(long accountId) {
        return send("GET", "v1/ledger?account=" + accountId, null, new TypeReference<List<LedgerEntry>>() {});
    }

    public List<DoubleSpend> doubleSpends() {
        return send("GET", "v1/double-spends", null, new TypeReference<List<DoubleSpend>>() {});
    }

    /** DESIGN §5.4: the one call that sends a full card number, to be exchanged for a token. */
    public CardToken tokenize(Pan pan, Expiry expiry, String readerId) {
        return send("POST", "v1/card-tokens", new TokenizeRequest(pan.revealDigits(), expiry.month(), expiry.year(), readerId), CardToken.class);
    }

    /** Every card token issued (masked numbers only). */
    public List<CardToken> cardTokens() {
        return send("GET", "v1/card-tokens", null, new TypeReference<List<CardToken>>() {});
    }

    public SettlementReport report(String readerId) {
        return send("GET", "v1/readers/" + encode(readerId) + "/report", null, SettlementReport.class);
    }

    // ---- payment barcodes (DESIGN §5.2) ----

    /** An online phone gets the key its 60-second barcodes are made from. */
    public BarcodeKey enrollBarcode(long accountId) {
        return send("POST", "v1/barcode-keys", new BarcodeEnrollment(accountId), BarcodeKey.class);
    }

    /** A reader presents a barcode it read and asks for a hold of {@code amount}; the code is used up. */
    public BarcodeAuthorization authorizeBarcode(String code, String readerId, long amount) {
        return send("POST", "v1/barcodes/authorizations", new BarcodeAuthorizeRequest(code, readerId, amount), BarcodeAuthorization.class);
    }

    public BarcodeAuthorization captureBarcode(long authorizationId, long amount, int item) {
        return send("POST", "v1/barcodes/authorizations/" + authorizationId + "/capture", new BarcodeCapture(amount, item), BarcodeAuthorization.class);
    }

    public BarcodeAuthorization releaseBarcode(long authorizationId) {
        return send("POST", "v1/barcodes/authorizations/" + authorizationId + "/release", null, BarcodeAuthorization.class);
    }

    public BarcodeAuthorization barcodeAuthorization(long authorizationId) {
        return send("GET", "v1/barcodes/authorizations/" + authorizationId, null, BarcodeAuthorization.class);
    }

    /** The authorization a barcode was accepted under ({@link BackendError#AUTHORIZATION_UNKNOWN} if never). */
    public BarcodeAuthorization barcodeAuthorizationOf(String code) {
        return send("GET", "v1/barcodes/authorizations?code=" + encode(code), null, BarcodeAuthorization.class);
    }

    // ---- tickets (DESIGN §5.5) ----

    public TicketingKey ticketingKey() {
        return send("GET", "v1/ticketing-key", null, TicketingKey.class);
    }

    public SoldTicket buyTicket(TicketOrder order) {
        return send("POST", "v1/tickets", order, SoldTicket.class);
    }

    public TicketStatus ticket(long ticketId) {
        return send("GET", "v1/tickets/" + Long.toUnsignedString(ticketId), null, TicketStatus.class);
    }

    public TicketRedemption reportRedemption(long ticketId, String kioskId, Instant redeemedAt) {
        return send("POST", "v1/tickets/" + Long.toUnsignedString(ticketId) + "/redemptions", new RedemptionReport(kioskId, redeemedAt), TicketRedemption.class);
    }

    public List<TicketConflict> ticketConflicts() {
        return send("GET", "v1/ticket-conflicts", null, new TypeReference<List<TicketConflict>>() {});
    }

    /** A kiosk reports a refusal; the same report again (after a lost answer) is stored once. */
    public KioskRefusal reportRefusal(String kioskId, RefusalReport report) {
        return send("POST", "v1/kiosks/" + encode(kioskId) + "/refusals", report, KioskRefusal.class);
    }

    /** A kiosk's refusals, in the order they reached the backend. */
    public List<KioskRefusal> kioskRefusals(String kioskId) {
        return send("GET", "v1/kiosks/" + encode(kioskId) + "/refusals", null, new TypeReference<List<KioskRefusal>>() {});
    }

    /** A kiosk's refusals of one ticket. */
    public List<KioskRefusal> kioskRefusals(String kioskId, long ticketId) {
        return send("GET", "v1/kiosks/" + encode(kioskId) + "/refusals?ticket=" + Long.toUnsignedString(ticketId), null, new TypeReference<List<KioskRefusal>>() {});
    }

    /** Sends a raw body, for tests of malformed requests; returns the status and body text. */
    public HttpResponse<String> raw(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return exchange(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).method(method, publisher)
                .header("Content-Type", "application/json").build(), method + " " + path);
    }

    private <T> T send(String method, String path, Object body, Class<T> type) {
        String text = call(method, path, body);
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new BackendException(BackendError.MALFORMED_JSON, method + " " + base.resolve(path) + ": answer is not " + type.getSimpleName() + ": " + text, e);
        }
    }

    private <T> T send(String method, String path, Object body, TypeReference<T> type) {
        String text = call(method, path, body);
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new BackendException(BackendError.MALFORMED_JSON, method + " " + base.resolve(path) + ": answer is not " + type.getType() + ": " + text, e);
        }
    }

    private String call(String method, String path, Object body) {
        String text;
        try {
            text = body == null ? null : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
        HttpResponse<String> response = raw(method, path, text);
        if (response.statusCode() / 100 == 2) return response.body();
        throw refusal(method + " " + base.resolve(path), response);
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BackendException(BackendError.BACKEND_UNREACHABLE, what + " at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(BackendError.BACKEND_UNREACHABLE, what + " at " + base + ": interrupted", e);
        }
    }

    private BackendException refusal(String what, HttpResponse<String> response) {
        try {
            ErrorBody error = json.readValue(response.body(), ErrorBody.class);
            BackendError name = BackendError.valueOf(error.error());
            return new BackendException(name, error.message() + " [HTTP " + response.statusCode() + " from " + what + "]");
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return new BackendException(BackendError.INTERNAL, what + " answered HTTP " + response.statusCode() + " with " + response.body());
        }
    }

    private static Credential credentialOf(IssuedCredential issued) {
        try {
            return Credential.parse(issued.credential());
        } catch (MalformedTokenException e) {
            throw new BackendException(BackendError.MALFORMED_CREDENTIAL, "the backend issued an unparsable credential " + issued.credentialId() + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "BackendClient[" + base + "]";
    }
}
