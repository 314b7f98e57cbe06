package io.wavebench.simulators.backend.api;

import java.time.Instant;

/**
 * {@code GET /v1/readers/{id}}: a reader as settlement knows it, and when its last sync reached
 * the backend (its clock), null before the first; {@code syncs} counts them.
 */
public record ReaderStatus(String readerId, Instant registeredAt, Instant lastSyncAt, long syncs) {}
