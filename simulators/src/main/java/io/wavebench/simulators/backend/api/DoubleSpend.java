package io.wavebench.simulators.backend.api;

import java.time.Instant;

/**
 * A token (credential, counter) authorized twice (DESIGN §5.1): this entry, and the one that
 * claimed the token first. The token is charged once and the credential revoked.
 */
public record DoubleSpend(
        String readerId,
        long sequence,
        long credentialId,
        long counter,
        String firstReaderId,
        long firstSequence,
        Instant detectedAt) {}
