package io.wavebench.simulators.backend;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settlement contract on the embedded default, H2, file-backed (a database per test) so that
 * a restarted backend finds its settlement. The in-memory form is the one the other tests use.
 */
class H2SettlementTest extends SettlementContract {

    @TempDir
    static Path dir;
    private static long started;

    @BeforeAll
    static void clock() {
        started = System.nanoTime();
    }

    @Override
    String freshDatabase() {
        return "jdbc:h2:file:" + dir.resolve("settlement-" + UUID.randomUUID());
    }

    @AfterAll
    static void say() {
        System.out.printf("settlement contract ran on %s (embedded, file-backed) in %.1f s%n", PRODUCTS.get(H2SettlementTest.class),
                (System.nanoTime() - started) / 1e9);
    }
}
