package io.wavebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole run's scenarios and features, read from the Cucumber JSON the run wrote. The features
 * keep their descriptions so the report can render them as documentation.
 */
public record RunResult(List<ScenarioResult> scenarios, List<FeatureResult> features) {

    private static final List<String> STATUS_SEVERITY = List.of("passed", "skipped", "failed", "pending", "undefined", "ambiguous");

    public RunResult(List<ScenarioResult> scenarios) {
        this(scenarios, List.of());
    }

    /** How bad a Cucumber step status is; a scenario takes its worst step's. */
    static int severity(String cucumberStatus) {
        return STATUS_SEVERITY.indexOf(cucumberStatus);
    }

    public static RunResult readCucumberJson(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<ScenarioResult> scenarios = new ArrayList<>();
        List<FeatureResult> features = new ArrayList<>();
        for (JsonNode feature : root) {
            String featureName = feature.path("name").asText();
            String featureUri = feature.path("uri").asText();
            List<String> backgroundSteps = new ArrayList<>();
            JsonNode background = null; // Cucumber writes the Background's run before each scenario's element
            for (JsonNode element : feature.path("elements")) {
                if ("background".equals(element.path("type").asText())) {
                    background = element;
                    if (backgroundSteps.isEmpty()) element.path("steps").forEach(s -> backgroundSteps.add(s.path("keyword").asText() + s.path("name").asText()));
                    continue;
                }
                if (!"scenario".equals(element.path("type").asText())) continue;
                scenarios.add(scenario(featureName, featureUri, background, element));
                background = null;
            }
            features.add(new FeatureResult(featureUri, featureName, Prose.dedent(feature.path("description").asText("")), tags(feature),
                    List.copyOf(backgroundSteps)));
        }
        return new RunResult(List.copyOf(scenarios), List.copyOf(features));
    }

    private static ScenarioResult scenario(String feature, String featureUri, JsonNode background, JsonNode element) {
        List<ScenarioResult.Step> steps = new ArrayList<>();
        List<String> attachments = new ArrayList<>();
        long nanos = 0;
        String worst = "passed";
        String error = null;
        List<JsonNode> all = new ArrayList<>();
        List<ScenarioResult.Step.Part> parts = new ArrayList<>();
        element.path("before").forEach(n -> { all.add(n); parts.add(ScenarioResult.Step.Part.HOOK); });
        if (background != null) background.path("steps").forEach(n -> { all.add(n); parts.add(ScenarioResult.Step.Part.BACKGROUND); });
        element.path("steps").forEach(n -> { all.add(n); parts.add(ScenarioResult.Step.Part.STEP); });
        element.path("after").forEach(n -> { all.add(n); parts.add(ScenarioResult.Step.Part.HOOK); });
        for (int i = 0; i < all.size(); i++) {
            JsonNode step = all.get(i);
            JsonNode result = step.path("result");
            String status = result.path("status").asText("undefined");
            long duration = result.path("duration").asLong(0);
            nanos += duration;
            if (STATUS_SEVERITY.indexOf(status) > STATUS_SEVERITY.indexOf(worst)) worst = status;
            String stepError = result.has("error_message") ? result.path("error_message").asText() : null;
            if (error == null && stepError != null) error = stepError;
            if (step.has("name")) {
                steps.add(new ScenarioResult.Step(step.path("keyword").asText().trim(), step.path("name").asText(), status,
                        Duration.ofNanos(duration), parts.get(i), table(step.path("rows")), docString(step), stepError));
            } else if (!"passed".equals(status)) {
                // A hook that failed or was skipped: shown as a step so the reader sees where the scenario stopped.
                steps.add(new ScenarioResult.Step("Hook", hookName(step), status, Duration.ofNanos(duration), ScenarioResult.Step.Part.HOOK,
                        List.of(), null, stepError));
            }
            for (JsonNode embedding : step.path("embeddings")) {
                attachments.add(embedding.path("name").asText(embedding.path("mime_type").asText()));
            }
        }
        String id = element.path("id").asText("");
        String outlineId = id.contains(";;") ? id.substring(0, id.indexOf(";;")) : null;
        return new ScenarioResult(feature, featureUri, element.path("line").asInt(), element.path("name").asText(), tags(element),
                Outcome.fromCucumber(worst, error), Duration.ofNanos(nanos), steps, attachments, error,
                element.path("keyword").asText("Scenario"), Prose.dedent(element.path("description").asText("")), outlineId);
    }

