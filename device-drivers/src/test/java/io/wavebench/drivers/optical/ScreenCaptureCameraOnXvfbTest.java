package io.wavebench.drivers.optical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screen-capture camera on a real X server (DESIGN §3: the camera contract on every backing
 * the machine has; §5.7: the bench in a box). A JVM of its own on a private Xvfb shows a payment
 * QR in a {@link WindowScreen} and runs {@link CameraContract} on a {@link ScreenCaptureCamera} of
 * the whole screen and of a region, and on a {@link FaultyCamera} over it, whose faults it then
 * checks on the real display's frames. Skipped, with the reason printed, where no X server starts.
 */
class ScreenCaptureCameraOnXvfbTest {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 1600;
    private static final double PPI = 250;

    @Test
    void a_screen_capture_camera_keeps_the_camera_contract_on_a_private_x_server(@TempDir Path dir) throws Exception {
        List<String> said;
        try (VirtualDisplay x = startOrSkip()) {
            said = probe(x, dir);
        }
        assertTrue(said.contains("whole " + WIDTH + "x" + HEIGHT + " decoded at frame 1"), () -> "the whole screen, decoded from its first frame: " + said);
        assertTrue(said.contains("region 675x1463 decoded at frame 1"), () -> "the phone-sized page only: " + said);
        assertTrue(said.contains("faulty-clean decoded at frame 1"), () -> "the fault decorator with no fault set changes nothing: " + said);
        assertTrue(said.contains("dropped gap 2"), () -> "two dropped frames are a gap of two in the numbers: " + said);
        assertTrue(said.contains("faulty-black p95 0"), () -> "a black frame over a QR on screen: " + said);
        assertTrue(said.contains("blurred decodes false"), () -> "a 12 px blur spoils the QR: " + said);
        String frozen = said.stream().filter(l -> l.startsWith("frozen p95 ")).findFirst().orElseThrow(() -> new AssertionError("no frozen frame: " + said));
        assertTrue(frozen.matches("frozen p95 (\\d+) then 0") && !frozen.startsWith("frozen p95 0 "), () -> "a frozen frame still shows the QR after the window went black: " + frozen);
        String black = said.stream().filter(l -> l.startsWith("black ")).findFirst().orElseThrow(() -> new AssertionError("no black frame: " + said));
        assertEquals("black p5 0 p95 0", black, "a black window is a black frame");
        assertTrue(said.stream().anyMatch(l -> l.matches("by display name :\\d+ " + WIDTH + "x" + HEIGHT)), () -> "a display's name is its first screen: " + said);
        String missing = said.stream().filter(l -> l.startsWith("no-such-screen")).findFirst().orElseThrow();
        assertTrue(missing.contains("display ':42.7': no such screen; this display has 1: :"), missing);
    }

    private static VirtualDisplay startOrSkip() {
        if (!VirtualDisplay.available()) skip("no Xvfb on this machine (Debian: apt-get install xvfb; ./test installs it as root)");
        try {
            return VirtualDisplay.start(WIDTH, HEIGHT);
        } catch (DisplayUnavailableException e) {
            skip("no X server could be started: " + e.getMessage());
            return null;
        }
    }

    private static void skip(String reason) {
        System.out.println("ScreenCaptureCameraOnXvfbTest skipped: " + reason);
        Assumptions.abort(reason);
    }

    private static List<String> probe(VirtualDisplay x, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=false", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ScreenCaptureCameraProbe.class.getName(), String.valueOf(PPI)));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("DISPLAY", x.name());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe hangs");
        System.out.print(out);
        assertEquals(0, p.exitValue(), () -> "the probe on " + x + " failed:\n" + out);
        return out.lines().toList();
    }
}
