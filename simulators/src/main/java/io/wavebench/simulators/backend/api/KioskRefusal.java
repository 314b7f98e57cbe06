package io.wavebench.simulators.backend.api;

import java.time.Instant;

/** A kiosk's refusal as the backend holds it ({@code GET /v1/kiosks/{id}/refusals}); {@code ticketId} null when no ticket was shown. */
public record KioskRefusal(String reportId, String kioskId, Long ticketId, String refusal, int code, String said, Instant refusedAt, Instant reportedAt) {}
