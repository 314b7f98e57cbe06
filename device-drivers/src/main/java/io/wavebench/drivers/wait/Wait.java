package io.wavebench.drivers.wait;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way to wait for a device (DESIGN §3: never sleep; wait with a deadline and a name, and
 * say what was last seen). Each factory gives a {@link ConditionWait} with a 10 s deadline and a
 * 20 ms poll interval, to be narrowed with its {@code with…} methods:
 *
 * <pre>{@code
 * Wait.forState("ENABLED", (Cashless c) -> c.state() == ENABLED, c -> "it is " + c.state())
 *     .withStartupTimeout(Duration.ofSeconds(5))
 *     .waitUntilReady(cashless);
 * }</pre>
 *
 * <p>It lives with the drivers, which are plain libraries run on benches and in the reader's own
 * process, so it uses no test library: Awaitility stays in tests and steps, where its
 * {@code ConditionTimeoutException} is the vocabulary; devices fail with {@link DeviceNotReadyException}.
 */
public final class Wait {

    private Wait() {}

    /**
     * Waits until {@code reached} holds for the device; on failure {@code lastSeen} says what the
     * device showed last (its state, the last bytes or events).
     *
     * @param state what the device is to reach, in words a failure can print ("READY: the reader enabled")
     */
    public static <T> ConditionWait<T> forState(String state, Predicate<? super T> reached, Function<? super T, String> lastSeen) {
        return new ConditionWait<>(state, reached, lastSeen, String::valueOf, ConditionWait.DEFAULT_TIMEOUT, ConditionWait.DEFAULT_POLL_INTERVAL, null);
    }

    /**
     * Waits until {@code reached} holds, for a condition that is not a property of one object
     * (a port that binds, a backend that has seen a sync): the device is named by the string
     * given to {@link WaitStrategy#waitUntilReady}.
     */
    public static ConditionWait<String> until(String state, BooleanSupplier reached, Supplier<String> lastSeen) {
        return new ConditionWait<>(state, name -> reached.getAsBoolean(), name -> lastSeen.get(), name -> name,
                ConditionWait.DEFAULT_TIMEOUT, ConditionWait.DEFAULT_POLL_INTERVAL, null);
    }
}
