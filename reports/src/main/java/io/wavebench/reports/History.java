package io.wavebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The history folder: one {@code run-<UTC time>.json} per run, so trends of pass rate and of each
 * measurement can be drawn across nightly runs (DESIGN §3); one folder per rig and tag selection
 * ({@link #forSelection}). Files are independent, so CI can
 * cache or merge the folder without a database, and a damaged file costs one run, not all.
 */
public final class History {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;

    public History(Path dir) {
        this.dir = dir;
    }

    /**
     * The history of one rig and one tag selection under {@code root}:
     * {@code root/<rig>/<tags or "all">}. Runs of another rig or another {@code --tags} answer a
     * different question (a {@code @card} run's pass rate says nothing of the acoustic scenarios),
     * so each selection trends against its own past.
     */
    public static History forSelection(Path root, String rigName, String tags) {
        return new History(root.resolve(slug(rigName, "unnamed-rig")).resolve(allTags(tags) ? "all" : slug(tags, "all")));
    }

    private static boolean allTags(String tags) {
        return tags == null || tags.isBlank() || tags.strip().equals("(all scenarios)");
    }

    /** A folder name: {@code @card and not @slow} → {@code card-and-not-slow}. */
    static String slug(String s, String ifEmpty) {
        if (s == null) return ifEmpty;
        String slug = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) slug = slug.substring(0, 80).replaceAll("-+$", "");
        return slug.isEmpty() ? ifEmpty : slug;
    }

    public Path dir() {
        return dir;
    }

    public Path append(RunRecord run) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("run-" + FILE_TIME.format(run.time()) + ".json");
        for (int n = 2; Files.exists(file); n++) file = dir.resolve("run-" + FILE_TIME.format(run.time()) + "-" + n + ".json");
        Files.writeString(file, toJson(run));
        return file;
    }

    /** Every readable run, oldest first; unreadable files are skipped (and named on stderr). */
    public List<RunRecord> load() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        List<RunRecord> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("run-.*\\.json")).sorted().toList()) {
                try {
                    runs.add(fromJson(JSON.readTree(file.toFile())));
                } catch (IOException | RuntimeException e) {
                    System.err.println("wavebench history: skipping " + file + ": " + e.getMessage());
                }
            }
        }
        runs.sort(Comparator.comparing(RunRecord::time));
        return List.copyOf(runs);
    }

    static String toJson(RunRecord run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("time", run.time().toString()).put("rig", run.rig()).put("wallSeconds", run.wallSeconds());
        if (run.commit() != null) root.put("commit", run.commit());
        if (run.wavebench() != null) root.put("wavebench", run.wavebench());
        if (run.reader() != null) root.put("reader", run.reader());
        if (run.tags() != null) root.put("tags", run.tags());
        if (run.stopped() != null) root.put("stopped", run.stopped());
        if (run.rigBroken()) root.put("rigBroken", true);
        ArrayNode scenarios = root.putArray("scenarios");
        for (RunRecord.Entry e : run.scenarios()) {
            ObjectNode node = scenarios.addObject().put("key", e.key()).put("feature", e.feature()).put("name", e.name())
                    .put("outcome", e.outcome().name()).put("durationMillis", e.durationMillis());
            if (!e.measurements().isEmpty()) {
                ArrayNode ms = node.putArray("measurements");
                e.measurements().forEach(m -> ms.add(MeasurementsFile.toNode(m)));
            }
        }
        return root.toString() + "\n";
    }

    static RunRecord fromJson(JsonNode root) {
        List<RunRecord.Entry> entries = new ArrayList<>();
        for (JsonNode node : root.path("scenarios")) {
            entries.add(new RunRecord.Entry(node.path("key").asText(), node.path("feature").asText(), node.path("name").asText(),
                    Outcome.valueOf(node.path("outcome").asText()), node.path("durationMillis").asLong(),
                    MeasurementsFile.fromNode(node.path("measurements"))));
        }
        return new RunRecord(Instant.parse(root.path("time").asText()), root.path("rig").asText(), root.path("wallSeconds").asDouble(), List.copyOf(entries),
                text(root, "commit"), text(root, "wavebench"), text(root, "reader"), text(root, "tags"), text(root, "stopped"), root.path("rigBroken").asBoolean(false));
    }

    /** A field older records lack: null. */
    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
