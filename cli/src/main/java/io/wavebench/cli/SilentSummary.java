package io.wavebench.cli;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.SummaryPrinter;
import io.cucumber.plugin.event.EventPublisher;

/**
 * Stands in for Cucumber's default summary during the dry run that plans a run: that summary
 * would say "16 scenarios (16 passed)" of scenarios that have not run.
 */
public final class SilentSummary implements SummaryPrinter, ConcurrentEventListener {
    @Override
    public void setEventPublisher(EventPublisher publisher) {
        // nothing to say about a plan
    }
}
