package io.wavebench.simulators.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wavebench.simulators.TestKeys;
import io.wavebench.simulators.backend.SimulatedBackend.IdCounter;
import io.wavebench.simulators.token.Ed25519;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend's credential ids and barcode slots start where it is told (DESIGN §5.7: a reader that
 * is not restarted remembers what it saw, so a run's scenarios must not hand out the same ids),
 * and a database that handed out ids already is never taken back below them.
 */
class BackendIdStartsTest {

    private static final byte[] DEVICE = Ed25519.rawPublicKey(TestKeys.key(7).getPublic());

    @Test
    void credential_ids_and_barcode_slots_start_where_told() {
        try (SimulatedBackend backend = new SimulatedBackend(SimulatedBackend.Config.inMemory(1, TestKeys.key(1)))
                .idsFrom(IdCounter.CREDENTIAL_ID, 775_000_000_000L).idsFrom(IdCounter.BARCODE_SLOT, 431_000)) {
            backend.start();
            BackendClient client = backend.client();
            assertEquals(775_000_000_000L, client.enroll(42, DEVICE, 2000, 978).credentialId());
            assertEquals(775_000_000_001L, client.enroll(43, DEVICE, 2000, 978).credentialId());
            assertEquals(431_000, client.enrollBarcode(42).slot());
        }
    }

    @Test
    void a_start_below_what_a_shared_database_handed_out_is_not_taken() {
        // A file database two backends share, one after the other: the second must not reuse the first's ids.
        String url = "jdbc:h2:file:" + folder.resolve("shared").toAbsolutePath();
        try (SimulatedBackend first = new SimulatedBackend(SimulatedBackend.Config.inMemory(1, TestKeys.key(1)).withJdbcUrl(url))
                .idsFrom(IdCounter.CREDENTIAL_ID, 5_000_000)) {
            first.start();
            assertEquals(5_000_000, first.client().enroll(42, DEVICE, 2000, 978).credentialId());
        }
        try (SimulatedBackend second = new SimulatedBackend(SimulatedBackend.Config.inMemory(1, TestKeys.key(1)).withJdbcUrl(url))
                .idsFrom(IdCounter.CREDENTIAL_ID, 4_000_000)) {
            second.start();
            assertEquals(5_000_001, second.client().enroll(42, DEVICE, 2000, 978).credentialId());
        }
    }

    @Test
    void ids_start_at_one_or_later() {
        SimulatedBackend backend = new SimulatedBackend(SimulatedBackend.Config.inMemory(1, TestKeys.key(1)));
        assertThrows(IllegalArgumentException.class, () -> backend.idsFrom(IdCounter.CREDENTIAL_ID, 0));
    }

    @TempDir
    Path folder;
}
