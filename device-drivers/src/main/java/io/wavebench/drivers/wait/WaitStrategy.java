package io.wavebench.drivers.wait;

import java.time.Duration;

/**
 * How a caller learns that a device has reached a state (DESIGN §3: readiness and state are
 * objects): it returns once the device is there, or fails with one exception that names the
 * device, the state, the deadline and what was last seen. Made by {@link Wait}; immutable, so one
 * strategy may be handed to many devices.
 *
 * @param <T> the device waited on
 */
public interface WaitStrategy<T> {

    /**
     * Returns once {@code device} is in the state this strategy waits for.
     *
     * @throws DeviceNotReadyException when it is not by the deadline, or the waiting thread is interrupted
     */
    void waitUntilReady(T device);

    /** This strategy with another deadline, counted from the call to {@link #waitUntilReady}. */
    WaitStrategy<T> withStartupTimeout(Duration timeout);
}
