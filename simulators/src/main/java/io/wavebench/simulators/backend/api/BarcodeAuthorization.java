package io.wavebench.simulators.backend.api;

import java.time.Instant;

/**
 * A barcode accepted once: held, then captured (a vend) or released (none).
 *
 * @param status {@code HELD}, {@code CAPTURED} or {@code RELEASED}
 */
public record BarcodeAuthorization(long authorizationId, String code, long accountId, String readerId, long held, Long captured, Integer item,
                                   String status, Instant authorizedAt) {}
