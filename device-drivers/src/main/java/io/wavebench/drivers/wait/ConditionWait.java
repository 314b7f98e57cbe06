package io.wavebench.drivers.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link WaitStrategy} that looks at the device every poll interval until a condition holds or
 * the deadline passes. Immutable: each {@code with…} returns a new strategy.
 *
 * <p>Between looks it parks the thread, or, {@linkplain #pausingOn(Object) pausing on a monitor},
 * waits on it, so a device that notifies the monitor on each change is seen at once; then
 * {@link #waitUntilReady} must be called holding that monitor.
 *
 * @param <T> the device waited on
 */
public final class ConditionWait<T> implements WaitStrategy<T> {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(20);

    private final String state;
    private final Predicate<? super T> reached;
    private final Function<? super T, String> lastSeen;
    private final Function<? super T, String> name;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Object monitor;
    private final Predicate<? super T> hopeless;

    ConditionWait(String state, Predicate<? super T> reached, Function<? super T, String> lastSeen, Function<? super T, String> name,
            Duration timeout, Duration pollInterval, Object monitor) {
        this(state, reached, lastSeen, name, timeout, pollInterval, monitor, t -> false);
    }

    private ConditionWait(String state, Predicate<? super T> reached, Function<? super T, String> lastSeen, Function<? super T, String> name,
            Duration timeout, Duration pollInterval, Object monitor, Predicate<? super T> hopeless) {
        this.state = Objects.requireNonNull(state, "state");
        this.reached = Objects.requireNonNull(reached, "reached");
        this.lastSeen = Objects.requireNonNull(lastSeen, "lastSeen");
        this.name = Objects.requireNonNull(name, "name");
        if (timeout.isNegative()) throw new IllegalArgumentException("a negative deadline for '" + state + "': " + timeout);
        if (pollInterval.isNegative() || pollInterval.isZero()) throw new IllegalArgumentException("poll interval for '" + state + "' must be positive: " + pollInterval);
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.monitor = monitor;
        this.hopeless = Objects.requireNonNull(hopeless, "hopeless");
    }

    @Override
    public ConditionWait<T> withStartupTimeout(Duration timeout) {
        return new ConditionWait<>(state, reached, lastSeen, name, timeout, pollInterval, monitor, hopeless);
    }

    /** This strategy looking every {@code interval} (20 ms unless told). */
    public ConditionWait<T> withPollInterval(Duration interval) {
        return new ConditionWait<>(state, reached, lastSeen, name, timeout, interval, monitor, hopeless);
    }

    /** This strategy naming the device in its failure by {@code name} rather than by its {@code toString()}. */
    public ConditionWait<T> named(Function<? super T, String> name) {
        return new ConditionWait<>(state, reached, lastSeen, name, timeout, pollInterval, monitor, hopeless);
    }

    /**
     * This strategy waiting on {@code monitor} between looks, woken early by its {@code notifyAll}:
     * for a device that changes state under that monitor. The caller holds the monitor.
     */
    public ConditionWait<T> pausingOn(Object monitor) {
        return new ConditionWait<>(state, reached, lastSeen, name, timeout, pollInterval, Objects.requireNonNull(monitor, "monitor"), hopeless);
    }

    /**
     * This strategy giving up at once when {@code hopeless} holds before the state is reached (a
     * process that has exited will never print its ready line), rather than at the deadline.
     */
    public ConditionWait<T> failingWhen(Predicate<? super T> hopeless) {
        return new ConditionWait<>(state, reached, lastSeen, name, timeout, pollInterval, monitor, Objects.requireNonNull(hopeless, "hopeless"));
    }

    /** The state this strategy waits for, as its failure names it. */
    public String state() {
        return state;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public void waitUntilReady(T device) {
        observe(device).orElseThrow();
    }

    /**
     * Waits as {@link #waitUntilReady} does, but answers rather than fails: for a caller to whom
     * "not within the deadline" is a result ("the machine showed nothing within its answer time"),
     * the {@link Observation} says whether the state was reached and what was seen last. A
     * {@linkplain #failingWhen hopeless} device ends the wait early, as not reached.
     *
     * @return the observation, carrying {@code device} when the state was reached
     * @throws DeviceNotReadyException when the waiting thread is interrupted (an answer it cannot give)
     */
    public Observation<T> observe(T device) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached.test(device)) {
            if (hopeless.test(device) && !reached.test(device)) return notReached(device, true);
            long left = deadline - System.nanoTime();
            if (left <= 0) return notReached(device, false);
            long pause = Math.min(left, pollInterval.toNanos());
            if (monitor == null) {
                LockSupport.parkNanos(this, pause);
                if (Thread.interrupted()) throw interrupted(device, new InterruptedException());
            } else {
                try {
                    monitor.wait(Math.max(1, pause / 1_000_000));
                } catch (InterruptedException e) {
                    throw interrupted(device, e);
                }
            }
        }
        return new Observation<>(name.apply(device), state, timeout, device, lastSeen.apply(device), false);
    }

    private Observation<T> notReached(T device, boolean gaveUp) {
        return new Observation<>(name.apply(device), state, timeout, null, lastSeen.apply(device), gaveUp);
    }

    private DeviceNotReadyException interrupted(T device, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new DeviceNotReadyException(name.apply(device), state, timeout, lastSeen.apply(device), e);
    }

    @Override
    public String toString() {
        return "wait for " + state + " within " + timeout.toMillis() + " ms, looking every " + pollInterval.toMillis() + " ms";
    }
}
