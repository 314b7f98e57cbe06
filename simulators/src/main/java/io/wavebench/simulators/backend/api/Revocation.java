package io.wavebench.simulators.backend.api;

import java.time.Instant;

/**
 * One entry of the revocation list; {@code version} orders the list and is the readers' cursor.
 *
 * @param reason {@code DOUBLE_SPEND} (found at settlement) or {@code OPERATOR}
 */
public record Revocation(long version, long credentialId, String reason, String detail, Instant revokedAt) {}
