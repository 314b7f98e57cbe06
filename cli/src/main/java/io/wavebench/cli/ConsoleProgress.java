package io.wavebench.cli;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestStepFinished;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on the console while the suite runs: each scenario's outcome and time as it ends,
 * counted against the number planned, and the failing step's message so nobody has to open the
 * report to see why. Scenarios may end out of order when they run side by side.
 */
public final class ConsoleProgress implements ConcurrentEventListener {

    /** How many scenarios this run will finish (set by {@code wavebench run} from its plan; 0 when unknown). */
    static volatile int planned;
    /** Printed before each line: "" for the run, "rerun " for the failed scenarios' second try. */
    static volatile String prefix = "";

    private final PrintStream out = System.out;
    private final AtomicInteger finished = new AtomicInteger();
    private final long start = System.nanoTime();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestStepFinished.class, e -> {
            if (e.getResult().getStatus() == Status.FAILED && e.getTestStep() instanceof PickleStepTestStep step) {
                StringBuilder s = new StringBuilder("      ").append(e.getTestCase().getName()).append(" failed at: ")
                        .append(step.getStep().getKeyword()).append(step.getStep().getText()).append(System.lineSeparator());
                Throwable error = e.getResult().getError();
                if (error != null && error.getMessage() != null) {
                    error.getMessage().lines().limit(6).forEach(l -> s.append("        ").append(l).append(System.lineSeparator()));
                }
                out.print(s);
            }
        });
        publisher.registerHandlerFor(TestCaseFinished.class, e -> {
            int n = finished.incrementAndGet();
            int of = planned;
            out.printf("%s[%s] %-11s %s (%.1f s) · %.0f s%n", prefix, of > 0 ? n + "/" + of : Integer.toString(n), label(e.getResult()),
                    e.getTestCase().getName(), e.getResult().getDuration().toMillis() / 1000.0, (System.nanoTime() - start) / 1e9);
        });
    }

    /** The DESIGN §3 outcome as far as one try can tell (FLAKY needs the rerun). */
    static String label(Result result) {
        return switch (result.getStatus()) {
            case PASSED -> "PASS";
            case UNDEFINED, PENDING, AMBIGUOUS -> "SPEC-ERROR";
            case FAILED -> result.getError() != null && String.valueOf(result.getError().getMessage()).startsWith("INFRA-ERROR:") ? "INFRA-ERROR" : "FAIL";
            default -> "ABORTED";
        };
    }
}
