package io.wavebench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the living-spec report of a run: a static site in the report folder —
 * {@code index.html} and one {@code feature-*.html} per feature, styles inline, evidence linked
 * relatively, so it opens from {@code file://} with no server and no CDN — plus the enriched
 * {@code junit.xml}, and this run's record in the history folder. Reads only what the run wrote
 * (DESIGN §2: reports depends on nothing).
 */
public final class LivingSpecReport {

    /** What was written, and what the history says, for the console's last lines. */
    public record Written(Path index, Path junitXml, Path historyRecord, Trends trends) {}

    private LivingSpecReport() {}

    /**
     * @param history the history folder, or null to keep no history (trends are then not shown)
     */
    public static Written write(Path reportDir, RunResult run, RunContext context, History history) throws IOException {
        OutlineExamples outlines = OutlineExamples.ofReport(reportDir);
        Trends trends = null;
        Path record = null;
        // An empty run (a tag selection that matched nothing) says nothing and is not recorded; a
        // run whose preflight found the rig broken is recorded, marked, and kept out of the trends.
        if (history != null && !run.scenarios().isEmpty()) {
            List<RunRecord> runs = new ArrayList<>(history.load());
            RunRecord current = RunRecord.of(run, reportDir, context, outlines);
            record = history.append(current);
            runs.add(current);
            if (!current.rigBroken()) trends = new Trends(runs);
        }
        Map<FeatureResult, List<ScenarioView>> features = byFeature(reportDir, run, outlines);
        for (Map.Entry<FeatureResult, List<ScenarioView>> feature : features.entrySet()) {
            Files.writeString(reportDir.resolve(feature.getKey().pageName()),
                    new FeaturePage(feature.getKey(), feature.getValue(), outlines, trends, context).render());
        }
        Path index = reportDir.resolve("index.html");
        Files.writeString(index, new IndexPage(run, context, features, trends, Files.isRegularFile(reportDir.resolve(StepCatalogPage.FILE)),
                BrokenDevice.read(reportDir)).render());
        Path junit = JUnitXml.write(reportDir, run, context, outlines);
        return new Written(index, junit, record, trends);
    }

    static Map<FeatureResult, List<ScenarioView>> byFeature(Path reportDir, RunResult run) throws IOException {
        return byFeature(reportDir, run, OutlineExamples.ofReport(reportDir));
    }

    /** Features in run order with their scenarios; a scenario whose feature the JSON did not describe gets a bare one. */
    static Map<FeatureResult, List<ScenarioView>> byFeature(Path reportDir, RunResult run, OutlineExamples outlines) throws IOException {
        Map<String, FeatureResult> known = new LinkedHashMap<>();
        run.features().forEach(f -> known.putIfAbsent(f.uri(), f));
        Map<FeatureResult, List<ScenarioView>> features = new LinkedHashMap<>();
        for (ScenarioResult s : run.scenarios()) {
            FeatureResult feature = known.computeIfAbsent(s.featureUri(), uri -> new FeatureResult(uri, s.feature(), "", List.of(), List.of()));
            features.computeIfAbsent(feature, f -> new ArrayList<>()).add(ScenarioView.of(reportDir, s, outlines));
        }
        return features;
    }
}
