package io.wavebench.simulators.ticket;

import io.wavebench.simulators.refusal.ReaderRefusal;
import io.wavebench.simulators.token.Ed25519;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The kiosk's offline checks of a ticket code (DESIGN §5.5), in order: it parses strictly; the
 * ticketing key is installed and its signature verifies; it is for this cinema; its show has not
 * ended ({@code showStart + pickupUntilAfterStart}). Whether it was redeemed is the kiosk's
 * journal's (and, online, the backend's) business.
 */
public final class TicketVerifier {

    private final Map<Integer, PublicKey> ticketingKeys;
    private final long cinemaId;
    private final Clock clock;
    private final Duration pickupUntilAfterStart;

    public TicketVerifier(Map<Integer, PublicKey> ticketingKeys, long cinemaId, Clock clock, Duration pickupUntilAfterStart) {
        this.ticketingKeys = Map.copyOf(ticketingKeys);
        this.cinemaId = cinemaId;
        this.clock = clock;
        this.pickupUntilAfterStart = pickupUntilAfterStart;
    }

    public long cinemaId() {
        return cinemaId;
    }

    /** The ticket, or the first rule it broke. */
    public Verdict verify(byte[] bytes) {
        TicketCode ticket;
        try {
            ticket = TicketCode.parse(bytes);
        } catch (MalformedTicketException e) {
            return new Verdict(null, ReaderRefusal.MALFORMED_TICKET, e.getMessage());
        }
        PublicKey key = ticketingKeys.get(ticket.keyId());
        if (key == null) return new Verdict(ticket, ReaderRefusal.UNKNOWN_TICKETING_KEY, "ticketing key " + ticket.keyId() + " is not installed");
        if (!Ed25519.verify(key, ticket.signedPart(), ticket.signature())) return new Verdict(ticket, ReaderRefusal.FORGED_TICKET, "signature does not verify");
        if (ticket.cinemaId() != cinemaId) return new Verdict(ticket, ReaderRefusal.OTHER_CINEMA, "cinema " + ticket.cinemaId() + ", this kiosk is in " + cinemaId);
        if (clock.instant().isAfter(ticket.showStartInstant().plus(pickupUntilAfterStart))) {
            return new Verdict(ticket, ReaderRefusal.SHOW_OVER, "show started " + ticket.showStartInstant() + ", pickup closes "
                    + pickupUntilAfterStart.toMinutes() + " min after the start");
        }
        return new Verdict(ticket, null, "valid");
    }

    public record Verdict(TicketCode ticket, ReaderRefusal refusal, String detail) {
        public Verdict {
            if (refusal != null && refusal.kind() != ReaderRefusal.Kind.TICKET) throw new IllegalArgumentException(refusal + " is no ticket refusal");
        }

        public boolean valid() {
            return refusal == null;
        }
    }
}
