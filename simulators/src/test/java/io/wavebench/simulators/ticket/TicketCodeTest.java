package io.wavebench.simulators.ticket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.TestKeys;
import io.wavebench.simulators.refusal.ReaderRefusal;
import io.wavebench.simulators.token.Ed25519;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketCodeTest {

    private static final KeyPair KEY = TestKeys.key(61);
    private static final Instant NOW = Instant.parse("2026-03-01T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static TicketCode signed(long cinema, Instant show, List<String> seats, KeyPair key) {
        TicketCode t = TicketCode.unsigned(1, 7_000_001, cinema, show, 4242, seats);
        return t.withSignature(Ed25519.sign(key.getPrivate(), t.signedPart()));
    }

    private static TicketVerifier verifier() {
        return new TicketVerifier(Map.of(1, KEY.getPublic()), 7, CLOCK, Duration.ofMinutes(30));
    }

    @Test
    void a_ticket_round_trips_and_verifies() throws Exception {
        TicketCode t = signed(7, NOW.plusSeconds(7200), List.of("G12", "G13"), KEY);
        byte[] bytes = t.encode();
        assertEquals(TicketCode.length(2), bytes.length);
        TicketCode back = TicketCode.parse(bytes);
        assertEquals(List.of("G12", "G13"), back.seats());
        assertArrayEquals(bytes, back.encode());
        assertTrue(verifier().verify(bytes).valid());
    }

    @Test
    void each_rule_has_its_refusal() {
        assertEquals(ReaderRefusal.FORGED_TICKET, verifier().verify(signed(7, NOW.plusSeconds(60), List.of("A1"), TestKeys.key(62)).encode()).refusal());
        assertEquals(ReaderRefusal.OTHER_CINEMA, verifier().verify(signed(8, NOW.plusSeconds(60), List.of("A1"), KEY).encode()).refusal());
        assertEquals(ReaderRefusal.SHOW_OVER, verifier().verify(signed(7, NOW.minusSeconds(31 * 60), List.of("A1"), KEY).encode()).refusal());
        assertTrue(verifier().verify(signed(7, NOW.minusSeconds(29 * 60), List.of("A1"), KEY).encode()).valid(), "late but within 30 min");
        byte[] otherKey = signed(7, NOW, List.of("A1"), KEY).encode();
        otherKey[1] = 9;
        assertEquals(ReaderRefusal.UNKNOWN_TICKETING_KEY, verifier().verify(otherKey).refusal());
    }

    @Test
    void malformed_codes_are_named() {
        byte[] good = signed(7, NOW, List.of("A1", "B2"), KEY).encode();
        assertProblem(MalformedTicketException.Problem.WRONG_LENGTH, Arrays.copyOf(good, good.length - 1));
        byte[] version = good.clone();
        version[0] = 2;
        assertProblem(MalformedTicketException.Problem.UNKNOWN_VERSION, version);
        byte[] count = good.clone();
        count[26] = 0;
        assertProblem(MalformedTicketException.Problem.BAD_SEAT_COUNT, count);
        byte[] seat = good.clone();
        seat[27] = 'a';
        assertProblem(MalformedTicketException.Problem.BAD_SEAT, seat);
        byte[] gap = good.clone();
        gap[27] = ' ';
        assertProblem(MalformedTicketException.Problem.BAD_SEAT, gap);
    }

    private static void assertProblem(MalformedTicketException.Problem problem, byte[] bytes) {
        MalformedTicketException e = assertThrows(MalformedTicketException.class, () -> TicketCode.parse(bytes));
        assertEquals(problem, e.problem(), e::getMessage);
    }
}
