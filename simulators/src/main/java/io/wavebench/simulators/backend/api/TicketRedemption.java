package io.wavebench.simulators.backend.api;

import java.time.Instant;

/** A kiosk's report that it printed a ticket; {@code conflict} when another kiosk had reported it first. */
public record TicketRedemption(long ticketId, String kioskId, Instant redeemedAt, Instant reportedAt, boolean conflict) {}
