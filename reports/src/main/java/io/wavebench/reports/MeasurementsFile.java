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
 * {@code {"name","value","unit","limit":{"bound":"AT_MOST"|"AT_LEAST","value"},"sideBySide"}}
 * ({@code sideBySide}: how many scenarios ran at once while it was taken; absent means alone). The run's hooks
 * write it with {@link #append}; the report reads it after the run. Plain JSON, so a step written
 * in any language, or a bench script, can write it too.
 */
public final class MeasurementsFile {

    public static final String NAME = "measurements.json";
    /** The media type of the same array attached to the Cucumber report. */
    public static final String MEDIA_TYPE = "application/vnd.wavebench.measurements+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MeasurementsFile() {}

    /** Adds a measurement to the scenario's file, creating folder and file as needed. */
    public static synchronized void append(Path evidenceDir, Measurement m) throws IOException {
        List<Measurement> all = new ArrayList<>(read(evidenceDir));
        all.add(m);
        Files.createDirectories(evidenceDir);
        Files.writeString(evidenceDir.resolve(NAME), toJson(all));
    }

    public static String toJson(List<Measurement> measurements) {
        ArrayNode array = JSON.createArrayNode();
        for (Measurement m : measurements) array.add(toNode(m));
        return array.toPrettyString() + "\n";
    }

    static ObjectNode toNode(Measurement m) {
        ObjectNode node = JSON.createObjectNode().put("name", m.name()).put("value", m.value()).put("unit", m.unit());
        if (m.limit() != null) node.putObject("limit").put("bound", m.limit().bound().name()).put("value", m.limit().value());
        if (m.sideBySide() > 1) node.put("sideBySide", m.sideBySide());
        node.put("verdict", m.verdict().name()); // for readers of the file; recomputed on reading
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
            measurements.add(new Measurement(node.path("name").asText(), node.path("value").asDouble(Double.NaN), node.path("unit").asText(""), parsed,
                    Math.max(1, node.path("sideBySide").asInt(1))));
        }
        return List.copyOf(measurements);
    }
}
