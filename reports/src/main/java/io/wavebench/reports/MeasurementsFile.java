package io.wavebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The convention by which a scenario records its measurements: {@code measurements.json} in the
 * scenario's evidence folder ({@link EvidenceNames}), a JSON array of
 * {@code {"name","value","unit","limit":{"bound":"AT_MOST"|"AT_LEAST","value"},"sideBySide","verdict"}}
 * ({@code sideBySide}: how many scenarios ran at once while it was taken, absent means alone;
 * {@code verdict}: PASS, MARGINAL, FAIL, NO_LIMIT or NOT_JUDGED as the writer judged the figure
 * when it took it, absent means not stated). The report shows the writer's verdict and judges
 * nothing itself: the figure gate that failed the scenario and the report cannot disagree. The run
 * writes it (wavebench's own glue through fixtures, or a step written in any language, or a bench
 * script); the report only reads it after the run. The JSON shape is the contract; no class is
 * shared with the writer. {@link #toJson} is for the report's own files (the history).
 */
public final class MeasurementsFile {

    public static final String NAME = "measurements.json";
    /** The media type of the same array attached to the Cucumber report. */
    public static final String MEDIA_TYPE = "application/vnd.wavebench.measurements+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MeasurementsFile() {}

    public static String toJson(List<Measurement> measurements) {
        ArrayNode array = JSON.createArrayNode();
        for (Measurement m : measurements) array.add(toNode(m));
        return array.toPrettyString() + "\n";
    }

    static ObjectNode toNode(Measurement m) {
        ObjectNode node = JSON.createObjectNode().put("name", m.name()).put("value", m.value()).put("unit", m.unit());
        if (m.limit() != null) node.putObject("limit").put("bound", m.limit().bound().name()).put("value", m.limit().value());
        if (m.sideBySide() > 1) node.put("sideBySide", m.sideBySide());
        if (m.verdict() != Measurement.Verdict.NOT_STATED) node.put("verdict", m.verdict().name());
        return node;
    }

    /** The scenario's measurements, or none when it recorded none. */
    public static List<Measurement> read(Path evidenceDir) throws IOException {
        Path file = evidenceDir.resolve(NAME);
        if (!Files.isRegularFile(file)) return List.of();
        try {
            return fromNode(JSON.readTree(file.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": not a measurements file (" + e.getMessage() + ")", e);
        }
    }

    static List<Measurement> fromNode(JsonNode array) {
        List<Measurement> measurements = new ArrayList<>();
        for (JsonNode node : array) {
            JsonNode limit = node.path("limit");
            Measurement.Limit parsed = limit.isObject()
                    ? new Measurement.Limit(Measurement.Limit.Bound.valueOf(limit.path("bound").asText()), limit.path("value").asDouble())
                    : null;
            JsonNode verdict = node.path("verdict");
            measurements.add(new Measurement(node.path("name").asText(), node.path("value").asDouble(Double.NaN), node.path("unit").asText(""), parsed,
                    Math.max(1, node.path("sideBySide").asInt(1)), verdict.isTextual() ? Measurement.Verdict.valueOf(verdict.asText()) : Measurement.Verdict.NOT_STATED));
        }
        return List.copyOf(measurements);
    }
}
