package io.wavebench.simulators.backend.api;

/** What a sync did: the upload's receipt and the revocations since the reader's cursor. */
public record SyncAnswer(UploadReceipt upload, RevocationList revocations) {}
