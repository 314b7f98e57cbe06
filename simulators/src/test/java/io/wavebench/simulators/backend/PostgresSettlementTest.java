package io.wavebench.simulators.backend;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same settlement contract on PostgreSQL, each test in a schema of its own. Runs whenever a
 * server is reachable ({@link TestDatabases#postgres}); otherwise every test is skipped and the
 * reason printed. {@code .ci/run} starts one, so CI always runs it.
 */
class PostgresSettlementTest extends SettlementContract {

    private static TestDatabases.Postgres server;
    private static long started;

    @BeforeAll
    static void findServer() {
        started = System.nanoTime();
        server = TestDatabases.postgres();
        if (server.url() == null) System.out.println("PostgreSQL settlement tests SKIPPED: " + server.unavailable());
    }

    @Override
    String freshDatabase() {
        assumeTrue(server.url() != null, server.unavailable());
        return TestDatabases.postgresSchema(server.url());
    }

    @Override
    void dropDatabase(String url) {
        TestDatabases.dropPostgresSchema(url);
    }

    @AfterAll
    static void say() {
        if (server.url() != null) {
            System.out.printf("settlement contract ran on %s at %s in %.1f s%n", PRODUCTS.get(PostgresSettlementTest.class), server.url().replaceAll("password=[^&]*", "password=***"),
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
