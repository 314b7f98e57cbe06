package io.wavebench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code wavebench run} as a process of its own, as CI starts it: its console as printed (the
 * logging set up from the jar's own configuration, not this test JVM's), signals as CI sends them.
 * The console goes to a file: {@link Process#destroy()} closes the pipes it would be read from.
 */
final class ChildRun implements AutoCloseable {

    final Process process;
    private final Path consoleFile;

    private ChildRun(Process process, Path consoleFile) {
        this.process = process;
        this.consoleFile = consoleFile;
    }

    /** Starts {@code wavebench run} on the command's own test suite with these arguments, in {@code workDir}. */
    static ChildRun start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.awt.headless=true", "-Dfazecast.jSerialComm.appid=wavebench-child-run-" + ProcessHandle.current().pid(),
                "-cp", System.getProperty("java.class.path"), Wavebench.class.getName(),
                "run", "--features", RunCommandTest.FEATURES, "--glue", RunCommandTest.GLUE));
        command.addAll(List.of(args));
        Path console = Files.createTempFile(workDir, "console", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        return new ChildRun(process, console);
    }

    List<String> console() {
        try {
            return Files.readAllLines(consoleFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of("(console unreadable: " + e + ")");
        }
    }

    /** Waits until {@code count} console lines match, at most {@code within}; false when they never did. */
    boolean awaitLines(Predicate<String> line, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (console().stream().filter(line).count() >= count) return true;
            if (!process.isAlive()) return console().stream().filter(line).count() >= count;
            Thread.sleep(50); // a test polling a child's console, not a step
        }
        return false;
    }

    /** The exit status, waiting at most {@code within}; the process is killed when it takes longer. */
    int exitStatus(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("wavebench run did not exit within " + within + "; its console:\n" + consoleText());
        }
        return process.exitValue();
    }

    String consoleText() {
        return String.join("\n", console());
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
