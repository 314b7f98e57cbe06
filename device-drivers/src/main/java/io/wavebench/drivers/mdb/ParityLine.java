package io.wavebench.drivers.mdb;

import io.wavebench.drivers.serial.SerialSettings;
import java.time.Duration;

/**
 * The hardware seam of {@link ParityMdbTransport}: a UART whose parity can be switched between
 * writes. {@link JSerialCommParityLine} is the real one; tests use a fake that records what parity
 * each byte went out with.
 */
public interface ParityLine extends AutoCloseable {

    String name();

    void open();

    /** Sets the line's parity for what is written next (and for what is received meanwhile). */
    void parity(SerialSettings.Parity parity);

    /** Writes the bytes and returns once the last one has left the UART, so the parity may change. */
    void writeAndDrain(byte[] bytes);

    /** Like {@link io.wavebench.drivers.serial.SerialLink#read}: bytes that arrived, waiting up to {@code timeout} for the first. */
    int read(byte[] buffer, Duration timeout);

    @Override
    void close();
}
