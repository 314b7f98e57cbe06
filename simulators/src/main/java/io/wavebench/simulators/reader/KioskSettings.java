package io.wavebench.simulators.reader;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;

/**
 * What the reader's kiosk function is set up with (DESIGN §5.5): its id (as the backend knows its
 * redemptions and refusals), its cinema, the name printed on tickets, the ticketing keys it
 * verifies ticket codes with, and how long after a show starts a ticket can still be picked up.
 */
public record KioskSettings(String kioskId, long cinemaId, String cinemaName, Map<Integer, PublicKey> ticketingKeys, Duration pickupUntilAfterStart) {

    /** Tickets can be picked up until this long after the show starts, unless told otherwise. */
    public static final Duration PICKUP_UNTIL_AFTER_START = Duration.ofMinutes(30);

    public KioskSettings {
        if (kioskId == null || !kioskId.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("kiosk id must be 1 to 64 of A-Z a-z 0-9 . _ -, got '" + kioskId + "'");
        if (cinemaName == null || cinemaName.isBlank()) throw new IllegalArgumentException("kiosk " + kioskId + ": a cinema name to print on tickets is needed");
        if (ticketingKeys == null || ticketingKeys.isEmpty()) throw new IllegalArgumentException("kiosk " + kioskId + ": at least one ticketing key is needed to verify tickets");
        ticketingKeys = Map.copyOf(ticketingKeys);
    }

    public KioskSettings(String kioskId, long cinemaId, String cinemaName, Map<Integer, PublicKey> ticketingKeys) {
        this(kioskId, cinemaId, cinemaName, ticketingKeys, PICKUP_UNTIL_AFTER_START);
    }
}
