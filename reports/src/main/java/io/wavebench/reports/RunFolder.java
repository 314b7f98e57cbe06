package io.wavebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one {@code wavebench run} leaves in its report folder, read back as the run's final
 * result, and {@code run-context.json}, the rig and versions it ran on. The run (ended or
 * stopped) and {@code wavebench report merge} all read a folder through this, so a shard merged
 * later shows exactly what it showed alone.
 *
 * <p>A run folder holds the dry run's plan ({@code plan/cucumber.json}: every scenario's text;
 * {@code plan/scenarios.txt}: the {@code uri:line} of each scenario this run was to run) and one
 * file per finished scenario in {@code results/}, written as it finished; {@code rerun/results/}
 * holds the failed scenarios' second try (DESIGN §3, FLAKY). A planned scenario with no result
 * is NOT-RUN: the run was stopped before it finished. A folder without {@code plan/scenarios.txt}
 * (older runs, merged shards) is read from its {@code cucumber.json} instead.
 */
public final class RunFolder {

    public static final String CUCUMBER_JSON = "cucumber.json";
    /** The second try of the failed scenarios: a report folder of its own inside the run's. */
    public static final String RERUN = "rerun";
    public static final String CONTEXT = "run-context.json";
    /** The dry run's output: what the run was to do, before anything ran. */
    public static final String PLAN = "plan";
    /** In {@link #PLAN}: the scenarios this run was to run, one Cucumber {@code uri:line} a line. */
    public static final String PLANNED = "scenarios.txt";
    /** One JSON file per finished scenario, each written whole as the scenario ended. */
    public static final String RESULTS = "results";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFolder() {}

