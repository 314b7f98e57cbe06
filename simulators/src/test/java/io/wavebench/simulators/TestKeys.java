package io.wavebench.simulators;

import io.wavebench.simulators.token.Ed25519;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Reproducible Ed25519 keys for this module's tests (fixtures has the seeded builders proper). */
public final class TestKeys {

    private TestKeys() {}

    public static KeyPair key(int n) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(n);
            return Ed25519.generate(random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
