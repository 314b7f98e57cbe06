package io.wavebench.simulators.backend.api;

import java.time.Instant;

/**
 * A credential the issuer just signed.
 *
 * @param credential the 128 bytes to install in the wallet (base64 in JSON)
 * @param replaces the credential a refresh replaced, or null for an enrollment
 */
public record IssuedCredential(long credentialId, long accountId, Instant validFrom, Instant validUntil, byte[] credential, Long replaces) {}
