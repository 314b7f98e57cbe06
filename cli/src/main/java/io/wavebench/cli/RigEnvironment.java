package io.wavebench.cli;

import io.wavebench.fixtures.rig.Rig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The rig file's {@code environment} for wavebench's own JVM. A bench's parts can be private to
 * its processes (DESIGN §5.7: {@code PULSE_SERVER} for a private sound server, {@code DISPLAY} for
 * a private X display), and what the ALSA pulse plugin and AWT read is the process environment,
 * fixed when the JVM starts. So when the rig's environment is not already this JVM's, the command
 * runs again as a child with it (the same java, options and arguments), and its exit status is
 * this one's. Nothing outside the child changes.
 */
final class RigEnvironment {

    /** Set in the child, so it never starts another. */
    static final String APPLIED = "WAVEBENCH_RIG_ENVIRONMENT";

    private RigEnvironment() {}

    /** The rig's variables this JVM lacks or has with other values. */
    static Map<String, String> missing(Rig rig) {
        Map<String, String> missing = new LinkedHashMap<>();
        rig.environment().forEach((k, v) -> {
            if (!Objects.equals(System.getenv(k), v)) missing.put(k, v);
        });
        return missing;
    }

    /**
     * Runs this command again with the rig's environment when this JVM does not have it.
     *
     * @return the child's exit status, or empty when this JVM already has the environment (go on here)
     */
    static Optional<Integer> runWithin(Rig rig) throws IOException, InterruptedException {
        Map<String, String> missing = missing(rig);
        if (missing.isEmpty()) return Optional.empty();
        if (System.getenv(APPLIED) != null) {
            throw new IllegalStateException("rig '" + rig.name() + "': its environment " + missing + " could not be applied to wavebench's JVM");
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        String java = self.command().orElseThrow(() -> new IllegalStateException("cannot tell which java runs wavebench, to run it with rig '"
                + rig.name() + "''s environment " + missing + "; set it yourself (e.g. export " + String.join(" ", missing.keySet()) + ")"));
        List<String> command = new ArrayList<>();
        command.add(java);
        for (String arg : self.arguments().orElse(new String[0])) {
            // AWT must not be headless when the rig gives a display (the launcher decided before it had one).
            if (missing.containsKey("DISPLAY") && arg.equals("-Djava.awt.headless=true")) arg = "-Djava.awt.headless=false";
            command.add(arg);
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(rig.environment());
        builder.environment().put(APPLIED, "1");
        System.err.println("wavebench: with rig '" + rig.name() + "''s environment " + missing);
        Process child = builder.start();
        // A signal to wavebench (Ctrl-C, a CI timeout's SIGTERM) reaches the child too: it is in the
        // same process group for Ctrl-C; SIGTERM to this JVM is passed on here.
        Thread passOn = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(60, TimeUnit.SECONDS); // let it write what it has
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wavebench-pass-signal-to-child");
        Runtime.getRuntime().addShutdownHook(passOn);
        int status = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(passOn);
        return Optional.of(status);
    }
}
