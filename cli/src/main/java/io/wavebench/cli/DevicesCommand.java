package io.wavebench.cli;

import io.wavebench.drivers.audio.AudioDevices;
import io.wavebench.drivers.serial.SerialPorts;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wavebench devices}: what a rig file on this machine can name. */
@Command(
        name = "devices",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the serial ports and audio mixers this machine has, virtual ones included,",
            "by the names a rig file uses for them (port paths, mixer names).",
            "ptys are not enumerable: a pty made by another program is opened by its path all the same."
        })
final class DevicesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        List<SerialPorts.Port> ports = SerialPorts.list();
        System.out.println("Serial ports (" + ports.size() + "):");
        if (ports.isEmpty()) System.out.println("  (none)");
        for (SerialPorts.Port p : ports) {
            System.out.printf("  %-28s %s%s%n", p.path(), p.description(), p.virtual() ? "  [virtual]" : "");
        }
        List<AudioDevices.AudioDevice> mixers = AudioDevices.list();
        System.out.println("Audio mixers (" + mixers.size() + "):");
        if (mixers.isEmpty()) System.out.println("  (none)");
        for (AudioDevices.AudioDevice m : mixers) {
            String can = (m.canPlay() ? "play" : "") + (m.canPlay() && m.canCapture() ? "+" : "") + (m.canCapture() ? "capture" : "");
            System.out.printf("  %-28s %-13s %s — %s%n", m.name(), "[" + can + "]", m.vendor(), m.description());
        }
        return 0;
    }
}
