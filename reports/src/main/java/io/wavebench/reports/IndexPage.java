package io.wavebench.reports;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
    /** The run wrote {@link StepCatalogPage#FILE} beside this page. */
    private final boolean stepCatalogue;
    /** The rig's devices that went BROKEN during the run ({@link BrokenDevice#FILE}). */
    private final List<BrokenDevice> broken;

    IndexPage(RunResult run, RunContext context, Map<FeatureResult, List<ScenarioView>> features, Trends trends) {
        this(run, context, features, trends, false, List.of());
    }

    IndexPage(RunResult run, RunContext context, Map<FeatureResult, List<ScenarioView>> features, Trends trends, boolean stepCatalogue,
            List<BrokenDevice> broken) {
        this.run = run;
        this.context = context;
        this.features = features;
        this.trends = trends;
        this.stepCatalogue = stepCatalogue;
        this.broken = List.copyOf(broken);
    }

    String render() {
        StringBuilder html = new StringBuilder("<main>");
        html.append("<h1>wavebench run on rig “").append(Html.esc(context.rigName())).append("”</h1>");
        html.append("<p class=\"meta\">").append(WHEN.format(context.started())).append(" · took ").append(FeaturePage.seconds(context.wall().toMillis()))
                .append(" · <a href=\"#rig\">rig and versions</a></p>");
        html.append(identity(context));
        if (context.stopped()) html.append("<p class=\"warn\">The run was stopped before it finished (").append(Html.esc(context.fact(RunContext.STOPPED)))
                .append("): the scenarios it did not finish are NOT-RUN.</p>");
        if (context.rigBroken()) html.append("<p class=\"warn\">The preflight found the rig broken (").append(Html.esc(context.fact(RunContext.PREFLIGHT)))
                .append("). This run is kept in the history, marked, and left out of the trends.</p>");
        html.append("<p>").append(Html.esc(plainSummary())).append("</p>");
        tiles(html);
        brokenDevices(html);
        failedFigures(html);
        attention(html);
        trends(html);
        contents(html);
        measurements(html);
        legend(html);
        rig(html);
        html.append("<h2>Raw results</h2><p><a href=\"cucumber.html\">Cucumber's own report</a> · <a href=\"cucumber.json\">Cucumber JSON</a> · ")
                .append("<a href=\"junit.xml\">JUnit XML (with outcomes, measurements and evidence paths)</a></p>");
        if (stepCatalogue) {
            html.append("<p><a href=\"").append(StepCatalogPage.FILE).append("\">The step catalogue</a>: every step a feature can use, ")
                    .append("with what it does, what it assumes of the rig and where the specification uses it.</p>");
        }
        if (context.stopped()) {
            // Cucumber writes its JSON, HTML and JUnit XML when its run ends; a stopped run never ends
            html.append("<p>Cucumber writes its own reports when its run ends, so after a stop they are empty; this page, the feature pages and ")
                    .append("<code>junit.xml</code> hold every scenario that finished, and <code>results/</code> one file per scenario.</p>");
        }
        return Html.page("wavebench run — " + context.rigName(), html.append("</main>").toString());
    }

    /**
     * What this run ran: the commit, wavebench's version, the reader (its MDB EXPANSION ID
     * identity, MDB 4.2 §7.4.7) and the tag selection, each "not recorded" when the run did not say.
     */
    static String identity(RunContext context) {
        StringBuilder html = new StringBuilder("<dl class=\"identity\">");
        identityItem(html, "commit", context.fact(RunContext.COMMIT));
        identityItem(html, "wavebench", context.fact(RunContext.WAVEBENCH));
        identityItem(html, "reader", context.fact(RunContext.READER));
        identityItem(html, "tags", context.fact(RunContext.TAGS));
        return html.append("</dl>").toString();
    }

    private static void identityItem(StringBuilder html, String what, String value) {
        html.append("<div><dt>").append(what).append("</dt><dd>").append(Html.esc(value == null ? "not recorded" : value)).append("</dd></div>");
    }

    /** The judged figures that failed their limits, each with its scenario: what a regression in the reader looks like. */
    private void failedFigures(StringBuilder html) {
        List<ScenarioView> failing = all().stream().filter(s -> !s.failedFigures().isEmpty()).toList();
        if (failing.isEmpty()) return;
        int count = failing.stream().mapToInt(s -> s.failedFigures().size()).sum();
        html.append("<h2 id=\"failed-figures\">").append(count).append(count == 1 ? " figure" : " figures").append(" failed").append("</h2><ul>");
        for (ScenarioView s : failing) {
            for (Measurement m : s.failedFigures()) {
                html.append("<li><b class=\"v-FAIL\">").append(Html.esc(m.name())).append("</b> ").append(Html.esc(m.valueText())).append(", limit ")
                        .append(Html.esc(m.limitText())).append(" — ").append(link(s)).append("</li>");
            }
        }
        html.append("</ul>");
    }

    /** "All 9 scenarios passed." / "7 of 9 scenarios passed; 2 failed." */
    private String plainSummary() {
        Map<Outcome, Integer> counts = run.counts();
        int total = run.scenarios().size();
        if (total == 0) return "No scenario ran.";
        long figures = all().stream().mapToLong(s -> s.failedFigures().size()).sum();
        String figureNote = figures == 0 ? "" : " " + figures + (figures == 1 ? " judged figure" : " judged figures") + " failed " + (figures == 1 ? "its limit" : "their limits") + ".";
        if (counts.get(Outcome.PASS) == total) return "All " + total + " scenarios passed." + figureNote;
        List<String> rest = new ArrayList<>();
        if (counts.get(Outcome.FAIL) > 0) rest.add(counts.get(Outcome.FAIL) + " failed (the product did not do what the specification says)");
        if (counts.get(Outcome.INFRA_ERROR) > 0) rest.add(counts.get(Outcome.INFRA_ERROR) + " could not be judged because the test bench was broken");
        if (counts.get(Outcome.ABORTED) > 0) rest.add(counts.get(Outcome.ABORTED) + (counts.get(Outcome.ABORTED) == 1 ? " was" : " were") + " not run on this rig");
        if (counts.get(Outcome.FLAKY) > 0) rest.add(counts.get(Outcome.FLAKY) + " passed only on a second try");
        if (counts.get(Outcome.SPEC_ERROR) > 0) rest.add(counts.get(Outcome.SPEC_ERROR) + " could not run as written (the specification has a step not written, pending or matched twice)");
        if (counts.get(Outcome.NOT_RUN) > 0) rest.add(counts.get(Outcome.NOT_RUN) + (counts.get(Outcome.NOT_RUN) == 1 ? " was" : " were") + " not reached: the run was stopped");
        return counts.get(Outcome.PASS) + " of " + total + " scenarios passed; " + String.join("; ", rest) + "." + figureNote;
    }

    /** DESIGN §3: a device that could not reach its state is BROKEN, and the scenarios that needed it afterwards are INFRA-ERROR; say which and why. */
    private void brokenDevices(StringBuilder html) {
        if (broken.isEmpty()) return;
        html.append("<h2 id=\"broken-devices\">").append(broken.size()).append(broken.size() == 1 ? " device" : " devices")
                .append(" went BROKEN during the run</h2><p>Later scenarios that needed ").append(broken.size() == 1 ? "it" : "them")
                .append(" were INFRA-ERROR without waiting for ").append(broken.size() == 1 ? "it" : "them").append(" again.</p><ul>");
        for (BrokenDevice d : broken) {
            html.append("<li>").append(Html.badge(Outcome.INFRA_ERROR)).append(" <b>").append(Html.esc(d.device())).append("</b> (rig “")
                    .append(Html.esc(d.rig())).append("”) since ").append(Html.esc(d.since())).append(": <code>").append(Html.esc(d.reason())).append("</code></li>");
        }
        html.append("</ul>");
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
            if (s.result().error() != null || s.rigSaw() != null) html.append("<div class=\"failure\">");
            if (s.result().error() != null) {
                // "ABORTED: needs …" reads better without the exception's class name before it
                String first = s.result().error().lines().findFirst().orElse("").replaceFirst("^[\\w.$]+: (?=(ABORTED|INFRA-ERROR|SPEC-ERROR):)", "");
                // a FLAKY scenario's error opens with "Failed on the first try…": the first try's own message says what failed
                List<String> lines = s.result().error().lines().toList();
                int firstTry = lines.indexOf("The first try's error:");
                if (firstTry >= 0 && firstTry + 1 < lines.size()) first += "\n" + lines.get(firstTry + 1);
                html.append("<div><pre class=\"error\">").append(Html.esc(first)).append("</pre>");
                if (s.result().error().lines().count() > 1) {
                    html.append("<details><summary>Full error</summary><pre class=\"error\">").append(Html.esc(s.result().error())).append("</pre></details>");
                }
                html.append("</div>");
            }
            if (s.rigSaw() != null) html.append("<div><pre class=\"rig-saw\" title=\"What the rig saw\">").append(Html.esc(s.rigSaw())).append("</pre></div>");
            if (s.result().error() != null || s.rigSaw() != null) html.append("</div>");
            html.append("</li>");
        }
        html.append("</ul>");
    }

    private void trends(StringBuilder html) {
        html.append("<h2 id=\"trends\">Across runs</h2>");
        if (context.rigBroken()) {
            html.append("<p>Not trended: the preflight found the rig broken, so this run says nothing about the reader.</p>");
            return;
        }
        if (run.scenarios().isEmpty()) {
            html.append("<p>Not trended: no scenario ran, so this run is not recorded in the history.</p>");
            return;
        }
        if (trends == null || !trends.hasHistory()) {
            html.append("<p>This is the first run in the history folder; trends appear from the second run on.</p>");
            return;
        }
        RunRecord previous = trends.previous();
        html.append("<p>Pass rate ").append(Trends.percent(trends.current().passRate()))
                .append(previous == null ? "" : " (previous " + Trends.percent(previous.passRate()) + ", commit " + Html.esc(previous.shortCommit()) + ")")
                .append(" over ").append(trends.runs().size()).append(" runs of this rig and selection.</p>");
        keyList(html, "Newly failing", trends.newlyFailing());
        keyList(html, "Flaky in recent runs", trends.flaky());
        List<String> labels = trends.runLabels();
        html.append(SvgChart.of("Pass rate, last " + trends.runs().size() + " runs", trends.passRates(), "", Double.NaN, true, labels));
        List<Trends.Series> series = trends.measurementSeries();
        if (!series.isEmpty()) {
            html.append("<details><summary>Measurement trends (").append(series.size()).append(")</summary>");
            for (Trends.Series s : series) {
                double limit = s.limit() == null ? Double.NaN : s.limit().value();
                html.append(SvgChart.of(Trends.figureTitle(s.measurement()) + " — " + readable(s.scenarioKey()), s.values(), s.unit(), limit, false, labels));
            }
            html.append("</details>");
        }
    }

    /**
     * The features and their scenarios, with filters by outcome, tag and feature and a search over
     * the scenarios' text (names, descriptions, steps). The filters are plain inline script on
     * data attributes: the report opens from {@code file://} with no server and no CDN, and without
     * script the controls stay hidden and every scenario is listed.
     */
    private void contents(StringBuilder html) {
        html.append("<h2 id=\"contents\">The specification, feature by feature</h2>");
        filters(html);
        html.append("<nav class=\"toc\"><ol id=\"contents-list\">");
        features.forEach((feature, scenarios) -> {
            html.append("<li data-feature=\"").append(Html.esc(feature.name())).append("\"><a href=\"").append(Html.esc(feature.pageName())).append("\"><b>")
                    .append(Html.esc(feature.name())).append("</b></a>");
            List<String> paragraphs = Prose.paragraphs(feature.description());
            if (!paragraphs.isEmpty()) html.append("<br/><span class=\"meta\">").append(Html.prose(firstSentence(paragraphs.get(0)))).append("</span>");
            html.append("<ol>");
            for (ScenarioView s : scenarios) {
                html.append("<li class=\"sc\" data-outcome=\"").append(s.result().outcome().label()).append("\" data-tags=\"")
                        .append(Html.esc(String.join(" ", s.result().tags()))).append("\" data-feature=\"").append(Html.esc(feature.name()))
                        .append("\" data-text=\"").append(Html.esc(searchText(feature, s))).append("\">")
                        .append(Html.badge(s.result().outcome())).append(' ').append(link(s)).append(marks(s)).append("</li>");
            }
            html.append("</ol></li>");
        });
        html.append("</ol></nav>");
        html.append("<script>//<![CDATA[\n").append(FILTER_SCRIPT).append("\n//]]></script>");
    }

    private void filters(StringBuilder html) {
        Set<String> tags = new TreeSet<>();
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        for (ScenarioView s : all()) {
            tags.addAll(s.result().tags());
            outcomes.add(s.result().outcome());
        }
        html.append("<div id=\"filters\" class=\"filters\" hidden=\"hidden\">");
        html.append("<label>Outcome <select id=\"f-outcome\"><option value=\"\">any</option>");
        for (Outcome o : outcomes) html.append("<option value=\"").append(o.label()).append("\">").append(o.label()).append("</option>");
        html.append("</select></label> <label>Tag <select id=\"f-tag\"><option value=\"\">any</option>");
        for (String t : tags) html.append("<option value=\"").append(Html.esc(t)).append("\">").append(Html.esc(t)).append("</option>");
        html.append("</select></label> <label>Feature <select id=\"f-feature\"><option value=\"\">any</option>");
        for (FeatureResult f : features.keySet()) html.append("<option value=\"").append(Html.esc(f.name())).append("\">").append(Html.esc(f.name())).append("</option>");
        html.append("</select></label> <label>Search <input id=\"f-text\" type=\"search\" placeholder=\"words in names, steps, descriptions\"/></label>")
                .append(" <span id=\"f-count\" class=\"meta\"></span></div>");
    }

    /** What the search looks through, lower case: the scenario's name, description and steps, and its outline's title. */
    private static String searchText(FeatureResult feature, ScenarioView s) {
        StringBuilder text = new StringBuilder(s.result().name()).append(' ').append(s.result().description());
        for (ScenarioResult.Step st : s.result().steps()) {
            if (st.part() != ScenarioResult.Step.Part.HOOK) text.append(' ').append(st.keyword()).append(' ').append(st.text());
        }
        return text.toString().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Shows the filters and hides what they leave out; every word searched for must appear. */
    static final String FILTER_SCRIPT = """
            (function () {
              var box = document.getElementById('filters');
              if (!box || !document.querySelectorAll) return;
              box.removeAttribute('hidden');
              var outcome = document.getElementById('f-outcome'), tag = document.getElementById('f-tag');
              var feature = document.getElementById('f-feature'), text = document.getElementById('f-text'), count = document.getElementById('f-count');
              var items = document.querySelectorAll('#contents-list li.sc');
              function apply() {
                var words = text.value.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
                var shown = 0;
                items.forEach(function (li) {
                  var ok = (!outcome.value || li.getAttribute('data-outcome') === outcome.value)
                      && (!tag.value || (' ' + li.getAttribute('data-tags') + ' ').indexOf(' ' + tag.value + ' ') >= 0)
                      && (!feature.value || li.getAttribute('data-feature') === feature.value)
                      && words.every(function (w) { return li.getAttribute('data-text').indexOf(w) >= 0; });
                  li.hidden = !ok;
                  if (ok) shown++;
                });
                document.querySelectorAll('#contents-list > li').forEach(function (f) {
                  f.hidden = !f.querySelector('li.sc:not([hidden])');
                });
                count.textContent = shown + ' of ' + items.length + ' scenarios shown';
              }
              [outcome, tag, feature, text].forEach(function (e) {
                e.addEventListener('input', apply);
                e.addEventListener('change', apply);
              });
              apply();
            })();""";

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
        html.append("</table><p class=\"meta\">Verdicts as the run stated them when it took each figure. MARGINAL: within the")
                .append(" run's margin of the limit (10 % for wavebench's own figures, DESIGN §3), still passing. Not judged: a figure with a limit taken while other scenarios ran at once")
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
        String link = "<a href=\"" + Html.esc(feature.pageName()) + "#" + s.anchor() + "\">" + Html.esc(s.result().name()) + "</a>";
        // outline rows often share their name: the row's values tell them apart
        int cells = s.historyKey().indexOf(" › | ");
        return s.result().isOutlineRow() && cells >= 0 ? link + " <span class=\"meta\">" + Html.esc(s.historyKey().substring(cells + 3)) + "</span>" : link;
    }

    private String marks(ScenarioView s) {
        return FeaturePage.marks(trends, s);
    }

    /** Scenarios named by their history keys, as a folded list: the count reads at a glance, the names one click away. */
    private static void keyList(StringBuilder html, String what, List<String> keys) {
        if (keys.isEmpty()) {
            html.append("<p>").append(what).append(": none.</p>");
            return;
        }
        html.append("<details><summary>").append(what).append(": ").append(keys.size()).append(keys.size() == 1 ? " scenario" : " scenarios")
                .append("</summary><ul>");
        keys.forEach(k -> html.append("<li>").append(Html.esc(readable(k))).append("</li>"));
        html.append("</ul></details>");
    }

    /** A history key as a chart title reads it: "A purchase (offline_purchase.feature)". */
    static String readable(String key) {
        int cut = key.indexOf(" › ");
        return cut < 0 ? key : key.substring(cut + 3) + " (" + key.substring(0, cut) + ")";
    }

    private static String firstSentence(String paragraph) {
        int end = paragraph.indexOf(". ");
        return end < 0 ? paragraph : paragraph.substring(0, end + 1);
    }
}
