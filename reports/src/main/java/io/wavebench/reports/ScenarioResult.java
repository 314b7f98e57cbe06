package io.wavebench.reports;

import java.time.Duration;
import java.util.List;

/** One scenario as the run recorded it. */
public record ScenarioResult(
        String feature,
        String featureUri,
        int line,
        String name,
        List<String> tags,
        Outcome outcome,
        Duration duration,
        List<Step> steps,
        List<String> attachments,
        String error) {

    public record Step(String keyword, String text, String status, Duration duration) {}
}
