package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acme's own assertion steps can fail: each scenario under {@code acme-lies/} is true up to its last
 * step, one of Acme's {@code Then}s claiming something false, which must FAIL there with an
 * assertion (not be undefined, ambiguous, skipped or time out on a missing rig) while every step
 * before it PASSES. The lies live outside {@code com/acme}, so the specification never runs them.
 */
class AcmeLiesTest {

    @Test
    void every_lie_passes_up_to_its_last_step_and_fails_there_on_an_assertion() throws IOException {
        Path dir = Path.of("target", "acme-lies").toAbsolutePath();
        Files.createDirectories(dir);
        Path json = dir.resolve("cucumber.json");
        Files.deleteIfExists(json);
        String before = System.getProperty("wavebench.report.dir");
        System.setProperty("wavebench.report.dir", dir.toString()); // the lies' evidence, apart from the specification's
        byte status;
        try {
            status = io.cucumber.core.cli.Main.run(new String[] {"--glue", "io.wavebench.features.steps", "--glue", "com.acme.steps",
                    "--plugin", "json:" + json, "--monochrome", "classpath:acme-lies"}, Thread.currentThread().getContextClassLoader());
        } finally {
            if (before == null) System.clearProperty("wavebench.report.dir");
            else System.setProperty("wavebench.report.dir", before);
        }
        assertEquals(1, status, "Cucumber's exit status: the lies must fail the run");

        List<String> wrong = new ArrayList<>();
        int scenarios = 0;
        for (JsonNode feature : new ObjectMapper().readTree(json.toFile())) {
            for (JsonNode element : feature.path("elements")) {
                String where = feature.path("uri").asText() + ":" + element.path("line").asInt() + " (" + element.path("name").asText() + ")";
                JsonNode steps = element.path("steps");
                boolean scenario = "scenario".equals(element.path("type").asText());
                if (scenario) scenarios++;
                for (int i = 0; i < steps.size(); i++) {
                    JsonNode step = steps.get(i);
                    String status1 = step.path("result").path("status").asText();
                    String text = step.path("keyword").asText() + step.path("name").asText();
                    boolean last = scenario && i == steps.size() - 1;
                    if (!last && !"passed".equals(status1)) {
                        wrong.add(where + ": '" + text + "' is " + status1 + ", not passed: " + firstLine(step));
                    } else if (last && !("failed".equals(status1) && firstLine(step).contains("AssertionFailedError"))) {
                        wrong.add(where + ": the lie '" + text + "' is " + status1 + ", not failed on an assertion: " + firstLine(step));
                    } else if (last && !step.path("match").path("location").asText().startsWith("com.acme.steps.")) {
                        wrong.add(where + ": the lie '" + text + "' is not one of Acme's steps: " + step.path("match").path("location").asText());
                    }
                }
            }
        }
        assertEquals(2, scenarios, "lies told (in " + json + ")");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static String firstLine(JsonNode step) {
        return step.path("result").path("error_message").asText("").lines().findFirst().orElse("");
    }
}
