package io.wavebench.simulators.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.token.Ed25519;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The backend in its own OS process, as a rig runs it: it says where it is and stops with its stdin. */
class BackendMainTest {

    @Test
    void the_backend_runs_as_its_own_process_and_stops_when_its_stdin_closes() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), BackendMain.class.getName(),
                "--issuer-key-id", "9", "--issuer-seed", "42")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("backend at "));
            assertTrue(line != null, "the process ended without saying where it serves");
            URI url = URI.create(line.substring("backend at ".length(), line.indexOf(" over ")));
            BackendClient client = new BackendClient(url);

            assertEquals("UP", client.health().status());
            assertEquals(9, client.issuerKey().keyId());
            assertTrue(Arrays.equals(Ed25519.rawPublicKey(BackendMain.seededKey(42).getPublic()), client.issuerKey().publicKey()),
                    "the seed gives the same issuer key in both processes");

            p.getOutputStream().close();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the backend stops when its stdin closes");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void a_command_line_it_cannot_run_with_exits_2_with_the_reason_and_the_usage() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), BackendMain.class.getName(), "--port", "eighty"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "BackendMain did not exit");
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("'eighty'") && err.contains("--port") && err.contains("Usage: backend"), err);
    }
}
