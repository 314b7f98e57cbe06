package io.wavebench.features.steps;

import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
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
}
