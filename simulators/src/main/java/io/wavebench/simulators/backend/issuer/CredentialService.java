package io.wavebench.simulators.backend.issuer;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.EnrollmentRequest;
import io.wavebench.simulators.backend.api.IssuedCredential;
import io.wavebench.simulators.backend.api.IssuerKey;
import io.wavebench.simulators.backend.api.RefreshRequest;
import io.wavebench.simulators.backend.db.Database;
import io.wavebench.simulators.backend.db.Sql;
import io.wavebench.simulators.backend.settlement.Revocations;
import io.wavebench.simulators.token.Credential;
import io.wavebench.simulators.token.Ed25519;
import io.wavebench.simulators.token.MalformedTokenException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The issuer with a memory (DESIGN §5.1, §5.6): signs credentials for phones that are online,
 * numbers them from the database so two backends on one PostgreSQL never reuse an id, and
 * refreshes the credential of a phone that comes back online.
 *
 * <p>A refresh is granted to the holder of a credential this issuer signed and still has on
 * record, proven by a signature of its device key over {@link RefreshRequest#signedMessage}
 * made near the backend's time, and not revoked. The new credential keeps account, device key,
 * offline limit and currency, and starts a new validity window (and, on the phone, new counters).
 */
public final class CredentialService {

    private final Database db;
    private final int keyId;
    private final KeyPair key;
    private final Clock clock;
    private final Duration validity;
    private final Duration proofWindow;

    /**
     * @param validity how long each credential is good for, from issue
     * @param proofWindow how far a refresh proof's time may be from the backend's clock
     */
    public CredentialService(Database db, int keyId, KeyPair key, Clock clock, Duration validity, Duration proofWindow) {
        this.db = db;
        this.keyId = keyId;
        this.key = key;
        this.clock = clock;
        this.validity = validity;
        this.proofWindow = proofWindow;
    }

    public IssuerKey issuerKey() {
        return new IssuerKey(keyId, Ed25519.rawPublicKey(key.getPublic()));
    }

    public IssuedCredential enroll(EnrollmentRequest request) {
        try {
            Ed25519.publicKey(request.devicePublicKey());
        } catch (IllegalArgumentException e) {
            throw new BackendException(BackendError.INVALID_REQUEST, "devicePublicKey is not an Ed25519 public key: " + e.getMessage());
        }
        return db.inTransaction("enrolling account " + request.accountId(),
                c -> issue(c, request.accountId(), request.devicePublicKey(), request.offlineLimit(), request.currency(), null));
    }

    public IssuedCredential refresh(RefreshRequest request) {
        Credential presented;
        try {
            presented = Credential.parse(request.credential());
        } catch (MalformedTokenException e) {
            throw new BackendException(BackendError.MALFORMED_CREDENTIAL, "presented credential: " + e.getMessage());
        }
        String id = Long.toUnsignedString(presented.credentialId());
        if (presented.issuerKeyId() != keyId) {
            throw new BackendException(BackendError.UNKNOWN_ISSUER, "credential " + id + " names issuer key " + presented.issuerKeyId() + "; this issuer is key " + keyId);
        }
        if (!Ed25519.verify(key.getPublic(), presented.signedPart(), presented.issuerSignature())) {
            throw new BackendException(BackendError.BAD_CREDENTIAL_SIGNATURE, "credential " + id + ": the issuer signature does not verify with issuer key " + keyId);
        }
        PublicKey deviceKey;
        try {
            deviceKey = Ed25519.publicKey(presented.devicePublicKey());
        } catch (IllegalArgumentException e) {
            throw new BackendException(BackendError.BAD_DEVICE_SIGNATURE, "credential " + id + ": its device key is not a curve point");
        }
        if (!Ed25519.verify(deviceKey, RefreshRequest.signedMessage(request.credential(), request.signedAt()), request.deviceSignature())) {
            throw new BackendException(BackendError.BAD_DEVICE_SIGNATURE, "credential " + id + ": the refresh proof is not signed by the credential's device key");
        }
        Duration off = Duration.between(clock.instant(), request.signedAt()).abs();
        if (off.compareTo(proofWindow) > 0) {
            throw new BackendException(BackendError.STALE_PROOF, "credential " + id + ": proof signed at " + request.signedAt() + ", " + off.toSeconds()
                    + " s from the backend's " + clock.instant() + " (allowed " + proofWindow.toSeconds() + " s)");
        }
        return db.inTransaction("refreshing credential " + id, c -> {
            String stored = storedEncoding(c, presented.credentialId());
            if (stored == null || !stored.equals(Base64.getEncoder().encodeToString(request.credential()))) {
                throw new BackendException(BackendError.UNKNOWN_CREDENTIAL, "credential " + id
                        + (stored == null ? " was never issued here" : " differs from the one issued under that id"));
            }
            var revoked = Revocations.find(c, presented.credentialId());
            if (revoked.isPresent()) {
                throw new BackendException(BackendError.CREDENTIAL_REVOKED, "credential " + id + " was revoked (" + revoked.get().reason() + ": "
                        + revoked.get().detail() + ") at " + revoked.get().revokedAt() + "; no refresh");
            }
            return issue(c, presented.accountId(), presented.devicePublicKey(), presented.offlineLimit(), presented.currency(), presented.credentialId());
        });
    }

    private IssuedCredential issue(Connection c, long accountId, byte[] devicePublicKey, long offlineLimit, int currency, Long replaces) throws SQLException {
        long credentialId = Sql.next(c, "credential_id");
        long now = clock.instant().getEpochSecond();
        Credential unsigned = new Credential(Credential.VERSION, keyId, credentialId, accountId, now, now + validity.toSeconds(),
                offlineLimit, currency, devicePublicKey, new byte[Ed25519.SIGNATURE_BYTES]);
        Credential signed = unsigned.withIssuerSignature(Ed25519.sign(key.getPrivate(), unsigned.signedPart()));
        byte[] encoded = signed.encode();
        Sql.update(c, "INSERT INTO credential (credential_id, account_id, issuer_key_id, not_before, not_after, offline_limit, currency, encoded,"
                        + " replaces, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                credentialId, accountId, keyId, signed.notBefore(), signed.notAfter(), offlineLimit, currency,
                Base64.getEncoder().encodeToString(encoded), replaces, clock.instant());
        return new IssuedCredential(credentialId, accountId, signed.validFrom(), signed.validUntil(), encoded, replaces);
    }

    private static String storedEncoding(Connection c, long credentialId) throws SQLException {
        try (PreparedStatement s = Sql.prepare(c, "SELECT encoded FROM credential WHERE credential_id = ?", credentialId); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
