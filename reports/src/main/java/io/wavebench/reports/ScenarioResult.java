package io.wavebench.reports;

import java.time.Duration;
import java.util.List;

/**
 * One scenario as the run recorded it, with what the living-spec report shows of it: its prose
 * description, its steps (background steps first), and, for a row of a Scenario Outline, the id of
 * the outline it came from so the report can show the rows together as one examples table.
 */
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
        String error,
        String keyword,
        String description,
        String outlineId) {

    /** The shape the first report used; keyword "Scenario", no description, not an outline row. */
    public ScenarioResult(String feature, String featureUri, int line, String name, List<String> tags, Outcome outcome,
            Duration duration, List<Step> steps, List<String> attachments, String error) {
        this(feature, featureUri, line, name, tags, outcome, duration, steps, attachments, error, "Scenario", "", null);
    }

    /** Where this scenario's evidence lives under the report folder ({@link EvidenceNames}). */
    public String slug() {
        return EvidenceNames.slug(featureUri, line, name);
    }

    /** This scenario with another outcome and error (a rerun's verdict, DESIGN §3). */
    public ScenarioResult withOutcome(Outcome newOutcome, String newError) {
        return new ScenarioResult(feature, featureUri, line, name, tags, newOutcome, duration, steps, attachments, newError, keyword, description, outlineId);
    }

    public boolean isOutlineRow() {
        return outlineId != null;
    }

    /** A step as run: Gherkin keyword and text, Cucumber status, time, and its argument if any. */
    public record Step(String keyword, String text, String status, Duration duration, Part part, List<List<String>> table,
            String docString, String error) {

        public Step(String keyword, String text, String status, Duration duration) {
            this(keyword, text, status, duration, Part.STEP, List.of(), null, null);
        }

        /** Where a step came from: the feature's Background, the scenario itself, or a hook. */
        public enum Part { BACKGROUND, STEP, HOOK }
    }
}
