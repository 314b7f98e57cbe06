package io.wavebench.simulators.ticket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wavebench.simulators.TestKeys;
import io.wavebench.simulators.refusal.ReaderRefusal;
import io.wavebench.simulators.token.Ed25519;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * DESIGN §6 "bad input": whatever bytes a kiosk's camera decodes, the ticket-code parser either
 * gives a ticket that re-encodes to exactly those bytes or throws {@link MalformedTicketException}
 * naming the problem; the kiosk's verifier never throws and never accepts a ticket whose
 * signature is not the ticketing key's. Jazzer fuzzes this for a few seconds in the suite (its own
 * JVM, JAZZER_FUZZ set by the parent pom).
 */
class TicketCodeFuzzTest {

    private static final KeyPair KEY = TestKeys.key(60);
    private static final TicketVerifier VERIFIER = new TicketVerifier(Map.of(1, KEY.getPublic()), 7,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(30));

    @FuzzTest(maxDuration = "5s")
    void ticket_code_parses_exactly_or_is_refused_by_name(FuzzedDataProvider data) {
        byte[] bytes;
        if (data.consumeBoolean()) {
            // Mostly well-formed: a real layout with fuzzed fields, so the parser's later rules are reached.
            int seats = data.consumeInt(0, 17);
            bytes = new byte[Math.max(0, TicketCode.length(seats) + data.consumeInt(-2, 2))];
            byte[] fill = data.consumeBytes(bytes.length);
            System.arraycopy(fill, 0, bytes, 0, fill.length);
            if (bytes.length > 0 && data.consumeBoolean()) bytes[0] = TicketCode.VERSION;
            if (bytes.length > 26) bytes[26] = (byte) seats;
        } else {
            bytes = data.consumeRemainingAsBytes();
        }
        TicketCode ticket;
        try {
            ticket = TicketCode.parse(bytes);
        } catch (MalformedTicketException e) {
            assertNotNull(e.problem());
            assertEquals(ReaderRefusal.MALFORMED_TICKET, VERIFIER.verify(bytes).refusal());
            return;
        }
        assertArrayEquals(bytes, ticket.encode(), "a parsed ticket re-encodes to the bytes it came from");
        TicketVerifier.Verdict verdict = VERIFIER.verify(bytes);
        if (verdict.valid()) {
            // Only a real signature of the ticketing key gets through.
            assertEquals(true, Ed25519.verify(KEY.getPublic(), ticket.signedPart(), ticket.signature()));
        }
    }
}
