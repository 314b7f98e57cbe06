package io.wavebench.reports;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's front page: how the run went in one sentence and a few numbers, what needs
 * attention, the trends across runs, a table of contents of the features as documentation, and
 * the rig the run stood on (its file, versions and devices).
 */
final class IndexPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final RunResult run;
    private final RunContext context;
    private final Map<FeatureResult, List<ScenarioView>> features;
    private final Trends trends;

    IndexPage(RunResult run, RunContext context, Map<FeatureResult, List<ScenarioView>> features, Trends trends) {
        this.run = run;
        this.context = context;
        this.features = features;
        this.trends = trends;
    }

    String render() {
        StringBuilder html = new StringBuilder("<main>");
        html.append("<h1>wavebench run on rig “").append(Html.esc(context.rigName())).append("”</h1>");
        html.append("<p class=\"meta\">").append(WHEN.format(context.started())).append(" · took ").append(FeaturePage.seconds(context.wall().toMillis()))
                .append(" · <a href=\"#rig\">rig and versions</a></p>");
        html.append("<p>").append(Html.esc(plainSummary())).append("</p>");
        tiles(html);
        attention(html);
        trends(html);
        contents(html);
        measurements(html);
        legend(html);
        rig(html);
        html.append("<h2>Raw results</h2><p><a href=\"cucumber.html\">Cucumber's own report</a> · <a href=\"cucumber.json\">Cucumber JSON</a> · ")
                .append("<a href=\"junit.xml\">JUnit XML (with outcomes, measurements and evidence paths)</a></p>");
        return Html.page("wavebench run — " + context.rigName(), html.append("</main>").toString());
    }

    /** "All 9 scenarios passed." / "7 of 9 scenarios passed; 2 failed." */
    private String plainSummary() {
        Map<Outcome, Integer> counts = run.counts();
        int total = run.scenarios().size();
        if (total == 0) return "No scenario ran.";
        if (counts.get(Outcome.PASS) == total) return "All " + total + " scenarios passed.";
        List<String> rest = new ArrayList<>();
        if (counts.get(Outcome.FAIL) > 0) rest.add(counts.get(Outcome.FAIL) + " failed (the product did not do what the specification says)");
        if (counts.get(Outcome.INFRA_ERROR) > 0) rest.add(counts.get(Outcome.INFRA_ERROR) + " could not be judged because the test bench was broken");
        if (counts.get(Outcome.ABORTED) > 0) rest.add(counts.get(Outcome.ABORTED) + (counts.get(Outcome.ABORTED) == 1 ? " was" : " were") + " not run on this rig");
        if (counts.get(Outcome.FLAKY) > 0) rest.add(counts.get(Outcome.FLAKY) + " passed only on a second try");
        if (counts.get(Outcome.SPEC_ERROR) > 0) rest.add(counts.get(Outcome.SPEC_ERROR) + " could not run as written (the specification has a step not written, pending or matched twice)");
        if (counts.get(Outcome.NOT_RUN) > 0) rest.add(counts.get(Outcome.NOT_RUN) + (counts.get(Outcome.NOT_RUN) == 1 ? " was" : " were") + " not reached: the run was stopped");
        return counts.get(Outcome.PASS) + " of " + total + " scenarios passed; " + String.join("; ", rest) + ".";
    }

    private void tiles(StringBuilder html) {
        html.append("<ul class=\"tiles\">");
        run.counts().forEach((o, n) -> html.append("<li><b>").append(n).append("</b>").append(Html.badge(o)).append("</li>"));
        html.append("<li><b>").append(FeaturePage.seconds(context.wall().toMillis())).append("</b>wall time</li></ul>");
    }

    private void attention(StringBuilder html) {
        List<ScenarioView> notPassed = all().stream().filter(s -> s.result().outcome() != Outcome.PASS).toList();
        if (notPassed.isEmpty()) return;
        html.append("<h2>Needs attention</h2><ul>");
        for (ScenarioView s : notPassed) {
            html.append("<li>").append(Html.badge(s.result().outcome())).append(' ').append(link(s)).append(marks(s));
            if (s.result().error() != null) {
                // "ABORTED: needs …" reads better without the exception's class name before it
                String first = s.result().error().lines().findFirst().orElse("").replaceFirst("^[\\w.$]+: (?=(ABORTED|INFRA-ERROR):)", "");
                html.append("<pre class=\"error\">").append(Html.esc(first)).append("</pre>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
    }

    private void trends(StringBuilder html) {
        html.append("<h2 id=\"trends\">Across runs</h2>");
        if (trends == null || !trends.hasHistory()) {
            html.append("<p>This is the first run in the history folder; trends appear from the second run on.</p>");
            return;
        }
        html.append("<p>").append(Html.esc(trends.summaryLine())).append(".</p>");
        html.append(SvgChart.of("Pass rate, last " + trends.runs().size() + " runs", trends.passRates(), "", Double.NaN, true));
        List<Trends.Series> series = trends.measurementSeries();
        if (!series.isEmpty()) {
            html.append("<details><summary>Measurement trends (").append(series.size()).append(")</summary>");
            for (Trends.Series s : series) {
                double limit = s.limit() == null ? Double.NaN : s.limit().value();
                html.append(SvgChart.of(s.measurement() + " — " + s.scenarioKey(), s.values(), s.unit(), limit, false));
            }
            html.append("</details>");
        }
    }

    private void contents(StringBuilder html) {
        html.append("<h2 id=\"contents\">The specification, feature by feature</h2><nav class=\"toc\"><ol>");
        features.forEach((feature, scenarios) -> {
            html.append("<li><a href=\"").append(Html.esc(feature.pageName())).append("\"><b>").append(Html.esc(feature.name())).append("</b></a>");
            List<String> paragraphs = Prose.paragraphs(feature.description());
            if (!paragraphs.isEmpty()) html.append("<br/><span class=\"meta\">").append(Html.prose(firstSentence(paragraphs.get(0)))).append("</span>");
            html.append("<ol>");
            for (ScenarioView s : scenarios) html.append("<li>").append(Html.badge(s.result().outcome())).append(' ').append(link(s)).append(marks(s)).append("</li>");
            html.append("</ol></li>");
        });
        html.append("</ol></nav>");
    }

    private void measurements(StringBuilder html) {
        List<ScenarioView> measured = all().stream().filter(s -> !s.measurements().isEmpty()).toList();
        if (measured.isEmpty()) return;
        html.append("<h2 id=\"measurements\">Measurements against their limits</h2><table><tr><th>scenario</th><th>what</th><th>measured</th><th>limit</th><th>verdict</th></tr>");
        // Judged figures first: those taken alone are the ones that say how fast the reader is.
        for (boolean judged : new boolean[] {true, false}) for (ScenarioView s : measured) {
            for (Measurement m : s.measurements()) {
                if ((m.verdict() != Measurement.Verdict.NOT_JUDGED) != judged) continue;
                html.append("<tr><td>").append(link(s)).append("</td><td>").append(Html.esc(m.name())).append("</td><td>").append(Html.esc(m.valueText()))
                        .append("</td><td>").append(Html.esc(m.limitText())).append("</td><td class=\"v-").append(m.verdict().name()).append("\">")
                        .append(Html.esc(m.verdictText())).append("</td></tr>");
            }
        }
        html.append("</table><p class=\"meta\">MARGINAL: within ").append(Math.round(Measurement.MARGIN * 100))
                .append(" % of the limit, still passing. Not judged: a figure with a limit taken while other scenarios ran at once")
                .append(" in this run; they shared the CPU, so it says more about the sharing than about the reader. It is shown and trended, and")
                .append(" held against its limit only when taken alone: the <code>@timing</code> scenarios always run alone, and every")
                .append(" scenario does under <code>wavebench run --threads 1</code>.</p>");
    }

    private void legend(StringBuilder html) {
        html.append("<details class=\"legend\"><summary>What the outcomes mean</summary><dl>");
        for (Outcome o : Outcome.values()) html.append("<dt>").append(Html.badge(o)).append("</dt><dd>").append(Html.esc(Html.meaning(o))).append("</dd>");
        html.append("</dl></details>");
    }

    private void rig(StringBuilder html) {
        html.append("<h2 id=\"rig\">The rig and versions</h2><table>");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("rig", context.rigName());
        facts.put("rig file", context.rigLocation());
        facts.putAll(context.facts());
        facts.forEach((k, v) -> html.append("<tr><th>").append(Html.esc(k)).append("</th><td>").append(Html.esc(v)).append("</td></tr>"));
        html.append("</table>");
        if (context.rigFileText() != null) {
            html.append("<details><summary>The rig file as it was for this run</summary><pre>").append(Html.esc(context.rigFileText())).append("</pre></details>");
        }
    }

    private List<ScenarioView> all() {
        return features.values().stream().flatMap(List::stream).toList();
    }

    private String link(ScenarioView s) {
        FeatureResult feature = features.keySet().stream().filter(f -> features.get(f).contains(s)).findFirst().orElseThrow();
        return "<a href=\"" + Html.esc(feature.pageName()) + "#" + s.anchor() + "\">" + Html.esc(s.result().name()) + "</a>";
    }

    private String marks(ScenarioView s) {
        return FeaturePage.marks(trends, s);
    }

    private static String firstSentence(String paragraph) {
        int end = paragraph.indexOf(". ");
        return end < 0 ? paragraph : paragraph.substring(0, end + 1);
    }
}
