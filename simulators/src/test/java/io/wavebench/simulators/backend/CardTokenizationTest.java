package io.wavebench.simulators.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.backend.api.CardToken;
import io.wavebench.simulators.card.Expiry;
import io.wavebench.simulators.card.Pan;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/card-tokens over real HTTP and H2 (DESIGN §5.4): tokens out, no card number stored or echoed. */
class CardTokenizationTest {

    private static final Pan VISA = Pan.of("4111111111111111");
    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    private final String url = "jdbc:h2:mem:tokens-" + UUID.randomUUID();
    private Connection keepOpen;
    private SimulatedBackend backend;
    private BackendClient client;

    @BeforeEach
    void start() throws Exception {
        keepOpen = DriverManager.getConnection(url);
        backend = new SimulatedBackend(SimulatedBackend.Config.inMemory(7, KeyPairGenerator.getInstance("Ed25519").generateKeyPair()).withJdbcUrl(url).withClock(NOV_2026));
        backend.start();
        client = backend.client();
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
        keepOpen.close();
    }

    @Test
    void a_valid_card_gets_a_token_and_the_same_card_gets_the_same_token() {
        CardToken first = client.tokenize(VISA, new Expiry(3, 2028), "vm-a");
        assertTrue(first.token().startsWith("tok_") && first.created());
        assertEquals("411111******1111", first.maskedPan());
        assertEquals("VISA", first.scheme());
        assertEquals("03/28", first.expiry());
        CardToken again = client.tokenize(VISA, new Expiry(3, 2028), "vm-b");
        assertEquals(first.token(), again.token());
        assertFalse(again.created());
        CardToken other = client.tokenize(Pan.of("5555555555554444"), new Expiry(1, 2030), "vm-a");
        assertNotEquals(first.token(), other.token());
        assertEquals(2, client.cardTokens().size());
    }

    @Test
    void the_database_holds_no_card_number() throws Exception {
        client.tokenize(VISA, new Expiry(3, 2028), "vm-a");
        StringBuilder dump = new StringBuilder();
        try (Statement s = keepOpen.createStatement(); ResultSet rs = s.executeQuery("SCRIPT")) {
            while (rs.next()) dump.append(rs.getString(1)).append('\n');
        }
        assertTrue(dump.toString().contains("411111******1111"), "the dump must hold the masked number, or it proves nothing");
        assertFalse(dump.toString().contains(VISA.revealDigits()));
    }

    @Test
    void a_number_failing_luhn_is_refused_without_echoing_it() {
        Pan bad = Pan.of("4111111111111112");
        BackendException e = assertThrows(BackendException.class, () -> client.tokenize(bad, new Expiry(3, 2028), "vm-a"));
        assertEquals(BackendError.CARD_NUMBER_INVALID, e.error());
        assertTrue(e.getMessage().contains("FAILS_LUHN"), e.getMessage());
        assertFalse(e.getMessage().contains(bad.revealDigits()), e.getMessage());
        assertEquals(0, client.cardTokens().size());
    }

    @Test
    void an_expired_card_is_refused() {
        BackendException e = assertThrows(BackendException.class, () -> client.tokenize(VISA, new Expiry(10, 2026), "vm-a"));
        assertEquals(BackendError.CARD_EXPIRED, e.error());
        assertEquals(0, client.cardTokens().size());
    }

    @Test
    void a_malformed_number_is_an_invalid_request_that_does_not_echo_it() {
        var response = client.raw("POST", "v1/card-tokens", "{\"pan\":\"41111111111111x1\",\"expiryMonth\":3,\"expiryYear\":2028,\"readerId\":\"vm-a\"}");
        assertEquals(400, response.statusCode());
        assertFalse(response.body().contains("41111111111111"), response.body());
    }
}
