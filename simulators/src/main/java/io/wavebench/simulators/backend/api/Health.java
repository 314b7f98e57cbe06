package io.wavebench.simulators.backend.api;

/** {@code GET /v1/health}: the backend is up, on which database, at which schema version. */
public record Health(String status, String database, int schemaVersion) {}