    public static RunResult read(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(PLAN).resolve(PLANNED))) return fromPlanAndResults(dir, notRunReason(dir));
        Path json = dir.resolve(CUCUMBER_JSON);
        if (!Files.isRegularFile(json)) {
            throw new IOException(dir + " is not a wavebench run folder: it has no " + CUCUMBER_JSON);
        }
        RunResult run = RunResult.readCucumberJson(json);
        Path rerun = dir.resolve(RERUN).resolve(CUCUMBER_JSON);
        return Files.isRegularFile(rerun) ? run.withRerun(RunResult.readCucumberJson(rerun)) : run;
    }

    /**
     * The run as the plan and the result files tell it: each planned scenario's text from the
     * plan, its statuses, times, errors and attachments from its result file, NOT-RUN without
     * one; the second try's results folded in as {@link RunResult#withRerun} does.
     */
    private static RunResult fromPlanAndResults(Path dir, String notRun) throws IOException {
        RunResult plan = RunResult.readCucumberJson(dir.resolve(PLAN).resolve(CUCUMBER_JSON));
        Set<String> planned = new HashSet<>(Files.readAllLines(dir.resolve(PLAN).resolve(PLANNED)).stream()
                .map(String::trim).filter(l -> !l.isEmpty()).toList());
        Map<String, JsonNode> first = results(dir.resolve(RESULTS));
        Map<String, JsonNode> second = results(dir.resolve(RERUN).resolve(RESULTS));
        List<ScenarioResult> scenarios = new ArrayList<>();
        List<ScenarioResult> reruns = new ArrayList<>();
        for (ScenarioResult p : plan.scenarios()) {
            String location = p.featureUri() + ":" + p.line();
            if (!planned.contains(location)) continue; // another shard's
            JsonNode result = first.get(location);
            scenarios.add(result == null ? p.withOutcome(Outcome.NOT_RUN, notRun) : fromResult(p, result));
            JsonNode again = second.get(location);
            if (again != null) reruns.add(fromResult(p, again));
        }
        Set<String> uris = new HashSet<>();
        scenarios.forEach(s -> uris.add(s.featureUri()));
        RunResult run = new RunResult(List.copyOf(scenarios), plan.features().stream().filter(f -> uris.contains(f.uri())).toList());
        return reruns.isEmpty() ? run : run.withRerun(new RunResult(List.copyOf(reruns)));
    }

    /** The result files of a folder by {@code uri:line}; none when the folder is missing (nothing finished). */
    private static Map<String, JsonNode> results(Path folder) throws IOException {
        Map<String, JsonNode> byLocation = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) return byLocation;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                byLocation.put(node.path("uri").asText() + ":" + node.path("line").asInt(), node);
            }
        }
        return byLocation;
    }

    /**
     * A planned scenario as its result file recorded it: the plan's steps (keyword, text, table,
     * doc string, Background or not) with the statuses the run gave them, in the order they ran;
     * a hook only when it did not pass, to show where the scenario stopped, as
     * {@link RunResult#readCucumberJson} does.
     */
    static ScenarioResult fromResult(ScenarioResult planned, JsonNode result) {
        List<ScenarioResult.Step> text = planned.steps().stream().filter(s -> s.part() != ScenarioResult.Step.Part.HOOK).toList();
        List<ScenarioResult.Step> steps = new ArrayList<>();
        String worst = "passed";
        String error = null;
        long nanos = 0;
        int next = 0;
        for (JsonNode step : result.path("steps")) {
            String status = step.path("status").asText("undefined");
            long duration = step.path("durationNanos").asLong(0);
            String stepError = step.hasNonNull("error") ? step.path("error").asText() : null;
            nanos += duration;
            if (RunResult.severity(status) > RunResult.severity(worst)) worst = status;
            if (error == null && stepError != null) error = stepError;
            if ("step".equals(step.path("type").asText())) {
                ScenarioResult.Step as = next < text.size() ? text.get(next) : new ScenarioResult.Step(step.path("keyword").asText().trim(),
                        step.path("text").asText(), status, Duration.ZERO);
                next++;
                steps.add(new ScenarioResult.Step(as.keyword(), as.text(), status, Duration.ofNanos(duration), as.part(), as.table(), as.docString(), stepError));
            } else if (!"passed".equals(status)) {
                String location = step.path("location").asText("hook").replaceFirst("\\(.*$", "");
                steps.add(new ScenarioResult.Step("Hook", location, status, Duration.ofNanos(duration), ScenarioResult.Step.Part.HOOK, List.of(), null, stepError));
            }
        }
        List<String> attachments = new ArrayList<>();
        result.path("attachments").forEach(a -> attachments.add(a.asText()));
        return new ScenarioResult(planned.feature(), planned.featureUri(), planned.line(), planned.name(), planned.tags(),
                Outcome.fromCucumber(worst, error), Duration.ofNanos(nanos), List.copyOf(steps), List.copyOf(attachments), error,
                planned.keyword(), planned.description(), planned.outlineId());
    }

    /** Why a planned scenario has no result: the "stopped" fact when the run wrote one. */
    private static String notRunReason(Path dir) {
        String stopped = null;
        if (Files.isRegularFile(dir.resolve(CONTEXT))) {
            try {
                stopped = readContext(dir).facts().get(RunContext.STOPPED);
            } catch (IOException | RuntimeException unreadable) {
                // the reason is only a courtesy; the outcome stands without it
            }
        }
        return stopped != null ? "Not run: the run was stopped (" + stopped + ") before this scenario finished."
                : "Not run: the run ended before this scenario finished (no result in " + RESULTS + "/).";
    }

    public static void writeContext(Path dir, RunContext context) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("rigName", context.rigName()).put("rigLocation", context.rigLocation()).put("rigFileText", context.rigFileText())
                .put("started", context.started().toString()).put("wallMillis", context.wall().toMillis());
        ObjectNode facts = root.putObject("facts");
        context.facts().forEach(facts::put);
        // written whole or not at all: a run stopped while writing it must not leave half a file
        Path temporary = dir.resolve("." + CONTEXT + ".tmp");
        Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        Files.move(temporary, dir.resolve(CONTEXT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static RunContext readContext(Path dir) throws IOException {
        Path file = dir.resolve(CONTEXT);
        if (!Files.isRegularFile(file)) throw new IOException(dir + " has no " + CONTEXT + " (was it written by wavebench run?)");
        JsonNode root = JSON.readTree(file.toFile());
        Map<String, String> facts = new LinkedHashMap<>();
        root.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
        return new RunContext(root.path("rigName").asText(), root.path("rigLocation").asText(),
                root.path("rigFileText").isNull() ? null : root.path("rigFileText").asText(null),
                Instant.parse(root.path("started").asText()), Duration.ofMillis(root.path("wallMillis").asLong()), facts);
    }
}
