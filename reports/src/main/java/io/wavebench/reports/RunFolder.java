package io.wavebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one {@code wavebench run} leaves in its report folder, read back as the run's final
 * result: {@code cucumber.json}, with the failed scenarios' second try from {@code rerun/} folded
 * in (DESIGN §3, FLAKY), and {@code run-context.json}, the rig and versions it ran on. The run and
 * {@code wavebench report merge} both read a folder through this, so a shard merged later shows
 * exactly what it showed alone.
 */
public final class RunFolder {

    public static final String CUCUMBER_JSON = "cucumber.json";
    /** The second try of the failed scenarios: a report folder of its own inside the run's. */
    public static final String RERUN = "rerun";
    public static final String CONTEXT = "run-context.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFolder() {}

    public static RunResult read(Path dir) throws IOException {
        Path json = dir.resolve(CUCUMBER_JSON);
        if (!Files.isRegularFile(json)) {
            throw new IOException(dir + " is not a wavebench run folder: it has no " + CUCUMBER_JSON);
        }
        RunResult run = RunResult.readCucumberJson(json);
        Path rerun = dir.resolve(RERUN).resolve(CUCUMBER_JSON);
        return Files.isRegularFile(rerun) ? run.withRerun(RunResult.readCucumberJson(rerun)) : run;
    }

    public static void writeContext(Path dir, RunContext context) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("rigName", context.rigName()).put("rigLocation", context.rigLocation()).put("rigFileText", context.rigFileText())
                .put("started", context.started().toString()).put("wallMillis", context.wall().toMillis());
        ObjectNode facts = root.putObject("facts");
        context.facts().forEach(facts::put);
        Files.writeString(dir.resolve(CONTEXT), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
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
