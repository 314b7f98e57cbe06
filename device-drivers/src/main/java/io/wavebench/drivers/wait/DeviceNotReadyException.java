package io.wavebench.drivers.wait;

import java.time.Duration;

/**
 * A device did not reach a state by its deadline: the one failure of every {@link WaitStrategy}.
 * Its message names the device (its port or name), the state waited for, the deadline and the
 * last thing seen (a state, the last bytes, the last events), so that the device can be marked
 * BROKEN with a reason a person can act on (DESIGN §3).
 *
 * <p>An {@link IllegalStateException}: the device is not in the state the caller needs.
 */
public final class DeviceNotReadyException extends IllegalStateException {

    private final String device;
    private final String state;
    private final Duration timeout;
    private final String lastSeen;

    public DeviceNotReadyException(String device, String state, Duration timeout, String lastSeen) {
        this(device, state, timeout, lastSeen, (InterruptedException) null);
    }

    DeviceNotReadyException(String device, String state, Duration timeout, String lastSeen, InterruptedException interrupted) {
        this(device + ": " + (interrupted == null ? "did not reach " : "interrupted while waiting for ") + state + " within "
                + timeout.toMillis() + " ms; last seen: " + lastSeen, device, state, timeout, lastSeen, interrupted);
    }

    /** Given up before the deadline: the device showed it never will (e.g. its process exited). */
    static DeviceNotReadyException givenUp(String device, String state, Duration timeout, String lastSeen) {
        return new DeviceNotReadyException(device + ": cannot reach " + state + " (given " + timeout.toMillis() + " ms); last seen: " + lastSeen,
                device, state, timeout, lastSeen, null);
    }

    private DeviceNotReadyException(String message, String device, String state, Duration timeout, String lastSeen, InterruptedException interrupted) {
        super(message, interrupted);
        this.device = device;
        this.state = state;
        this.timeout = timeout;
        this.lastSeen = lastSeen;
    }

    /** The device waited on: its name or port. */
    public String device() {
        return device;
    }

    /** The state it was to reach. */
    public String state() {
        return state;
    }

    /** How long it was given. */
    public Duration timeout() {
        return timeout;
    }

    /** What it showed last, when the deadline passed. */
    public String lastSeen() {
        return lastSeen;
    }
}
