package io.wavebench.drivers.codes.others;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Programs by other makers that draw and read codes (DESIGN §6 "what others made"), run as
 * processes from Debian's packages: they share no code with wavebench's own renderer and decoder.
 * {@code ./test} installs them as root; where one is missing, what needs it says so.
 */
public enum OtherTool {
    /** Draws QR codes (libqrencode's command line). */
    QRENCODE("qrencode", "qrencode"),
    /** Draws barcodes, Code 128 among them. */
    ZINT("zint", "zint"),
    /** zbar's reader of image files. */
    ZBARIMG("zbarimg", "zbar-tools"),
    /** zxing-cpp's reader of image files (a C++ successor of ZXing, not the Java library wavebench uses). */
    ZXING_CPP("ZXingReader", "zxing-cpp-tools");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String command;
    private final String debianPackage;

    OtherTool(String command, String debianPackage) {
        this.command = command;
        this.debianPackage = debianPackage;
    }

    public String command() {
        return command;
    }

    public String debianPackage() {
        return debianPackage;
    }

    /** On the PATH and executable. */
    public boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    /** Why a check that needs this tool cannot run, and how to get it. */
    public String missing() {
        return command + " is not installed (Debian package " + debianPackage + "; ./test installs it as root with apt-get)";
    }

    /** What a run gave: its exit status and its whole output. */
    public record Run(int exit, byte[] stdout, String stderr) {
    }

    /**
     * Runs the tool with {@code args}, writing {@code stdin} (may be empty) to it, and waits for it
     * to end within 30 s.
     *
     * @throws IllegalStateException when it cannot be started or does not end in time
     */
    public Run run(List<String> args, byte[] stdin) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(command);
        commandLine.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(commandLine).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", commandLine) + ": " + e.getMessage() + (installed() ? "" : "; " + missing()), e);
        }
        // A thread per stream: the common pool has one thread on two cores, and a tool blocked
        // writing one stream while the other is drained would never end.
        CompletableFuture<byte[]> out = drain(process.getInputStream(), command + "-stdout");
        CompletableFuture<byte[]> err = drain(process.getErrorStream(), command + "-stderr");
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // The tool may end without reading its input (a usage error): its output says why.
        }
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", commandLine) + " did not end within " + TIMEOUT.toSeconds() + " s");
            }
            return new Run(process.exitValue(), out.join(), new String(err.join()).strip());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + String.join(" ", commandLine) + " ran", e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream, String name) {
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                bytes.complete(readAll(stream));
            } catch (RuntimeException e) {
                bytes.completeExceptionally(e);
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        return bytes;
    }

    private static byte[] readAll(InputStream stream) {
        try (InputStream s = stream; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            s.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
