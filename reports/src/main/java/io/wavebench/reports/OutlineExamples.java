package io.wavebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario Outlines as written (title with its {@code <placeholders>}, Examples tables), read from
 * the Cucumber message stream ({@code cucumber.ndjson}, the {@code message:} plugin), because the
 * Cucumber JSON only has the expanded rows. Rows are matched to the JSON's scenarios by feature URI
 * and line: the JSON gives an outline row the line of its Examples row. Without the stream the
 * report still groups the rows, by the JSON's outline id.
 */
public record OutlineExamples(Map<String, Outline> byUriAndLine) {

    public static final OutlineExamples NONE = new OutlineExamples(Map.of());

    /** One outline: its written title and description, the Examples header, and every row's values by line. */
    public record Outline(String title, String description, List<String> header, Map<Integer, List<String>> rows) {}

    public static OutlineExamples read(Path ndjson) throws IOException {
        if (!Files.isRegularFile(ndjson)) return NONE;
        ObjectMapper json = new ObjectMapper();
        Map<String, Outline> outlines = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(ndjson)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.startsWith("{\"gherkinDocument\"")) continue; // the only envelope needed; skip the rest unparsed
                JsonNode doc = json.readTree(line).path("gherkinDocument");
                collect(doc.path("uri").asText(), doc.path("feature").path("children"), outlines);
            }
        }
        return new OutlineExamples(Map.copyOf(outlines));
    }

    private static void collect(String uri, JsonNode children, Map<String, Outline> outlines) {
        for (JsonNode child : children) {
            if (child.has("rule")) collect(uri, child.path("rule").path("children"), outlines);
            JsonNode scenario = child.path("scenario");
            if (scenario.path("examples").isEmpty()) continue;
            List<String> header = new ArrayList<>();
            Map<Integer, List<String>> rows = new HashMap<>();
            for (JsonNode examples : scenario.path("examples")) {
                if (header.isEmpty()) examples.path("tableHeader").path("cells").forEach(c -> header.add(c.path("value").asText()));
                for (JsonNode row : examples.path("tableBody")) {
                    List<String> cells = new ArrayList<>();
                    row.path("cells").forEach(c -> cells.add(c.path("value").asText()));
                    rows.put(row.path("location").path("line").asInt(), List.copyOf(cells));
                }
            }
            Outline outline = new Outline(scenario.path("name").asText(), Prose.dedent(scenario.path("description").asText("")), List.copyOf(header), Map.copyOf(rows));
            for (Integer line : rows.keySet()) outlines.put(uri + "#" + line, outline);
        }
    }

    /** The outline a scenario row came from, or null when unknown. */
    public Outline outlineOf(ScenarioResult s) {
        return byUriAndLine.get(s.featureUri() + "#" + s.line());
    }
}
