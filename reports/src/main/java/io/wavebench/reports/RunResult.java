package io.wavebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A whole run's scenarios, read from the Cucumber JSON the run wrote. */
public record RunResult(List<ScenarioResult> scenarios) {

    private static final List<String> STATUS_SEVERITY = List.of("passed", "skipped", "pending", "undefined", "ambiguous", "failed");

    public static RunResult readCucumberJson(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<ScenarioResult> scenarios = new ArrayList<>();
        for (JsonNode feature : root) {
            String featureName = feature.path("name").asText();
            String featureUri = feature.path("uri").asText();
            for (JsonNode element : feature.path("elements")) {
                if (!"scenario".equals(element.path("type").asText())) continue;
                scenarios.add(scenario(featureName, featureUri, element));
            }
        }
        return new RunResult(List.copyOf(scenarios));
    }

    private static ScenarioResult scenario(String feature, String featureUri, JsonNode element) {
        List<ScenarioResult.Step> steps = new ArrayList<>();
        List<String> attachments = new ArrayList<>();
        long nanos = 0;
        String worst = "passed";
        String error = null;
        List<JsonNode> all = new ArrayList<>();
        element.path("before").forEach(all::add);
        element.path("steps").forEach(all::add);
        element.path("after").forEach(all::add);
        for (JsonNode step : all) {
            JsonNode result = step.path("result");
            String status = result.path("status").asText("undefined");
            long duration = result.path("duration").asLong(0);
            nanos += duration;
            if (STATUS_SEVERITY.indexOf(status) > STATUS_SEVERITY.indexOf(worst)) worst = status;
            if (error == null && result.has("error_message")) error = result.path("error_message").asText();
            if (step.has("name")) {
                steps.add(new ScenarioResult.Step(step.path("keyword").asText().trim(), step.path("name").asText(), status, Duration.ofNanos(duration)));
            }
            for (JsonNode embedding : step.path("embeddings")) {
                attachments.add(embedding.path("name").asText(embedding.path("mime_type").asText()));
            }
        }
        List<String> tags = new ArrayList<>();
        element.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        return new ScenarioResult(feature, featureUri, element.path("line").asInt(), element.path("name").asText(), tags, Outcome.fromCucumber(worst),
                Duration.ofNanos(nanos), steps, attachments, error);
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
