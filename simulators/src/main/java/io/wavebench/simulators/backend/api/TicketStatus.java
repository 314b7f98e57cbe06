package io.wavebench.simulators.backend.api;

import java.time.Instant;
import java.util.List;

/** A sold ticket and every redemption reported for it, first first ({@code GET /v1/tickets/{id}}). */
public record TicketStatus(long ticketId, long accountId, long cinemaId, Instant showStart, List<String> seats, List<TicketRedemption> redemptions) {
    public TicketStatus {
        seats = List.copyOf(seats);
        redemptions = List.copyOf(redemptions);
    }
}
