package io.wavebench.simulators.token;

import io.wavebench.simulators.refusal.ReaderRefusal;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reader's offline acceptance rules of DESIGN §5.1, applied strictly in the spec's order so
 * that the first failing rule is the reason reported. The offline-limit rule needs a price and is
 * applied at VEND REQUEST by {@link OfflineSpend}.
 *
 * <p>Replay protection keeps, per credential, the highest counter this reader accepted; the
 * caller {@linkplain #markAccepted records} an acceptance, so that a token refused later (for
 * instance at the offline limit) does not burn its counter.
 */
public final class TokenVerifier {

    private final Map<Integer, PublicKey> issuerKeys;
    private final Clock clock;
    private final Duration clockSkewAllowance;
    private final Duration freshness;
    private final Set<Long> revokedCredentials = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> highestCounter = new ConcurrentHashMap<>();
    /** Two-way mode (DESIGN §5.1 readerChallenge); null while the reader sounds no challenges. */
    private volatile ReaderChallenges challenges;

    /**
     * @param issuerKeys issuer key id → public key, installed on the reader
     * @param clockSkewAllowance how far reader and phone clocks may disagree
     * @param freshness how old a token may be (codes refresh every minute)
     */
    public TokenVerifier(Map<Integer, PublicKey> issuerKeys, Clock clock, Duration clockSkewAllowance, Duration freshness) {
        this.issuerKeys = Map.copyOf(issuerKeys);
        this.clock = clock;
        this.clockSkewAllowance = clockSkewAllowance;
        this.freshness = freshness;
    }

    public Verdict verify(byte[] tokenBytes) {
        PaymentToken token;
        try {
            token = PaymentToken.parse(tokenBytes);
        } catch (MalformedTokenException e) {
            return Verdict.rejected(ReaderRefusal.MALFORMED, null, e.getMessage());
        }
        Credential credential = token.credential();
        PublicKey issuerKey = issuerKeys.get(credential.issuerKeyId());
        if (issuerKey == null) return Verdict.rejected(ReaderRefusal.UNKNOWN_ISSUER, token, "issuer key " + credential.issuerKeyId() + " is not installed");
        if (!Ed25519.verify(issuerKey, credential.signedPart(), credential.issuerSignature())) {
            return Verdict.rejected(ReaderRefusal.FORGED_CREDENTIAL, token, "issuer signature does not verify");
        }
        long now = clock.instant().getEpochSecond();
        long skew = clockSkewAllowance.toSeconds();
        if (now + skew < credential.notBefore()) return Verdict.rejected(ReaderRefusal.CREDENTIAL_NOT_YET_VALID, token, "valid from " + credential.validFrom());
        if (now - skew > credential.notAfter()) return Verdict.rejected(ReaderRefusal.CREDENTIAL_EXPIRED, token, "expired " + credential.validUntil());
        if (revokedCredentials.contains(credential.credentialId())) return Verdict.rejected(ReaderRefusal.REVOKED, token, "on the revocation list");
        PublicKey deviceKey;
        try {
            deviceKey = Ed25519.publicKey(credential.devicePublicKey());
        } catch (IllegalArgumentException e) {
            return Verdict.rejected(ReaderRefusal.FORGED_TOKEN, token, "device key is not a curve point");
        }
        if (!Ed25519.verify(deviceKey, token.signedPart(), token.deviceSignature())) {
            return Verdict.rejected(ReaderRefusal.FORGED_TOKEN, token, "device signature does not verify");
        }
        ReaderChallenges issued = challenges;
        if (issued != null) {
            String mismatch = issued.redeem(token);
            if (mismatch != null) return Verdict.rejected(ReaderRefusal.CHALLENGE_MISMATCH, token, mismatch);
        } else if (token.type() == PaymentToken.Type.CHALLENGED) {
            return Verdict.rejected(ReaderRefusal.CHALLENGE_MISMATCH, token, "this reader sounded no challenge");
        }
        long age = now - token.timestamp();
        if (age > freshness.toSeconds() + skew || age < -skew) {
            return Verdict.rejected(ReaderRefusal.STALE_TOKEN, token, "made " + age + " s ago, fresh within " + freshness.toSeconds() + " s");
        }
        Long highest = highestCounter.get(credential.credentialId());
        if (highest != null && token.counter() <= highest) {
            return Verdict.rejected(ReaderRefusal.REPLAY, token, "counter " + token.counter() + " not above " + highest);
        }
        return Verdict.accepted(token);
    }

    /** Records that this reader accepted the token: its counter is now the one to beat. */
    public void markAccepted(PaymentToken token) {
        highestCounter.merge(token.credential().credentialId(), token.counter(), Math::max);
    }

    /** After a restart: the highest counter each credential reached here, from the journal (DESIGN §5.1, replay). */
    public void restoreCounters(Map<Long, Long> highestCounters) {
        highestCounters.forEach((credential, counter) -> highestCounter.merge(credential, counter, Math::max));
    }

    /**
     * Puts the reader in two-way mode: from now on a token's challenge must be one of these
     * (DESIGN §5.1). Before this, a token carrying a challenge is refused, since no challenge was sounded.
     */
    public void useChallenges(ReaderChallenges challenges) {
        this.challenges = challenges;
    }

    public void revoke(long credentialId) {
        revokedCredentials.add(credentialId);
    }

    /** The outcome of the rules: an accepted token, or the first rule it broke and why. */
    public record Verdict(PaymentToken token, ReaderRefusal rejection, String detail) {

        public Verdict {
            if (rejection != null && rejection.kind() != ReaderRefusal.Kind.TOKEN) throw new IllegalArgumentException(rejection + " is no token refusal");
        }

        static Verdict accepted(PaymentToken token) {
            return new Verdict(token, null, "accepted");
        }

        static Verdict rejected(ReaderRefusal reason, PaymentToken token, String detail) {
            return new Verdict(token, reason, detail);
        }

        public boolean isAccepted() {
            return rejection == null;
        }

        @Override
        public String toString() {
            return isAccepted() ? "accepted " + token : "rejected: " + rejection.description() + " (" + detail + ")";
        }
    }
}
