package io.wavebench.simulators.backend.api;

import java.time.Instant;

/**
 * What the backend answers a tokenization with, and all it keeps of a card (DESIGN §5.4): the
 * token, the masked number (first 6, last 4), scheme and expiry. {@code created} is false when the
 * same card was tokenized before (the same token comes back).
 */
public record CardToken(String token, String maskedPan, String scheme, String expiry, String readerId, boolean created, Instant at) {}
