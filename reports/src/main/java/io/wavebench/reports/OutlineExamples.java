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
 *
 * <p>It also names each scenario the way Cucumber's own JUnit XML formatter does, so a test case
 * in wavebench's {@code junit.xml} and in {@code cucumber-junit.xml} is the same test for a CI
 * system: an outline row is {@code <outline name> - <examples name> - #E.R: <row's name>} (E the
 * Examples block, R the row, both from 1; the examples name only when it has one; the row's name
 * only when the placeholders made it differ from the outline's), and a scenario inside a
 * {@code Rule} has the rule's name before it. Those names are unique where the rows' own names are not.
 */
public record OutlineExamples(Map<String, Outline> byUriAndLine, Map<String, String> ruleByUriAndLine) {

    public static final OutlineExamples NONE = new OutlineExamples(Map.of(), Map.of());

    /** The stream a run writes beside its Cucumber JSON. */
    public static final String NDJSON = "cucumber.ndjson";
    /** The dry run's stream: every outline's Examples before anything ran, so a stopped run still has them. */
    public static final String PLAN_NDJSON = "plan/cucumber.ndjson";

    /**
     * One outline: its written title and description, the Examples header, every row's values by
     * line, and where each row sits among the Examples blocks.
     */
    public record Outline(String title, String description, List<String> header, Map<Integer, List<String>> rows, Map<Integer, Position> positions,
            String rule) {

        public Outline(String title, String description, List<String> header, Map<Integer, List<String>> rows) {
            this(title, description, header, rows, Map.of(), "");
        }
    }

    /** A row's place: Examples block {@code examples} (from 1, with its name, often empty), row {@code row} in it (from 1). */
    public record Position(int examples, String examplesName, int row) {}

    public OutlineExamples(Map<String, Outline> byUriAndLine) {
        this(byUriAndLine, Map.of());
    }

    /**
     * The outlines of a report folder: from its own {@value #NDJSON}, and for any row that stream
     * lacks (a run stopped before Cucumber finished writing it; a stream left empty) from the dry
     * run's {@value #PLAN_NDJSON}.
     */
    public static OutlineExamples ofReport(Path reportDir) throws IOException {
        OutlineExamples own = read(reportDir.resolve(NDJSON));
        OutlineExamples plan = read(reportDir.resolve(PLAN_NDJSON));
        Map<String, Outline> outlines = new HashMap<>(plan.byUriAndLine);
        outlines.putAll(own.byUriAndLine);
        Map<String, String> rules = new HashMap<>(plan.ruleByUriAndLine);
        rules.putAll(own.ruleByUriAndLine);
        return new OutlineExamples(Map.copyOf(outlines), Map.copyOf(rules));
    }

    public static OutlineExamples read(Path ndjson) throws IOException {
        if (!Files.isRegularFile(ndjson)) return NONE;
        ObjectMapper json = new ObjectMapper();
        Map<String, Outline> outlines = new HashMap<>();
        Map<String, String> rules = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(ndjson)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.startsWith("{\"gherkinDocument\"")) continue; // the only envelope needed; skip the rest unparsed
                JsonNode doc;
                try {
                    doc = json.readTree(line).path("gherkinDocument");
                } catch (IOException e) {
                    continue; // the last line of a stream cut short by SIGTERM; the plan's stream has it whole
                }
                collect(doc.path("uri").asText(), doc.path("feature").path("children"), "", outlines, rules);
            }
        }
        return new OutlineExamples(Map.copyOf(outlines), Map.copyOf(rules));
    }

    private static void collect(String uri, JsonNode children, String rule, Map<String, Outline> outlines, Map<String, String> rules) {
        for (JsonNode child : children) {
            if (child.has("rule")) collect(uri, child.path("rule").path("children"), child.path("rule").path("name").asText(""), outlines, rules);
            JsonNode scenario = child.path("scenario");
            if (scenario.isMissingNode()) continue;
            if (!rule.isEmpty()) rules.put(uri + "#" + scenario.path("location").path("line").asInt(), rule);
            if (scenario.path("examples").isEmpty()) continue;
            List<String> header = new ArrayList<>();
            Map<Integer, List<String>> rows = new HashMap<>();
            Map<Integer, Position> positions = new HashMap<>();
            int block = 0;
            for (JsonNode examples : scenario.path("examples")) {
                block++;
                if (header.isEmpty()) examples.path("tableHeader").path("cells").forEach(c -> header.add(c.path("value").asText()));
                int r = 0;
                for (JsonNode row : examples.path("tableBody")) {
                    r++;
                    List<String> cells = new ArrayList<>();
                    row.path("cells").forEach(c -> cells.add(c.path("value").asText()));
                    int line = row.path("location").path("line").asInt();
                    rows.put(line, List.copyOf(cells));
                    positions.put(line, new Position(block, examples.path("name").asText(""), r));
                }
            }
            Outline outline = new Outline(scenario.path("name").asText(), Prose.dedent(scenario.path("description").asText("")), List.copyOf(header),
                    Map.copyOf(rows), Map.copyOf(positions), rule);
            for (Integer line : rows.keySet()) outlines.put(uri + "#" + line, outline);
        }
    }

    /** The outline a scenario row came from, or null when unknown. */
    public Outline outlineOf(ScenarioResult s) {
        return byUriAndLine.get(s.featureUri() + "#" + s.line());
    }

    /**
     * The scenario's name as Cucumber's JUnit XML formatter gives it (see the class comment). An
     * outline row whose outline the streams do not describe is told apart by its line instead.
     */
    public String testName(ScenarioResult s) {
        Outline outline = outlineOf(s);
        if (outline == null) {
            String rule = ruleByUriAndLine.getOrDefault(s.featureUri() + "#" + s.line(), "");
            String name = rule.isEmpty() ? s.name() : rule + " - " + s.name();
            return s.isOutlineRow() ? name + " - line " + s.line() : name;
        }
        Position at = outline.positions().get(s.line());
        List<String> parts = new ArrayList<>();
        parts.add(outline.rule());
        parts.add(outline.title());
        parts.add(at == null ? "" : at.examplesName());
        String number = at == null ? "line " + s.line() : "#" + at.examples() + "." + at.row();
        parts.add(outline.title().equals(s.name()) ? number : number + ": " + s.name());
        return String.join(" - ", parts.stream().filter(p -> !p.isEmpty()).toList());
    }

    /**
     * The scenario's key in the history ({@link RunRecord}): the feature file and the scenario's
     * name; for an outline row, the outline's name as written and the row's cells. Cells, not the
     * {@code #E.R} index nor the line: adding, moving or reordering examples leaves every other
     * row's history where it was, and a row whose values change is a different example.
     */
    public String historyKey(ScenarioResult s) {
        String file = s.featureUri().substring(s.featureUri().lastIndexOf('/') + 1);
        Outline outline = outlineOf(s);
        if (outline == null) return file + " › " + (s.isOutlineRow() ? s.name() + " › line " + s.line() : s.name());
        return file + " › " + outline.title() + " › | " + String.join(" | ", outline.rows().get(s.line())) + " |";
    }
}
