package io.wavebench.simulators.phone;

import io.wavebench.simulators.backend.api.RefreshRequest;
import io.wavebench.simulators.token.Credential;
import io.wavebench.simulators.token.Ed25519;
import io.wavebench.simulators.token.PaymentToken;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

/**
 * What the payment app keeps on the phone: the device key (never leaves the phone), the
 * credential the issuer signed for it, and the monotonic counter that makes each token unique
 * (DESIGN §5.1).
 */
public final class Wallet {

    private final KeyPair deviceKey;
    private Credential credential;
    private long counter;

    public Wallet(KeyPair deviceKey) {
        this(deviceKey, 0);
    }

    /**
     * A wallet whose first token carries counter {@code lastCounter + 1}. A reader that is not
     * restarted remembers the highest counter it took (DESIGN §5.1, §5.7): test data that should
     * not look like a replay to it starts each run's and each scenario's wallets elsewhere.
     *
     * @param lastCounter the counter value taken to be used already; 0 for a new wallet
     */
    public Wallet(KeyPair deviceKey, long lastCounter) {
        if (lastCounter < 0 || lastCounter >= 0xFFFF_FFFFL) throw new IllegalArgumentException("a token counter is a u32 with room to count: " + lastCounter);
        this.deviceKey = deviceKey;
        this.counter = lastCounter;
    }

    public byte[] devicePublicKey() {
        return Ed25519.rawPublicKey(deviceKey.getPublic());
    }

    public synchronized void install(Credential credential) {
        if (!Arrays.equals(credential.devicePublicKey(), devicePublicKey())) {
            throw new IllegalArgumentException("credential " + credential + " is bound to another device key");
        }
        this.credential = credential;
    }

    public synchronized Credential credential() {
        if (credential == null) throw new IllegalStateException("wallet has no credential: provision one while online");
        return credential;
    }

    /** Signs a fresh one-way token: timestamp from the phone's clock, the next counter value. */
    public synchronized PaymentToken nextToken(Clock clock) {
        Credential c = credential();
        long timestamp = clock.instant().getEpochSecond();
        long next = ++counter;
        byte[] signed = PaymentToken.signedPart(PaymentToken.Type.ONE_WAY, c, timestamp, next, null);
        return new PaymentToken(PaymentToken.Type.ONE_WAY, c, timestamp, next, null, Ed25519.sign(deviceKey.getPrivate(), signed));
    }

    /**
     * Signs a two-way token (DESIGN §5.1): like {@link #nextToken(Clock)}, with the reader's
     * challenge inside the signed part, so the token answers that one sound and no other.
     */
    public synchronized PaymentToken nextToken(Clock clock, byte[] readerChallenge) {
        Credential c = credential();
        long timestamp = clock.instant().getEpochSecond();
        long next = ++counter;
        byte[] signed = PaymentToken.signedPart(PaymentToken.Type.CHALLENGED, c, timestamp, next, readerChallenge);
        return new PaymentToken(PaymentToken.Type.CHALLENGED, c, timestamp, next, readerChallenge, Ed25519.sign(deviceKey.getPrivate(), signed));
    }

    /**
     * A refresh request for the credential held (DESIGN §5.6: a phone back online trades it for a
     * fresh one), proving possession of the device key. The key signs only the refresh message,
     * which is domain-separated from tokens, never arbitrary bytes.
     */
    public synchronized RefreshRequest refreshRequest(Instant now) {
        byte[] encoded = credential().encode();
        byte[] proof = Ed25519.sign(deviceKey.getPrivate(), RefreshRequest.signedMessage(encoded, now));
        return new RefreshRequest(encoded, now, proof);
    }

    public synchronized long counter() {
        return counter;
    }
}
