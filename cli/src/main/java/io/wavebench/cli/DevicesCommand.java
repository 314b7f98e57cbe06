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
            "Lists the serial ports and audio mixers a rig file can name on this machine.",
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
