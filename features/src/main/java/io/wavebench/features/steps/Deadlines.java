package io.wavebench.features.steps;

import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.awaitility.core.ThrowingRunnable;
import org.opentest4j.AssertionFailedError;

/**
 * Awaitility's wait, failing as an assertion: a {@code Then} whose condition never held failed
 * its assertion (the message names the alias, the deadline and the last failed assertion), which
 * is what a scenario's report and the lies' harness must see, not a timeout error.
 */
final class Deadlines {

    private Deadlines() {}

    static void holds(ConditionFactory wait, ThrowingRunnable assertion) {
        try {
            wait.untilAsserted(assertion);
        } catch (ConditionTimeoutException e) {
            throw new AssertionFailedError(e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * A "nothing happened" {@code Then}: {@code assertion} holds at every look for all of
     * {@code holdFor} (DESIGN §3: "nothing happened" holds only after the device's full answer
     * time), and fails at once, as an assertion naming what it saw, the first time it does not,
     * rather than at the end of the time.
     */
    static void holdsThroughout(ConditionFactory wait, Duration holdFor, ThrowingRunnable assertion) {
        try {
            // Awaitility's during() alone would wait out a failure hoping it passes again; failFast ends it at the first.
            wait.during(holdFor).atMost(holdFor.plus(HOLD_SLACK)).failFast(assertion).untilAsserted(assertion);
        } catch (TerminalFailureException e) {
            Throwable seen = e.getCause() != null ? e.getCause() : e;
            throw new AssertionFailedError(e.getMessage() + ": " + seen.getMessage(), seen);
        } catch (ConditionTimeoutException e) {
            throw new AssertionFailedError(e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
    }

    /** How far past the time a condition must hold the wait may end: looks at the condition take time on a loaded host. */
    private static final Duration HOLD_SLACK = Duration.ofSeconds(5);
}
