package io.wavebench.drivers.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FaultyAudioIn} over a real OS sound path (DESIGN §3: any backing can be faulted; §5.7: the
 * bench in a box): a private PulseAudio server with a null sink, which javax.sound reaches through
 * ALSA's pulse plugin as the mixer {@code default}, in a JVM of its own whose environment names
 * the server ({@link FaultyAudioInOnPulseAudioProbe}). A 300 ms dropout set while a tone plays is
 * exactly 300 ms of silence in what the microphone gives, and the tone is back after it. Skipped,
 * with the reason printed, where PulseAudio or its ALSA plugin is missing or does not start.
 */
class FaultyAudioInOnPulseAudioTest {

    @Test
    void a_dropout_on_a_javasound_microphone_over_pulseaudio_is_exactly_that_long(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("native");
        Process pulse = startOrSkip(dir, socket);
        try {
            List<String> said = probe(socket, dir);
            assertTrue(said.stream().anyMatch(l -> l.startsWith("tone at ")), () -> "the tone is heard: " + said);
            String silence = said.stream().filter(l -> l.startsWith("silence ")).findFirst().orElseThrow(() -> new AssertionError("no silence line: " + said));
            assertTrue(silence.startsWith("silence 14400 at "), () -> "300 ms at 48 kHz of silence, and no more: " + said);
            String after = said.stream().filter(l -> l.startsWith("tone after ")).findFirst().orElseThrow();
            assertTrue(Double.parseDouble(after.substring("tone after ".length())) > 0.25, () -> "the tone (RMS 0.29) is back after the dropout: " + said);
        } finally {
            pulse.destroy();
            if (!pulse.waitFor(5, TimeUnit.SECONDS)) pulse.destroyForcibly();
        }
    }

    private static Process startOrSkip(Path dir, Path socket) throws IOException, InterruptedException {
        if (!onPath("pulseaudio")) skip("no pulseaudio on this machine (Debian: apt-get install pulseaudio)");
        boolean plugin;
        try (var libs = Files.list(Path.of("/usr/lib"))) {
            plugin = libs.anyMatch(d -> Files.exists(d.resolve("alsa-lib/libasound_module_pcm_pulse.so")));
        }
        if (!plugin) skip("no ALSA pulse plugin (Debian: apt-get install libasound2-plugins)");
        Path config = dir.resolve("default.pa");
        // A server of the test's own: its socket and one null sink, whose monitor is the default source (DESIGN §5.7).
        Files.writeString(config, "load-module module-native-protocol-unix socket=" + socket + " auth-anonymous=1\n"
                + "load-module module-null-sink sink_name=air rate=48000 channels=1\n"
                + "set-default-sink air\nset-default-source air.monitor\n");
        ProcessBuilder pb = new ProcessBuilder("pulseaudio", "-n", "-F", config.toString(), "--exit-idle-time=-1", "--daemonize=no",
                "--disallow-exit", "--log-target=file:" + dir.resolve("pulse.log")).redirectErrorStream(true).redirectOutput(dir.resolve("pulse.out").toFile());
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("XDG_RUNTIME_DIR", dir.toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.toString());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                String log = Files.exists(dir.resolve("pulse.log")) ? Files.readString(dir.resolve("pulse.log")) : "(no log)";
                skip("PulseAudio did not " + (p.isAlive() ? "make its socket within 10 s" : "start (exit " + p.exitValue() + ")") + ": " + log.lines().reduce((a, b) -> b).orElse(""));
            }
            p.waitFor(50, TimeUnit.MILLISECONDS);
        }
        return p;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) if (Files.isExecutable(Path.of(d, program))) return true;
        return false;
    }

    private static void skip(String reason) {
        System.out.println("FaultyAudioInOnPulseAudioTest skipped: " + reason);
        Assumptions.abort(reason);
    }

    private static List<String> probe(Path socket, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), FaultyAudioInOnPulseAudioProbe.class.getName())
                .redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("PULSE_SERVER", "unix:" + socket);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe hangs");
        System.out.print(out);
        if (p.exitValue() == 2) skip("javax.sound sees no 'default' mixer with PULSE_SERVER set: " + out.strip());
        assertEquals(0, p.exitValue(), () -> "the probe failed:\n" + out);
        return out.lines().toList();
    }
}
