package io.wavebench.cli;

import io.wavebench.drivers.audio.AudioDevices;
import io.wavebench.drivers.serial.SerialPorts;
import java.awt.DisplayMode;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wavebench devices}: what a rig file on this machine can name. */
@Command(
        name = "devices",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the serial ports, audio mixers and screens a rig file can name on this machine.",
            "Names are as rig files use them: port paths and javax.sound mixer names, virtual ones included.",
            "Virtual serial cables exist while a rig that makes them runs (links.virtualSerial); ptys made",
            "by other programs are not enumerable but open by path all the same."
        })
final class DevicesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        List<SerialPorts.Port> ports = SerialPorts.list();
        System.out.println("Serial ports (" + ports.size() + "):");
        if (ports.isEmpty()) System.out.println("  (none)");
        if (ports.stream().noneMatch(SerialPorts.Port::virtual)) {
            System.out.println("  (virtual MDB cables appear here while a rig runs; see links.virtualSerial in its rig file)");
        }
        for (SerialPorts.Port p : ports) {
            System.out.printf("  %-28s %s%s%n", p.path(), p.description(), p.virtual() ? "  [virtual]" : "");
        }
        byId();
        List<AudioDevices.AudioDevice> mixers = AudioDevices.list();
        System.out.println("Audio mixers (" + mixers.size() + "):");
        if (mixers.isEmpty()) System.out.println("  (none)");
        for (AudioDevices.AudioDevice m : mixers) {
            String can = (m.canPlay() ? "play" : "") + (m.canPlay() && m.canCapture() ? "+" : "") + (m.canCapture() ? "capture" : "");
            System.out.printf("  %-28s %-13s %s — %s%n", m.name(), "[" + can + "]", m.vendor(), m.description());
        }
        screens();
        return 0;
    }

    /** Screens a bench rig's window can go full-screen on ({@code codes.screen.display}: the id or the index). */
    private static void screens() {
        if (GraphicsEnvironment.isHeadless()) {
            System.out.println("Screens: (none: no DISPLAY, so this JVM is headless; on a bench run with DISPLAY set, e.g. DISPLAY=:0 ./wavebench devices)");
            return;
        }
        GraphicsDevice[] screens = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        System.out.println("Screens (" + screens.length + "), for codes.screen.display by id or index:");
        for (int i = 0; i < screens.length; i++) {
            DisplayMode mode = screens[i].getDisplayMode();
            System.out.printf("  %-28s %d×%d%s%n", i + "  \"" + screens[i].getIDstring() + "\"", mode.getWidth(), mode.getHeight(),
                    screens[i].isFullScreenSupported() ? "" : "  (no exclusive full-screen: the window covers it instead)");
        }
    }

    /**
     * Stable names of USB serial adapters: a rig file names ports by these (fixtures/rigs/
     * bench-example.yaml), since ttyUSB numbers follow the order adapters were found in.
     */
    private static void byId() {
        Path dir = Path.of("/dev/serial/by-id");
        if (!Files.isDirectory(dir)) {
            System.out.println("  (no /dev/serial/by-id: no USB serial adapter plugged in)");
            return;
        }
        try (var links = Files.list(dir)) {
            for (Path link : links.sorted().toList()) {
                System.out.printf("  %s → %s%n", link, link.toRealPath());
            }
        } catch (IOException e) {
            System.out.println("  (/dev/serial/by-id could not be listed: " + e.getMessage() + ")");
        }
    }
}