    private static List<String> tags(JsonNode node) {
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        return List.copyOf(tags);
    }

    private static List<List<String>> table(JsonNode rows) {
        List<List<String>> table = new ArrayList<>();
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>();
            row.path("cells").forEach(c -> cells.add(c.asText()));
            table.add(List.copyOf(cells));
        }
        return List.copyOf(table);
    }

    private static String docString(JsonNode step) {
        JsonNode doc = step.path("doc_string");
        return doc.isMissingNode() ? null : doc.path("value").asText();
    }

    private static String hookName(JsonNode hook) {
        String location = hook.path("match").path("location").asText("hook");
        return location.replaceFirst("\\(.*$", "");
    }

    /**
     * This run with its failed scenarios' reruns folded in (DESIGN §3): a FAIL whose rerun passed
     * is FLAKY, keeping the first attempt's steps and error (the failure is what needs looking
     * at); a FAIL whose rerun found the rig broken is INFRA-ERROR; a FAIL whose rerun failed too
     * stays as the first attempt recorded it. Scenarios are
     * matched by feature file and line.
     */
    public RunResult withRerun(RunResult rerun) {
        Map<String, ScenarioResult> again = new HashMap<>();
        rerun.scenarios().forEach(s -> again.put(s.featureUri() + ":" + s.line(), s));
        List<ScenarioResult> merged = new ArrayList<>();
        for (ScenarioResult s : scenarios) {
            ScenarioResult second = again.get(s.featureUri() + ":" + s.line());
            if (s.outcome() == Outcome.FAIL && second != null && second.outcome() == Outcome.PASS) {
                merged.add(s.withOutcome(Outcome.FLAKY, "Failed on the first try, passed when run again (" + FeaturePage.seconds(second.duration().toMillis()) + ").\n"
                        + "The first try's error:\n" + s.error()));
            } else if (s.outcome() == Outcome.FAIL && second != null && second.outcome() == Outcome.INFRA_ERROR) {
                // the rig broke under the first try (an adapter pulled mid-scenario): nothing is known about the reader
                merged.add(s.withOutcome(Outcome.INFRA_ERROR, "Failed, and on the rerun the rig was found broken:\n" + second.error()
                        + "\nThe first try's error:\n" + s.error()));
            } else {
                merged.add(s);
            }
        }
        return new RunResult(List.copyOf(merged), features);
    }

    /**
     * Several runs' scenarios as one run (shards of one suite, {@link ReportMerge}): scenarios in
     * the order of the feature files and their lines, features once each.
     */
    public static RunResult merge(List<RunResult> runs) {
        List<ScenarioResult> scenarios = new ArrayList<>();
        Map<String, FeatureResult> features = new TreeMap<>();
        for (RunResult run : runs) {
            scenarios.addAll(run.scenarios());
            run.features().forEach(f -> features.putIfAbsent(f.uri(), f));
        }
        scenarios.sort(Comparator.comparing(ScenarioResult::featureUri).thenComparingInt(ScenarioResult::line));
        return new RunResult(List.copyOf(scenarios), List.copyOf(features.values()));
    }

    /** The failed scenarios (FAIL only: a broken rig is not rerun, it is reported) as Cucumber {@code uri:line} arguments. */
    public List<String> failedLocations() {
        return scenarios.stream().filter(s -> s.outcome() == Outcome.FAIL).map(s -> s.featureUri() + ":" + s.line()).toList();
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) counts.put(o, 0);
        scenarios.forEach(s -> counts.merge(s.outcome(), 1, Integer::sum));
        return counts;
    }

    public boolean anyFailure() {
        return scenarios.stream().anyMatch(s -> s.outcome().isFailure());
    }

    /** "6 scenarios: 5 PASS, 1 FAIL" — the line a person reads first. */
    public String summaryLine() {
        StringBuilder line = new StringBuilder(scenarios.size() + (scenarios.size() == 1 ? " scenario:" : " scenarios:"));
        String sep = " ";
        for (Map.Entry<Outcome, Integer> e : counts().entrySet()) {
            if (e.getValue() == 0) continue;
            line.append(sep).append(e.getValue()).append(' ').append(e.getKey().label());
            sep = ", ";
        }
        return line.toString();
    }
}
