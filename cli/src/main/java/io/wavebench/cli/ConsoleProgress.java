package io.wavebench.cli;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestStepFinished;
import io.cucumber.plugin.event.PickleStepTestStep;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on the console while the suite runs: a line when a scenario starts, its outcome and
 * time when it ends, and the failing step's message so nobody has to open the report to see why.
 */
public final class ConsoleProgress implements ConcurrentEventListener {

    private final PrintStream out = System.out;
    private final AtomicInteger started = new AtomicInteger();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseStarted.class, e -> out.printf("[%d] %s ...%n", started.incrementAndGet(), e.getTestCase().getName()));
        publisher.registerHandlerFor(TestStepFinished.class, e -> {
            if (e.getResult().getStatus() == Status.FAILED && e.getTestStep() instanceof PickleStepTestStep step) {
                out.println("      failed at: " + step.getStep().getKeyword() + step.getStep().getText());
                Throwable error = e.getResult().getError();
                if (error != null) error.getMessage().lines().limit(8).forEach(l -> out.println("        " + l));
            }
        });
        publisher.registerHandlerFor(TestCaseFinished.class, e -> out.printf("    %-7s %s (%.1f s)%n",
                label(e.getResult().getStatus()), e.getTestCase().getName(), e.getResult().getDuration().toMillis() / 1000.0));
    }

    private static String label(Status status) {
        return switch (status) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            default -> "ABORTED";
        };
    }
}
