package io.wavebench.drivers.ggwave;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ggwave library itself (npm ggwave 0.4.0 under Node), run through the harness in
 * src/test/node/ggwave, with the package ./test installs with {@code npm ci} into
 * target/ggwave-node. A test that needs it calls {@link #assumeAvailable()} and is skipped, with
 * the reason, where Node or the installed package is missing. One harness process serves every
 * request of a test JVM ({@code serve}: the WebAssembly module loaded once, each request its own
 * ggwave instance), closed when the JVM ends.
 */
final class GgwaveLibrary {

    static final Path HOME = Path.of(System.getProperty("wavebench.ggwaveNode", "target/ggwave-node"));
    /** The harness as the repository has it, with the installed package beside the build. */
    private static final Path SCRIPT = Path.of("src/test/node/ggwave/ggwave-harness.js");
    private static final Path MODULE = HOME.resolve("node_modules/ggwave");
    private static final Path PACKAGE = MODULE.resolve("package.json");
    private static Server server;

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
            request("{\"command\":\"encode\",\"protocol\":" + protocol.id() + ",\"rate\":" + sampleRate + ",\"volume\":" + volume
                    + ",\"hex\":\"" + HexFormat.of().formatHex(payload) + "\",\"out\":" + quoted(out) + "}");
            return readFloats(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The payloads ggwave's own receiver decodes from {@code capture}, fed a 48 kHz frame's worth of samples at a time. */
    static List<byte[]> decode(float[] capture, int sampleRate) throws IOException {
        Path in = Files.createTempFile("ggwave-lib-", ".f32");
        try {
            writeFloats(in, capture);
            String result = request("{\"command\":\"decode\",\"rate\":" + sampleRate + ",\"in\":" + quoted(in) + "}");
            List<byte[]> messages = new ArrayList<>();
            Matcher m = Pattern.compile("\"([0-9a-f]*)\"").matcher(result.substring(result.indexOf('[') + 1));
            while (m.find()) messages.add(HexFormat.of().parseHex(m.group(1)));
            return messages;
        } finally {
            Files.deleteIfExists(in);
        }
    }

    private static String quoted(Path file) {
        return "\"" + file.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** One request to the harness's server, started on first use; its JSON result, or an IOException with its error. */
    private static synchronized String request(String json) throws IOException {
        if (server == null || !server.process.isAlive()) server = Server.start();
        String result = server.ask(json);
        if (result.startsWith("{\"error\"")) throw new IOException("the ggwave harness refused " + json + ": " + result);
        return result;
    }

    /** The harness serving requests, a line each way; its chatter (ggwave's WebAssembly prints some) skipped. */
    private record Server(Process process, BufferedReader out, Writer in) {
        static Server start() throws IOException {
            ProcessBuilder b = new ProcessBuilder(node(), SCRIPT.toAbsolutePath().toString(), "serve").redirectErrorStream(true);
            b.environment().put("GGWAVE_MODULE", MODULE.toAbsolutePath().toString());
            Process p = b.start();
            Server s = new Server(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
                    new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "ggwave harness stop"));
            return s;
        }

        String ask(String json) throws IOException {
            in.write(json + "\n");
            in.flush();
            List<String> chatter = new ArrayList<>();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("result ")) return line.substring("result ".length());
                chatter.add(line);
            }
            throw new IOException("the ggwave harness ended without answering " + json + "; it said: " + String.join("\n", chatter));
        }
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
