package io.wavebench.simulators.backend.api;

import java.time.Instant;

/**
 * A booking: which authorization, whose account (null when the credential came from another
 * issuer), what it was for and what was charged.
 *
 * @param reason {@code VEND_SUCCESS}, {@code RESET_AFTER_APPROVAL}, {@code VEND_FAILURE} or
 *     {@code ALREADY_CHARGED}
 * @param amount the authorization's amount
 * @param charged what the account pays for it: {@code amount} for a SALE, else 0
 */
public record LedgerEntry(
        long entryId,
        String readerId,
        long sequence,
        long credentialId,
        long counter,
        Long accountId,
        LedgerKind kind,
        String reason,
        long amount,
        long charged,
        Instant bookedAt) {}
