package io.wavebench.simulators.backend.api;

import java.time.Instant;

/** {@code PUT /v1/readers/{id}}: the reader is known to settlement; {@code created} on first time. */
public record ReaderRegistration(String readerId, boolean created, Instant registeredAt) {}
