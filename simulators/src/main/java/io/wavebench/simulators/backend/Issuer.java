package io.wavebench.simulators.backend;

import io.wavebench.simulators.token.Credential;
import io.wavebench.simulators.token.Ed25519;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The backend's issuer (DESIGN §5.6): while a phone is online it provisions a credential binding
 * the phone's device key to an account with an offline limit, signed by the issuer key. Readers
 * hold the issuer's public key so they can check credentials offline.
 */
public final class Issuer {

    private final int keyId;
    private final KeyPair key;
    private final Clock clock;
    private final AtomicLong nextCredentialId;

    public Issuer(int keyId, KeyPair key, Clock clock, long firstCredentialId) {
        if (keyId < 0 || keyId > 0xFF) throw new IllegalArgumentException("issuer key id is a u8: " + keyId);
        this.keyId = keyId;
        this.key = key;
        this.clock = clock;
        this.nextCredentialId = new AtomicLong(firstCredentialId);
    }

    private Issuer(int keyId, KeyPair key, Clock clock, AtomicLong nextCredentialId) {
        this.keyId = keyId;
        this.key = key;
        this.clock = clock;
        this.nextCredentialId = nextCredentialId;
    }

    /**
     * The same issuer (key, id sequence) reading another clock: how scenarios make a credential
     * whose window sits off the reader's clock (DESIGN §5.1, the stated skew allowance).
     */
    public Issuer withClock(Clock other) {
        return new Issuer(keyId, key, other, nextCredentialId);
    }

    public int keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return key.getPublic();
    }

    /**
     * @param validity how long the credential is good for, from now
     * @param offlineLimit minor units the phone may spend offline between syncs
     */
    public Credential provision(long accountId, byte[] devicePublicKey, long offlineLimit, int currency, Duration validity) {
        long now = clock.instant().getEpochSecond();
        Credential unsigned = new Credential(Credential.VERSION, keyId, nextCredentialId.getAndIncrement(), accountId,
                now, now + validity.toSeconds(), offlineLimit, currency, devicePublicKey, new byte[Ed25519.SIGNATURE_BYTES]);
        return unsigned.withIssuerSignature(Ed25519.sign(key.getPrivate(), unsigned.signedPart()));
    }
}
