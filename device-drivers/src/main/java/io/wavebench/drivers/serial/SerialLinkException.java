package io.wavebench.drivers.serial;

import java.util.HexFormat;

/** A serial line failed. The message names the port, the state and the last bytes seen. */
public class SerialLinkException extends RuntimeException {

    private final String port;

    public SerialLinkException(String port, String what, byte[] lastBytesSeen) {
        this(port, what, lastBytesSeen, null);
    }

    public SerialLinkException(String port, String what, byte[] lastBytesSeen, Throwable cause) {
        super(port + ": " + what + lastBytes(lastBytesSeen), cause);
        this.port = port;
    }

    public String port() {
        return port;
    }

    private static String lastBytes(byte[] bytes) {
        if (bytes == null) return "";
        return bytes.length == 0
                ? " (no bytes seen)"
                : " (last bytes seen: " + HexFormat.ofDelimiter(" ").formatHex(bytes) + ")";
    }
}
