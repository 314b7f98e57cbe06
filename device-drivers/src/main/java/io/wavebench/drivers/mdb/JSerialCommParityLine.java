package io.wavebench.drivers.mdb;

import com.fazecast.jSerialComm.SerialPort;
import io.wavebench.drivers.serial.SerialLinkException;
import io.wavebench.drivers.serial.SerialSettings;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A real UART for {@link ParityMdbTransport}, through jSerialComm: 9600 baud, 8 data bits, one
 * stop bit, parity switched with {@code setParity} between runs of bytes. Opened by path, on
 * {@link #open()}. Reads are polled with a short sleep (0.2 ms): jSerialComm's own read timeouts
 * are in tenths of a second, far too coarse for MDB.
 */
public final class JSerialCommParityLine implements ParityLine {

    private static final int BAUD = 9600;
    /** One 11-bit character (start, 8 data, parity, stop) at 9600 baud, rounded up. */
    private static final long CHAR_NANOS = 1_150_000;

    private final String path;
    private SerialPort port;
    private SerialSettings.Parity current = SerialSettings.Parity.NONE;

    public JSerialCommParityLine(String path) {
        this.path = path;
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public void open() {
        SerialPort p = SerialPort.getCommPort(path);
        p.setComPortParameters(BAUD, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        if (!p.openPort()) throw new SerialLinkException(path, "cannot open for MDB (MARK/SPACE parity): errno " + p.getLastErrorCode(), null);
        port = p;
    }

    @Override
    public void parity(SerialSettings.Parity parity) {
        if (parity == current) return;
        int code = switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
            default -> throw new IllegalArgumentException(path + ": MDB uses MARK, SPACE or no parity, not " + parity);
        };
        if (!port.setParity(code)) throw new SerialLinkException(path, "setParity(" + parity + ") failed: errno " + port.getLastErrorCode(), null);
        current = parity;
    }

    @Override
    public void writeAndDrain(byte[] bytes) {
        int n = port.writeBytes(bytes, bytes.length);
        if (n != bytes.length) throw new SerialLinkException(path, "write failed after " + Math.max(0, n) + " of " + bytes.length + " bytes", null);
        // No reliable "transmitter empty" signal: wait until the driver's queue is empty, then one
        // character more for the shift register, bounded by the time the bytes need on the wire.
        long deadline = System.nanoTime() + (bytes.length + 2) * CHAR_NANOS;
        while (port.bytesAwaitingWrite() > 0 && System.nanoTime() < deadline) LockSupport.parkNanos(100_000);
        LockSupport.parkNanos(CHAR_NANOS);
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) throw new SerialLinkException(path, "device unplugged (read returned " + n + ")", null);
            if (n > 0 || System.nanoTime() >= deadline) return n;
            LockSupport.parkNanos(200_000);
        }
    }

    @Override
    public void close() {
        if (port != null) port.closePort();
    }
}
