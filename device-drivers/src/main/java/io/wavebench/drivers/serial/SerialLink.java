package io.wavebench.drivers.serial;

import java.time.Duration;

/**
 * A byte pipe to one device over a serial line: the capability every serial backing offers
 * (DESIGN §3). Backings: {@link JSerialCommLink} (real ports and ptys, opened by path) and
 * {@link InMemorySerialLink} (for unit tests). Hardware opens in {@link #open(SerialSettings)}, never in a
 * constructor, so a rig can be assembled and checked before anything is touched.
 *
 * <p>Errors are {@link SerialLinkException}s that name the port, the state and the last bytes
 * seen.
 */
public interface SerialLink extends AutoCloseable {

    /** What this link is connected to, as a person would name it: a port path or a label. */
    String name();

    /** Opens the line with the given settings. Opening an open link is a state error. */
    void open(SerialSettings settings);

    boolean isOpen();

    /** Writes all of {@code bytes} or throws; never writes part silently. */
    void write(byte[] bytes);

    /**
     * Reads what has arrived, waiting up to {@code timeout} for the first byte.
     *
     * @return the number of bytes put into {@code buffer} from index 0; 0 when nothing arrived in
     *     time
     * @throws SerialLinkException when the link is closed or the device went away (unplugged)
     */
    int read(byte[] buffer, Duration timeout);

    /** Closes the line; closing a closed link does nothing. */
    @Override
    void close();
}
