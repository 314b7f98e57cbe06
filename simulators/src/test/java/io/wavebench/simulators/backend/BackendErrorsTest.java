package io.wavebench.simulators.backend;

import static io.wavebench.simulators.TestKeys.key;
import static io.wavebench.simulators.backend.SettlementContract.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wavebench.simulators.backend.api.Json;
import io.wavebench.simulators.backend.api.RefreshRequest;
import io.wavebench.simulators.token.Credential;
import io.wavebench.simulators.token.Ed25519;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal is named, carries what was refused, and writes nothing (H2 in memory). */
class BackendErrorsTest {

    private final ObjectMapper json = Json.mapper();
    private SimulatedBackend backend;
    private BackendClient client;

    @BeforeEach
    void start() {
        backend = new SimulatedBackend(SimulatedBackend.Config.inMemory(7, key(1)));
        backend.start();
        client = backend.client();
        client.registerReader("vm-a");
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private JsonNode refused(int status, String error, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals(error, body.get("error").asText(), response.body());
        return body;
    }

    @Test
    void json_that_does_not_parse_is_malformed_and_says_where() throws Exception {
        JsonNode body = refused(400, "MALFORMED_JSON", client.raw("POST", "v1/readers/vm-a/journal", "{\"entries\": [ {\"sequence\": 1,, }"));
        assertTrue(body.get("message").asText().contains("line 1"), body.toString());
    }

    @Test
    void an_unknown_field_a_wrong_type_and_a_missing_body_are_malformed() throws Exception {
        JsonNode unknown = refused(400, "MALFORMED_JSON", client.raw("POST", "v1/readers/vm-a/journal", "{\"entries\": [], \"extra\": 1}"));
        assertTrue(unknown.get("message").asText().contains("extra"), unknown.toString());
        refused(400, "MALFORMED_JSON", client.raw("POST", "v1/readers/vm-a/journal", "{\"entries\": [{\"sequence\": \"one\"}]}"));
        refused(400, "MALFORMED_JSON", client.raw("POST", "v1/readers/vm-a/journal", null));
        refused(400, "MALFORMED_JSON", client.raw("POST", "v1/readers/vm-a/journal", "{\"entries\": []} trailing"));
    }

    @Test
    void values_that_break_a_rule_are_invalid_and_name_the_entry() throws Exception {
        String negative = "{\"entries\": [{\"sequence\": 3, \"authorizedAt\": \"2026-11-24T12:00:00Z\", \"credentialId\": 1, \"counter\": 1,"
                + " \"amount\": -5, \"item\": 1, \"outcome\": \"PENDING\", \"outcomeAt\": null}]}";
        JsonNode body = refused(400, "INVALID_REQUEST", client.raw("POST", "v1/readers/vm-a/journal", negative));
        assertTrue(body.get("message").asText().contains("amount") && body.get("message").asText().contains("sequence 3"), body.toString());
        String finalWithoutTime = negative.replace("-5", "5").replace("\"PENDING\"", "\"SUCCESS\"");
        refused(400, "INVALID_REQUEST", client.raw("POST", "v1/readers/vm-a/journal", finalWithoutTime));
        refused(400, "INVALID_REQUEST", client.raw("PUT", "v1/readers/has%20space", null));
        refused(400, "INVALID_REQUEST", client.raw("GET", "v1/revocations?since=yesterday", null));
        assertEquals(0, client.report("vm-a").entries());
    }

    @Test
    void unknown_paths_and_methods_are_named() throws Exception {
        refused(404, "NOT_FOUND", client.raw("GET", "v1/nothing-here", null));
        refused(405, "METHOD_NOT_ALLOWED", client.raw("DELETE", "v1/revocations", null));
    }

    @Test
    void a_credential_that_does_not_parse_or_names_another_issuer_is_refused_before_the_database() throws Exception {
        KeyPair device = key(20);
        Credential issued = client.enroll(42, Ed25519.rawPublicKey(device.getPublic()), 2000, 978);
        byte[] truncated = Arrays.copyOf(issued.encode(), 127);
        assertRefused(BackendError.MALFORMED_CREDENTIAL, () -> client.refresh(new RefreshRequest(truncated, Instant.now(), new byte[64])));
        Credential foreign = new Issuer(99, key(5), Clock.systemUTC(), 1)
                .provision(42, Ed25519.rawPublicKey(device.getPublic()), 2000, 978, Duration.ofDays(1));
        assertRefused(BackendError.UNKNOWN_ISSUER, () -> client.refresh(foreign, device.getPrivate(), Instant.now()));
        refused(400, "INVALID_REQUEST", client.raw("POST", "v1/credentials", "{}"));
    }

    @Test
    void a_database_lost_while_serving_is_database_unavailable_naming_it() throws Exception {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        SimulatedBackend remote = new SimulatedBackend(SimulatedBackend.Config.inMemory(7, key(1))
                .withJdbcUrl("jdbc:h2:tcp://localhost:" + h2.getPort() + "/mem:lost;DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=secret"));
        try {
            remote.start();
            BackendClient c = remote.client();
            c.registerReader("vm-a");
            h2.stop();

            BackendException e = assertRefused(BackendError.DATABASE_UNAVAILABLE,
                    () -> c.upload("vm-a", List.of(ReaderJournal.sold(new ReaderJournal("vm-a", Instant.now()).authorize(1, 1, 100)))));
            assertEquals(503, e.httpStatus());
            assertTrue(e.getMessage().contains("jdbc:h2:tcp://localhost:" + h2.getPort()), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), "the password stays out of messages: " + e.getMessage());
        } finally {
            remote.close();
            h2.stop();
        }
    }

    @Test
    void a_backend_whose_database_is_unreachable_does_not_start_and_says_why() {
        SimulatedBackend unreachable = new SimulatedBackend(SimulatedBackend.Config.inMemory(7, key(1))
                .withJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere?user=wavebench&password=secret&connectTimeout=2"));

        BackendException e = assertThrows(BackendException.class, unreachable::start);

        assertEquals(BackendError.DATABASE_UNAVAILABLE, e.error());
        assertTrue(e.getMessage().contains("127.0.0.1:1/nowhere") && !e.getMessage().contains("secret"), e.getMessage());
        assertThrows(IllegalStateException.class, unreachable::url);
    }

    @Test
    void a_backend_that_is_not_there_is_unreachable_for_the_client() {
        URI gone = backend.url();
        backend.close();
        BackendException e = assertThrows(BackendException.class, () -> new BackendClient(gone, Duration.ofSeconds(2)).health());
        assertEquals(BackendError.BACKEND_UNREACHABLE, e.error());
        assertTrue(e.getMessage().contains(gone.toString()), e.getMessage());
    }
}
