package io.wavebench.simulators.backend.api;

import java.time.Instant;

/** A kiosk reports a ticket it printed ({@code POST /v1/tickets/{id}/redemptions}); repeating it changes nothing. */
public record RedemptionReport(String kioskId, Instant redeemedAt) {
    public RedemptionReport {
        if (kioskId == null) throw new IllegalArgumentException("kioskId is missing");
        if (redeemedAt == null) throw new IllegalArgumentException("redeemedAt is missing");
    }
}
