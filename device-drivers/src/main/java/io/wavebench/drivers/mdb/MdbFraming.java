package io.wavebench.drivers.mdb;

import io.wavebench.drivers.serial.JSerialCommLink;
import java.util.Arrays;
import java.util.Locale;

/**
 * How MDB's ninth (mode) bit crosses a serial port (DESIGN §5.3), and the one place a port path
 * becomes an {@link MdbTransport}: the CLI's simulators, the reader process and the rig all ask here.
 */
public enum MdbFraming {
    /** Two bytes per bus word: ptys, bridges that speak wavebench's framing. */
    PTY,
    /** MARK/SPACE parity on a plain USB-serial adapter behind an MDB level interface. */
    UART;

    /** The transport on {@code port}, not yet open; {@code role} says which end of the bus we are (UART framing needs it). */
    public MdbTransport on(String port, ParityMdbTransport.Role role) {
        return switch (this) {
            case PTY -> new PtyMdbTransport(new JSerialCommLink(port));
            case UART -> new ParityMdbTransport(new JSerialCommParityLine(port), role);
        };
    }

    /** "pty" or "uart", any case; anything else is refused naming the choices. */
    public static MdbFraming parse(String name) {
        for (MdbFraming f : values()) if (f.name().equalsIgnoreCase(name == null ? "" : name.trim())) return f;
        throw new IllegalArgumentException("MDB framing must be one of " + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList()
                + ", got '" + name + "'");
    }
}
