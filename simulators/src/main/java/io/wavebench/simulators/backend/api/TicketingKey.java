package io.wavebench.simulators.backend.api;

/** The ticketing key's id and raw Ed25519 public key, for kiosks to install. */
public record TicketingKey(int keyId, byte[] publicKey) {}
