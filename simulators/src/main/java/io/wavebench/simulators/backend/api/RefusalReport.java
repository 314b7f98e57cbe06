package io.wavebench.simulators.backend.api;

import java.time.Instant;

/**
 * A kiosk reports a refusal ({@code POST /v1/kiosks/{id}/refusals}, DESIGN §5.5): its own id for
 * the report (repeating it changes nothing), the ticket if what was shown was one, the refusal's
 * name and code, what the kiosk told the shopper, and when.
 */
public record RefusalReport(String reportId, Long ticketId, String refusal, int code, String said, Instant refusedAt) {
    /** The most a kiosk may say about one refusal: a line of its screen, not a log. */
    public static final int MAX_SAID = 64;

    public RefusalReport {
        if (reportId == null || !reportId.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("reportId must be 1 to 64 of A-Z a-z 0-9 . _ -, got '" + reportId + "'");
        if (refusal == null || !refusal.matches("[A-Z_]{1,32}")) throw new IllegalArgumentException("refusal must be a refusal's name (A-Z and _), got '" + refusal + "'");
        if (code < 0 || code > 255) throw new IllegalArgumentException("code must be 0..255, got " + code);
        if (said == null || said.isBlank() || said.length() > MAX_SAID) throw new IllegalArgumentException("said must be 1 to " + MAX_SAID + " characters, got '" + said + "'");
        if (refusedAt == null) throw new IllegalArgumentException("refusedAt is missing");
    }
}
