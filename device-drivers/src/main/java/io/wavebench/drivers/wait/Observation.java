package io.wavebench.drivers.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a wait saw when it was asked "did it happen within this time?" rather than told to fail
 * ({@link ConditionWait#observe}): the device, the state waited for, how long it was given, what
 * was found if it happened, and the last thing seen either way. The one non-throwing answer of a
 * wait, for callers to whom "it did not happen" is a result, such as a "nothing happened" check
 * that must wait the device's full answer time (DESIGN §3).
 *
 * @param device   the device waited on: its name or port
 * @param state    what it was to reach or show, as a failure names it
 * @param within   how long it was given
 * @param value    what was found when it happened, else null
 * @param lastSeen what the device showed last when the wait ended
 * @param gaveUp   whether the wait stopped before its deadline because the device showed it never would
 * @param <V>      what a wait that happened found
 */
public record Observation<V>(String device, String state, Duration within, V value, String lastSeen, boolean gaveUp) {

    public Observation {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** Whether the state was reached (or the thing was seen) within the time. */
    public boolean happened() {
        return value != null;
    }

    /** What was found, or empty when it did not happen. */
    public Optional<V> found() {
        return Optional.ofNullable(value);
    }

    /**
     * What was found.
     *
     * @throws DeviceNotReadyException when it did not happen, naming the device, the state, the time and the last thing seen
     */
    public V orElseThrow() {
        if (value != null) return value;
        throw gaveUp ? DeviceNotReadyException.givenUp(device, state, within, lastSeen) : new DeviceNotReadyException(device, state, within, lastSeen);
    }

    /** This observation with what was found turned into something else (e.g. the event a search found). */
    public <W> Observation<W> map(Function<? super V, ? extends W> f) {
        return new Observation<>(device, state, within, value == null ? null : f.apply(value), lastSeen, gaveUp);
    }

    @Override
    public String toString() {
        return device + ": " + (happened() ? "reached " + state : (gaveUp ? "cannot reach " : "did not reach ") + state + " within " + within.toMillis() + " ms")
                + "; last seen: " + lastSeen;
    }
}
