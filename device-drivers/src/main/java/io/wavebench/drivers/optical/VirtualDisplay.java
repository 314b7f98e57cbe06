package io.wavebench.drivers.optical;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real X server with no monitor behind it (Debian's {@code Xvfb}), so a {@link WindowScreen}
 * can be opened, shown and screen-captured on a machine with no display: CI, or a bench checked
 * before its monitor is plugged in. The server picks a free display number itself
 * ({@code -displayfd}) and says it when it is ready to take clients, so there is no guessing and
 * no sleeping. Like {@code VirtualSerialPair} for serial, it is a link's virtual backing, not a
 * fake: what is drawn on it is real X pixels.
 *
 * <p>A JVM picks its display once, when AWT starts: a {@link WindowScreen} on this display runs in
 * a JVM started with {@code DISPLAY=}{@link #name()} and {@code -Djava.awt.headless=false}.
 */
public final class VirtualDisplay implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process server;
    private final String name;
    private final int width;
    private final int height;

    private VirtualDisplay(Process server, String name, int width, int height) {
        this.server = server;
        this.name = name;
        this.width = width;
        this.height = height;
    }

    /** Whether an {@code Xvfb} binary is on the PATH. */
    public static boolean available() {
        return executable() != null;
    }

    private static Path executable() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "Xvfb");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /**
     * Starts an X server with one screen of this size (24-bit colour) and waits until it takes
     * clients.
     *
     * @throws DisplayUnavailableException naming what is missing or what the server said
     */
    public static VirtualDisplay start(int width, int height) {
        Path xvfb = executable();
        if (xvfb == null) throw new DisplayUnavailableException("Xvfb", "no Xvfb on the PATH (Debian: apt-get install xvfb; ./test installs it as root)");
        Path log;
        Process server;
        try {
            log = Files.createTempFile("wavebench-xvfb-", ".log");
            log.toFile().deleteOnExit();
            server = new ProcessBuilder(List.of(xvfb.toString(), "-displayfd", "1", "-screen", "0", width + "x" + height + "x24", "-nolisten", "tcp", "-noreset"))
                    .redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new DisplayUnavailableException("Xvfb", "cannot start " + xvfb + ": " + e.getMessage());
        }
        // -displayfd 1: the server writes its display number on stdout once it takes clients.
        CompletableFuture<String> number = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                number.complete(new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII)).readLine());
            } catch (IOException e) {
                number.complete(null);
            }
        }, "xvfb-displayfd");
        reader.setDaemon(true);
        reader.start();
        String n;
        try {
            n = number.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            n = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            n = null;
        }
        if (n == null || !n.strip().matches("\\d+")) {
            server.destroy();
            String said;
            try {
                server.waitFor(2, TimeUnit.SECONDS);
                said = Files.readString(log).strip();
            } catch (IOException | InterruptedException e) {
                said = "";
            }
            throw new DisplayUnavailableException("Xvfb", "did not report a display within " + START_TIMEOUT.toSeconds() + " s"
                    + (said.isEmpty() ? "" : "; its last words: " + said.lines().reduce((a, b) -> b).orElse("")));
        }
        return new VirtualDisplay(server, ":" + n.strip(), width, height);
    }

    /** The display's name, for {@code DISPLAY} (e.g. {@code :1}). */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        server.destroy();
        try {
            if (!server.waitFor(5, TimeUnit.SECONDS)) server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "Xvfb " + name + " (" + width + "×" + height + ")";
    }
}
