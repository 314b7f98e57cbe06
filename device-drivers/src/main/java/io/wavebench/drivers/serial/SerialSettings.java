package io.wavebench.drivers.serial;

/**
 * Line settings of a serial port. A pty ignores baud rate and cannot carry parity (Linux drops it
 * silently, DESIGN §5.3), which is why virtual MDB links frame the ninth bit in-band.
 */
public record SerialSettings(int baudRate, int dataBits, Parity parity, int stopBits) {

    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    /** 9600 8N1: MDB's bit rate with the mode bit carried in-band (pty framing). */
    public static final SerialSettings MDB_PTY = new SerialSettings(9600, 8, Parity.NONE, 1);

    public SerialSettings {
        if (baudRate <= 0) throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
        if (dataBits < 5 || dataBits > 8) throw new IllegalArgumentException("data bits must be 5..8: " + dataBits);
        if (stopBits < 1 || stopBits > 2) throw new IllegalArgumentException("stop bits must be 1 or 2: " + stopBits);
    }

    @Override
    public String toString() {
        return baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
