package io.wavebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code wavebench report merge}: the report folders of a suite's shards ({@code wavebench run
 * --shard I/N} on several machines) made into one report, as if one run had run them all. Each
 * shard's outcomes are taken as that shard decided them (reruns folded in, {@link RunFolder});
 * evidence is copied beside; the wall time is the longest shard's, the shards having run side by
 * side. Two shards that ran the same scenario are a mistake in the CI set-up and stop the merge.
 */
public final class ReportMerge {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportMerge() {}

    public static LivingSpecReport.Written merge(List<Path> shards, Path out, History history) throws IOException {
        if (shards.isEmpty()) throw new IllegalArgumentException("report merge: no shard folders given");
        Files.createDirectories(out);
        List<RunResult> runs = new ArrayList<>();
        List<RunContext> contexts = new ArrayList<>();
        Map<String, Path> ranIn = new HashMap<>();
        for (Path shard : shards) {
            if (shard.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("report merge: the output folder " + out + " is one of the shards");
            }
            RunResult run = RunFolder.read(shard);
            for (ScenarioResult s : run.scenarios()) {
                Path before = ranIn.putIfAbsent(s.featureUri() + ":" + s.line(), shard);
                if (before != null) {
                    throw new IllegalArgumentException("report merge: scenario '" + s.name() + "' (" + s.featureUri() + ":" + s.line() + ") ran in both "
                            + before + " and " + shard + "; shards must be disjoint (wavebench run --shard I/N with the same N)");
                }
            }
            runs.add(run);
            contexts.add(RunFolder.readContext(shard));
        }
        for (int i = 0; i < shards.size(); i++) {
            copyTree(shards.get(i).resolve("evidence"), out.resolve("evidence"));
            copyTree(shards.get(i).resolve(RunFolder.RERUN).resolve("evidence"), out.resolve(RunFolder.RERUN).resolve("evidence"));
            Path html = shards.get(i).resolve("cucumber.html");
            if (Files.isRegularFile(html)) {
                Path copy = out.resolve("shards").resolve(Integer.toString(i + 1)).resolve("cucumber.html");
                Files.createDirectories(copy.getParent());
                Files.copy(html, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        mergeCucumberJson(shards, RunFolder.CUCUMBER_JSON, out.resolve(RunFolder.CUCUMBER_JSON));
        // the second tries too, so the merged folder reads back with the shards' outcomes (FLAKY)
        String rerun = RunFolder.RERUN + "/" + RunFolder.CUCUMBER_JSON;
        if (shards.stream().anyMatch(s -> Files.isRegularFile(s.resolve(rerun)))) {
            Files.createDirectories(out.resolve(RunFolder.RERUN));
            mergeCucumberJson(shards.stream().filter(s -> Files.isRegularFile(s.resolve(rerun))).toList(), rerun, out.resolve(rerun));
        }
        mergeGherkinDocuments(shards, out.resolve("cucumber.ndjson"));
        // Each shard's rig recorded its own BROKEN devices; the merged run went through all of them.
        StringBuilder broken = new StringBuilder();
        for (Path shard : shards) {
            Path file = shard.resolve(BrokenDevice.FILE);
            if (Files.isRegularFile(file)) Files.readAllLines(file).stream().filter(l -> !l.isBlank()).forEach(l -> broken.append(l).append('\n'));
        }
        if (broken.length() > 0) Files.writeString(out.resolve(BrokenDevice.FILE), broken);
        Files.writeString(out.resolve("cucumber.html"), cucumberIndex(shards));
        RunResult merged = RunResult.merge(runs);
        RunContext context = context(shards, runs, contexts);
        RunFolder.writeContext(out, context);
        return LivingSpecReport.write(out, merged, context, history);
    }

    /** The shards' rig and versions; where they differ, each shard's own value, so a mixed fleet shows. */
    static RunContext context(List<Path> shards, List<RunResult> runs, List<RunContext> contexts) {
        RunContext first = contexts.get(0);
        Instant started = contexts.stream().map(RunContext::started).min(Instant::compareTo).orElseThrow();
        Duration wall = contexts.stream().map(RunContext::wall).max(Duration::compareTo).orElseThrow();
        Map<String, String> facts = new LinkedHashMap<>();
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < shards.size(); i++) {
            parts.append(i == 0 ? "" : "; ").append(shards.get(i).getFileName()).append(": ").append(runs.get(i).scenarios().size()).append(" scenarios in ")
                    .append(FeaturePage.seconds(contexts.get(i).wall().toMillis()));
            String shard = contexts.get(i).facts().get("shard");
            if (shard != null) parts.append(" (shard ").append(shard).append(')');
        }
        facts.put("merged from", shards.size() + " report folders — " + parts + "; wall time shown is the longest shard's");
        Set<String> keys = new LinkedHashSet<>();
        contexts.forEach(c -> keys.addAll(c.facts().keySet()));
        keys.remove("shard");
        for (String key : keys) {
            List<String> values = contexts.stream().map(c -> c.facts().getOrDefault(key, "(not recorded)")).toList();
            if (values.stream().distinct().count() == 1) {
                facts.put(key, values.get(0));
            } else {
                StringBuilder each = new StringBuilder();
                for (int i = 0; i < values.size(); i++) each.append(i == 0 ? "" : "; ").append(shards.get(i).getFileName()).append(": ").append(values.get(i));
                facts.put(key, each.toString());
            }
        }
        String rigs = String.join(" + ", contexts.stream().map(RunContext::rigName).distinct().toList());
        return new RunContext(rigs, first.rigLocation(), first.rigFileText(), started, wall, facts);
    }

    /** One Cucumber JSON for the whole suite: each feature once, its scenarios from every shard. */
    private static void mergeCucumberJson(List<Path> shards, String file, Path out) throws IOException {
        Map<String, ObjectNode> features = new LinkedHashMap<>();
        for (Path shard : shards) {
            for (JsonNode feature : JSON.readTree(shard.resolve(file).toFile())) {
                ObjectNode kept = features.get(feature.path("uri").asText());
                if (kept == null) {
                    features.put(feature.path("uri").asText(), (ObjectNode) feature.deepCopy());
                } else {
                    ArrayNode elements = kept.withArray("elements");
                    feature.path("elements").forEach(elements::add);
                }
            }
        }
        ArrayNode all = JSON.createArrayNode();
        for (ObjectNode feature : features.values()) {
            feature.set("elements", inLineOrder(feature.withArray("elements")));
            all.add(feature);
        }
        Files.writeString(out, all.toString());
    }

    /**
     * A feature's scenarios in file order. Cucumber writes a feature's Background again before
     * each scenario it ran for, so each scenario moves with the Background just before it.
     */
    private static ArrayNode inLineOrder(ArrayNode elements) {
        List<List<JsonNode>> units = new ArrayList<>();
        List<JsonNode> pending = new ArrayList<>();
        for (JsonNode element : elements) {
            pending.add(element);
            if (!"background".equals(element.path("type").asText())) {
                units.add(pending);
                pending = new ArrayList<>();
            }
        }
        units.sort(Comparator.comparingInt(u -> u.get(u.size() - 1).path("line").asInt()));
        ArrayNode sorted = JSON.createArrayNode();
        units.forEach(u -> u.forEach(sorted::add));
        pending.forEach(sorted::add);
        return sorted;
    }

    /**
     * The Gherkin documents of every shard's message stream: what the report needs for outline
     * tables and test names. A shard stopped before its stream was whole has them in its dry
     * run's plan ({@link OutlineExamples#PLAN_NDJSON}); a line cut short is skipped.
     */
    private static void mergeGherkinDocuments(List<Path> shards, Path out) throws IOException {
        Map<String, String> documents = new LinkedHashMap<>();
        for (Path shard : shards) {
            for (Path ndjson : List.of(shard.resolve(OutlineExamples.NDJSON), shard.resolve(OutlineExamples.PLAN_NDJSON))) {
                if (!Files.isRegularFile(ndjson)) continue;
                try (Stream<String> lines = Files.lines(ndjson)) {
                    lines.filter(l -> l.startsWith("{\"gherkinDocument\"")).forEach(l -> {
                        try {
                            documents.putIfAbsent(JSON.readTree(l).path("gherkinDocument").path("uri").asText(), l);
                        } catch (IOException e) {
                            // the last line of a stream cut short by SIGTERM: the plan has the document whole
                        }
                    });
                }
            }
        }
        Files.writeString(out, documents.isEmpty() ? "" : String.join("\n", documents.values()) + "\n");
    }

    private static String cucumberIndex(List<Path> shards) {
        StringBuilder body = new StringBuilder("<main><h1>Cucumber's own reports, one per shard</h1><ul>");
        for (int i = 0; i < shards.size(); i++) {
            body.append("<li><a href=\"shards/").append(i + 1).append("/cucumber.html\">").append(Html.esc(shards.get(i).getFileName().toString())).append("</a></li>");
        }
        return Html.page("Cucumber reports — wavebench", body.append("</ul><p><a href=\"index.html\">The merged report</a></p></main>").toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
