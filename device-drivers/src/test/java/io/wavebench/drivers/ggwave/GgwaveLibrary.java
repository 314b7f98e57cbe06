package io.wavebench.drivers.ggwave;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ggwave library itself (npm ggwave 0.4.0 under Node), run through the harness in
 * src/test/node/ggwave, which ./test installs with {@code npm ci} into target/ggwave-node. A test
 * that needs it calls {@link #assumeAvailable()} and is skipped, with the reason, where Node or
 * the installed package is missing.
 */
final class GgwaveLibrary {

    static final Path HOME = Path.of(System.getProperty("wavebench.ggwaveNode", "target/ggwave-node"));
    private static final Path SCRIPT = HOME.resolve("ggwave-harness.js");
    private static final Path PACKAGE = HOME.resolve("node_modules/ggwave/package.json");

    private GgwaveLibrary() {
    }

    static String node() {
        return System.getProperty("wavebench.node", "node");
    }

    /** Skips the calling test, saying why, when the library cannot be run here. */
    static void assumeAvailable() {
        assumeTrue(nodeRuns(), "no Node.js (`" + node() + " --version` failed): the checks against the ggwave library need it; ./test installs it");
        assumeTrue(Files.isRegularFile(SCRIPT) && Files.isRegularFile(PACKAGE),
                "the ggwave library is not installed in " + HOME.toAbsolutePath() + " (./test runs npm ci there from src/test/node/ggwave)");
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder(node(), "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** ggwave's sound for {@code payload} at {@code sampleRate}, volume as ggwave takes it (0–100). */
    static float[] encode(GgwaveProtocol protocol, byte[] payload, int sampleRate, int volume) throws IOException {
        Path out = Files.createTempFile("ggwave-lib-", ".f32");
        try {
            run("encode", "--protocol", Integer.toString(protocol.id()), "--rate", Integer.toString(sampleRate),
                    "--volume", Integer.toString(volume), "--hex", HexFormat.of().formatHex(payload), "--out", out.toString());
            return readFloats(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The payloads ggwave's own receiver decodes from {@code capture}, fed 1024 samples at a time. */
    static List<byte[]> decode(float[] capture, int sampleRate) throws IOException {
        Path in = Files.createTempFile("ggwave-lib-", ".f32");
        try {
            writeFloats(in, capture);
            List<byte[]> messages = new ArrayList<>();
            for (String line : run("decode", "--rate", Integer.toString(sampleRate), "--in", in.toString())) {
                if (line.startsWith("message ")) messages.add(HexFormat.of().parseHex(line.substring(8).trim()));
            }
            return messages;
        } finally {
            Files.deleteIfExists(in);
        }
    }

    private static List<String> run(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(node(), SCRIPT.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the ggwave harness did not finish in 120 s: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + command, e);
        }
        if (p.exitValue() != 0) throw new IOException("the ggwave harness failed (exit " + p.exitValue() + "): " + command + "\n" + output);
        return output.lines().toList();
    }

    static float[] readFloats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(samples);
        return samples;
    }

    static void writeFloats(Path file, float[] samples) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(samples);
        Files.write(file, bytes.array());
    }
}
