package io.wavebench.simulators.backend;

import io.wavebench.simulators.token.Ed25519;
import java.io.IOException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The simulated backend as its own OS process (DESIGN §2: simulators run in-process or alone):
 * <pre>
 * java -cp … io.wavebench.simulators.backend.BackendMain [--jdbc URL] [--port N] [--issuer-key-id N] [--issuer-seed N]
 * </pre>
 * It prints {@code backend at URL over DATABASE} on one line once it serves, and stops when its
 * standard input closes or it is signalled. The issuer key is derived from the seed so that a
 * rig's readers and phones can derive the same one: a simulator's key, never a real issuer's.
 * The same command is {@code wavebench sim backend}.
 */
@Command(name = "backend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The simulated backend (issuer, revocations, settlement, ticketing, tokenization, barcodes) over HTTP,",
            "on an embedded H2 database or the one --jdbc names (DESIGN 5.6). Prints 'backend at URL over DATABASE' once",
            "it serves; stops when its standard input closes or it is signalled."})
public final class BackendMain implements Callable<Integer> {

    @Option(names = "--jdbc", paramLabel = "URL", description = "jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DB?user=…&password=… (default: H2 in memory).")
    String jdbc;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The HTTP port on 127.0.0.1 (default: any free one).")
    int port;

    @Option(names = "--issuer-key-id", paramLabel = "N", defaultValue = "1", description = "The issuer key's id (default: ${DEFAULT-VALUE}).")
    int keyId;

    @Option(names = "--issuer-seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the issuer key, so that a rig's readers and phones derive the same one (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    /** Exit codes: 0 stopped, 1 could not start, 2 a command line it cannot run with. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BackendMain()).execute(args));
    }

    @Override
    public Integer call() {
        SimulatedBackend.Config config = SimulatedBackend.Config.inMemory(keyId, seededKey(seed)).withPort(port);
        if (jdbc != null) config = config.withJdbcUrl(jdbc);
        SimulatedBackend backend = new SimulatedBackend(config);
        backend.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.close();
            stopped.countDown();
        }, "backend-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("backend at " + backend.url() + " over " + backend.database());
        out.flush();
        try {
            while (System.in.read() >= 0) {
                // Stay up until standard input closes: the parent process owns our lifetime.
            }
        } catch (IOException closed) {
            // Same: the parent went away.
        }
        backend.close();
        stopped.countDown();
        return 0;
    }

    /** An Ed25519 key drawn from a seeded SHA1PRNG: the same seed gives the same key on every machine. */
    public static KeyPair seededKey(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return Ed25519.generate(random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is missing from this JDK", e);
        }
    }
}
