package io.wavebench.drivers.mdb;

import java.time.Duration;

/**
 * Carries 9-bit MDB bus words over a serial line (DESIGN §5.3). A word is an int: bits 0-7 the
 * data byte, bit 8 the mode bit. Backings: the pty framing (each bus word as two bytes, mode then
 * data) and, for real UARTs, MARK/SPACE parity. The MDB state machines never know which.
 */
public interface MdbTransport extends AutoCloseable {

    int MODE_BIT = 0x100;

    /** Where the words go, for error messages and traces: the port path. */
    String name();

    void open();

    void send(int... words);

    /**
     * Waits up to {@code timeout} for the next bus word.
     *
     * @return the word (0..0x1FF), or -1 when none arrived in time
     * @throws MdbFramingException when the line carries something that is not a bus word
     */
    int receive(Duration timeout);

    @Override
    void close();
}
