package io.wavebench.simulators.backend.api;

import java.util.List;

/** One ticket redeemed at more than one kiosk (DESIGN §5.5): every redemption, first first. */
public record TicketConflict(long ticketId, List<TicketRedemption> redemptions) {
    public TicketConflict {
        redemptions = List.copyOf(redemptions);
    }
}
