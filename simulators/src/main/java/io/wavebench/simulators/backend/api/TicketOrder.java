package io.wavebench.simulators.backend.api;

import java.time.Instant;
import java.util.List;

/** An online phone buys a ticket ({@code POST /v1/tickets}). */
public record TicketOrder(Long accountId, Long cinemaId, Instant showStart, List<String> seats) {
    public TicketOrder {
        if (accountId == null) throw new IllegalArgumentException("accountId is missing");
        if (cinemaId == null) throw new IllegalArgumentException("cinemaId is missing");
        if (showStart == null) throw new IllegalArgumentException("showStart is missing");
        if (seats == null || seats.isEmpty()) throw new IllegalArgumentException("seats are missing");
        seats = List.copyOf(seats);
    }
}
