package io.wavebench.simulators.backend.api;

/** The issuer's public key, which readers install to check credentials offline. */
public record IssuerKey(int keyId, byte[] publicKey) {}
