package io.wavebench.simulators.backend;

import io.wavebench.simulators.token.Ed25519;
import java.io.IOException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;

/**
 * The simulated backend as its own OS process (DESIGN §2: simulators run in-process or alone):
 * <pre>
 * java -cp … io.wavebench.simulators.backend.BackendMain [--jdbc URL] [--port N] [--issuer-key-id N] [--issuer-seed N]
 * </pre>
 * It prints {@code backend at URL over DATABASE} on one line once it serves, and stops when its
 * standard input closes or it is signalled. The issuer key is derived from the seed so that a
 * rig's readers and phones can derive the same one: a simulator's key, never a real issuer's.
 */
public final class BackendMain {

    private BackendMain() {}

    public static void main(String[] args) throws Exception {
        String jdbc = null;
        int port = 0;
        int keyId = 1;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--jdbc" -> jdbc = require(args[i], value);
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--issuer-key-id" -> keyId = Integer.parseInt(require(args[i], value));
                case "--issuer-seed" -> seed = Long.parseLong(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: BackendMain [--jdbc URL] [--port N] [--issuer-key-id N] [--issuer-seed N]");
            }
            i++;
        }
        SimulatedBackend.Config config = SimulatedBackend.Config.inMemory(keyId, seededKey(seed)).withPort(port);
        if (jdbc != null) config = config.withJdbcUrl(jdbc);
        SimulatedBackend backend = new SimulatedBackend(config);
        backend.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.close();
            stopped.countDown();
        }, "backend-shutdown"));
        System.out.println("backend at " + backend.url() + " over " + backend.database());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // Stay up until standard input closes: the parent process owns our lifetime.
            }
        } catch (IOException closed) {
            // Same: the parent went away.
        }
        backend.close();
        stopped.countDown();
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

    private static String require(String option, String value) {
        if (value == null) throw new IllegalArgumentException(option + " needs a value");
        return value;
    }
}
