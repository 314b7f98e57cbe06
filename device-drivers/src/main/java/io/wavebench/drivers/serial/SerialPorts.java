package io.wavebench.drivers.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;

/**
 * What serial ports this machine has, for {@code wavebench devices} and preflight checks: the
 * real ports jSerialComm enumerates plus the {@link VirtualSerialPair}s open in this JVM (ptys are
 * never enumerated by jSerialComm, DESIGN §7, so they are added here).
 */
public final class SerialPorts {

    /** One port a rig file can name. */
    public record Port(String path, String description, boolean virtual) {}

    private SerialPorts() {}

    /** Real ports first (as the OS orders them), then both ends of each open virtual pair. */
    public static List<Port> list() {
        List<Port> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            ports.add(new Port(p.getSystemPortPath(), p.getPortDescription(), false));
        }
        for (VirtualSerialPair pair : VirtualSerialPair.openPairs()) {
            ports.add(new Port(pair.pathA(), "virtual pair " + pair.label() + ", end A (peer " + pair.pathB() + ")", true));
            ports.add(new Port(pair.pathB(), "virtual pair " + pair.label() + ", end B (peer " + pair.pathA() + ")", true));
        }
        return List.copyOf(ports);
    }
}
