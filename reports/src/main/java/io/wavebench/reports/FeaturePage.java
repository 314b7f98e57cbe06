package io.wavebench.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One feature as documentation: its description as prose, then each scenario with its outcome,
 * description, steps, measurements and evidence. Scenario Outline rows are shown together under
 * the outline, with its Examples table carrying each row's outcome.
 */
final class FeaturePage {

    /** Text evidence longer than this is shown in part, with a link to the whole file. */
    static final int MAX_INLINE_TEXT = 64 * 1024;
    /** An error's first lines (the message) are shown; the stack trace is one click away. */
    private static final int ERROR_HEAD_LINES = 6;

    private final FeatureResult feature;
    private final List<ScenarioView> scenarios;
    private final OutlineExamples outlines;
    private final Trends trends;
    private final RunContext context;

    FeaturePage(FeatureResult feature, List<ScenarioView> scenarios, OutlineExamples outlines, Trends trends, RunContext context) {
        this.feature = feature;
        this.scenarios = scenarios;
        this.outlines = outlines;
        this.trends = trends;
        this.context = context;
    }

    FeaturePage(FeatureResult feature, List<ScenarioView> scenarios, OutlineExamples outlines, Trends trends) {
        this(feature, scenarios, outlines, trends, null);
    }

    String render() {
        StringBuilder html = new StringBuilder("<main>");
        html.append("<nav class=\"crumbs\"><a href=\"index.html\">← Run summary and all features</a></nav>");
        html.append("<h1>").append(Html.esc(feature.name())).append("</h1>");
        if (context != null) html.append(IndexPage.identity(context));
        if (!feature.tags().isEmpty()) html.append("<p class=\"meta\">Tags: ").append(Html.esc(String.join(" ", feature.tags()))).append("</p>");
        html.append(Html.paragraphs(feature.description()));
        html.append("<p class=\"meta\">").append(Html.esc(summary())).append("</p>");

        Map<String, List<ScenarioView>> groups = groups();
        html.append("<nav class=\"toc\"><h4>Scenarios</h4><ol>");
        for (List<ScenarioView> group : groups.values()) {
            ScenarioView first = group.get(0);
            if (first.result().isOutlineRow()) {
                html.append("<li>").append(Html.esc(outlineTitle(group))).append("<ol>");
                for (ScenarioView row : group) html.append(tocItem(row));
                html.append("</ol></li>");
            } else {
                html.append(tocItem(first));
            }
        }
        html.append("</ol></nav>");

        if (!feature.backgroundSteps().isEmpty()) {
            html.append("<h4>Before every scenario</h4><ol class=\"steps\">");
            for (String step : feature.backgroundSteps()) html.append("<li>").append(Html.esc(step)).append("</li>");
            html.append("</ol>");
        }
        for (List<ScenarioView> group : groups.values()) {
            if (group.get(0).result().isOutlineRow()) outline(html, group);
            else scenario(html, group.get(0), "h2");
        }
        return Html.page(feature.name() + " — wavebench", html.append("</main>").toString());
    }

    private String summary() {
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        scenarios.forEach(s -> counts.merge(s.result().outcome(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((o, n) -> parts.add(n + " " + o.label()));
        return scenarios.size() + (scenarios.size() == 1 ? " scenario: " : " scenarios: ") + String.join(", ", parts);
    }

    /** Scenarios in file order; the rows of one outline together under its id. */
    private Map<String, List<ScenarioView>> groups() {
        Map<String, List<ScenarioView>> groups = new LinkedHashMap<>();
        for (ScenarioView s : scenarios) {
            String key = s.result().isOutlineRow() ? "outline:" + s.result().outlineId() : "scenario:" + s.result().line() + ":" + s.result().name();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    private String tocItem(ScenarioView s) {
        return "<li>" + Html.badge(s.result().outcome()) + " <a href=\"#" + s.anchor() + "\">" + Html.esc(s.result().name()) + "</a>" + marks(s) + "</li>";
    }

    private String outlineTitle(List<ScenarioView> group) {
        OutlineExamples.Outline outline = outlines.outlineOf(group.get(0).result());
        return "Scenario Outline: " + (outline != null ? outline.title() : group.get(0).result().name());
    }

    private void outline(StringBuilder html, List<ScenarioView> rows) {
        OutlineExamples.Outline outline = outlines.outlineOf(rows.get(0).result());
        html.append("<section class=\"outline\"><h2>").append(Html.esc(outlineTitle(rows))).append("</h2>");
        html.append(Html.paragraphs(outline != null ? outline.description() : rows.get(0).result().description()));
        html.append("<p>The same steps run once for each example below.</p><table><tr>");
        if (outline != null) outline.header().forEach(h -> html.append("<th>").append(Html.esc(h)).append("</th>"));
        else html.append("<th>example</th>");
        html.append("<th>outcome</th><th>time</th></tr>");
        for (ScenarioView row : rows) {
            List<String> values = outline == null ? null : outline.rows().get(row.result().line());
            html.append("<tr>");
            if (values != null) values.forEach(v -> html.append("<td>").append(Html.esc(v)).append("</td>"));
            else html.append("<td>").append(Html.esc(row.result().name())).append("</td>");
            html.append("<td>").append(Html.badge(row.result().outcome())).append(marks(row)).append("</td><td><a href=\"#").append(row.anchor()).append("\">")
                    .append(seconds(row.result().duration().toMillis())).append("</a></td></tr>");
        }
        html.append("</table>");
        for (ScenarioView row : rows) scenario(html, row, "h3");
        html.append("</section>");
    }

    private void scenario(StringBuilder html, ScenarioView view, String heading) {
        ScenarioResult s = view.result();
        html.append("<section class=\"scenario\" id=\"").append(view.anchor()).append("\">");
        html.append('<').append(heading).append('>').append(Html.badge(s.outcome())).append(' ');
        if (!s.isOutlineRow()) html.append(Html.esc(s.keyword())).append(": ");
        html.append(Html.esc(s.name())).append(marks(view)).append("</").append(heading).append('>');
        html.append("<p class=\"meta\">").append(Html.esc(Html.meaning(s.outcome()))).append(" Took ").append(seconds(s.duration().toMillis()))
                .append(". Line ").append(s.line()).append(" of ").append(Html.esc(fileName(s.featureUri())));
        if (!s.tags().isEmpty()) html.append(". Tags: ").append(Html.esc(String.join(" ", s.tags())));
        html.append(".</p>");
        if (!s.isOutlineRow()) html.append(Html.paragraphs(s.description()));
        failure(html, view);
        steps(html, s);
        measurements(html, view.measurements());
        evidence(html, view.evidence());
        html.append("</section>");
    }

    private void steps(StringBuilder html, ScenarioResult s) {
        List<ScenarioResult.Step> background = s.steps().stream().filter(st -> st.part() == ScenarioResult.Step.Part.BACKGROUND).toList();
        List<ScenarioResult.Step> own = s.steps().stream().filter(st -> st.part() != ScenarioResult.Step.Part.BACKGROUND).toList();
        if (!background.isEmpty()) {
            boolean allPassed = background.stream().allMatch(st -> "passed".equals(st.status()));
            html.append("<details").append(allPassed ? "" : " open=\"open\"").append("><summary>Background: ").append(background.size())
                    .append(background.size() == 1 ? " step" : " steps").append(allPassed ? ", all passed" : ", not all passed").append("</summary><ol class=\"steps\">");
            background.forEach(st -> step(html, st, "bg"));
            html.append("</ol></details>");
        }
        html.append("<ol class=\"steps\">");
        own.forEach(st -> step(html, st, ""));
        html.append("</ol>");
    }

    private void step(StringBuilder html, ScenarioResult.Step st, String cssClass) {
        html.append("<li").append(cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"").append('>');
        html.append("<span class=\"dur\">").append(millis(st.duration().toNanos() / 1e6)).append("</span>").append(Html.stepStatus(st.status()));
        html.append("<span class=\"kw\">").append(Html.esc(st.keyword())).append("</span>").append(Html.esc(st.text()));
        if (!st.table().isEmpty()) html.append(Html.table(st.table(), false));
        if (st.docString() != null) html.append("<pre>").append(Html.esc(st.docString())).append("</pre>");
        // the whole error is in the scenario's failure block above; the failed step shows its message
        if (st.error() != null) html.append("<pre class=\"error\">").append(Html.esc(st.error().lines().findFirst().orElse(""))).append("</pre>");
        html.append("</li>");
    }

    /**
     * Why a scenario that did not pass did not: the error's message, what the rig saw at the end
     * beside it, the figures that failed their limits; the stack trace folded away.
     */
    private static void failure(StringBuilder html, ScenarioView view) {
        ScenarioResult s = view.result();
        if (s.outcome() == Outcome.PASS) return;
        if (s.error() == null && view.rigSaw() == null && view.failedFigures().isEmpty()) return;
        html.append("<div class=\"failure\">");
        if (s.error() != null) {
            html.append("<div><h4>What went wrong</h4>");
            error(html, s.error());
            html.append("</div>");
        }
        if (view.rigSaw() != null) {
            html.append("<div><h4>What the rig saw</h4><pre class=\"rig-saw\">").append(Html.esc(view.rigSaw())).append("</pre></div>");
        }
        html.append("</div>");
        for (Measurement m : view.failedFigures()) {
            html.append("<p class=\"v-FAIL\">Figure failed: ").append(Html.esc(m.name())).append(" ").append(Html.esc(m.valueText()))
                    .append(", limit ").append(Html.esc(m.limitText())).append("</p>");
        }
    }

    /** An error's message (its lines up to the stack trace, at most a few) shown; the whole error folded away. */
    static void error(StringBuilder html, String error) {
        List<String> lines = error.lines().toList();
        int head = 0;
        while (head < Math.min(ERROR_HEAD_LINES, lines.size()) && (head == 0 || !lines.get(head).strip().startsWith("at "))) head++;
        html.append("<pre class=\"error\">").append(Html.esc(String.join("\n", lines.subList(0, head)))).append("</pre>");
        if (lines.size() > head) {
            html.append("<details><summary>Full error and stack trace (").append(lines.size()).append(" lines)</summary><pre class=\"error\">")
                    .append(Html.esc(error)).append("</pre></details>");
        }
    }

    static void measurements(StringBuilder html, List<Measurement> measurements) {
        if (measurements.isEmpty()) return;
        html.append("<h4>Measurements</h4><table><tr><th>what</th><th>measured</th><th>limit</th><th>verdict</th></tr>");
        for (Measurement m : measurements) {
            html.append("<tr><td>").append(Html.esc(m.name())).append("</td><td>").append(Html.esc(m.valueText())).append("</td><td>")
                    .append(Html.esc(m.limitText())).append("</td><td class=\"v-").append(m.verdict().name()).append("\">").append(Html.esc(m.verdictText()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private void evidence(StringBuilder html, Evidence evidence) {
        if (evidence.items().isEmpty()) return;
        html.append("<h4>Evidence</h4>");
        List<Evidence.Item> shownImages = new ArrayList<>();
        for (Evidence.Item audio : evidence.of(Evidence.Kind.AUDIO)) {
            Evidence.Item picture = evidence.pictureOf(audio);
            html.append("<figure><audio controls=\"controls\" preload=\"none\" src=\"").append(Html.esc(audio.href())).append("\">")
                    .append("<a href=\"").append(Html.esc(audio.href())).append("\">").append(Html.esc(audio.fileName())).append("</a></audio>");
            if (picture != null) {
                shownImages.add(picture);
                html.append("<img src=\"").append(Html.esc(picture.href())).append("\" alt=\"Spectrogram of ").append(Html.esc(audio.fileName()))
                        .append(": time across, pitch up, loudness as colour\" loading=\"lazy\"/>");
            }
            html.append("<figcaption>The sound on the air (").append(Html.esc(audio.fileName())).append(")")
                    .append(picture != null ? " and its spectrogram: time runs left to right, pitch bottom to top, brighter is louder." : ".")
                    .append(" <a href=\"").append(Html.esc(audio.href())).append("\">Download</a></figcaption></figure>");
        }
        for (Evidence.Item image : evidence.of(Evidence.Kind.IMAGE)) {
            if (shownImages.contains(image)) continue;
            html.append("<figure><img src=\"").append(Html.esc(image.href())).append("\" alt=\"").append(Html.esc(image.fileName()))
                    .append("\" loading=\"lazy\"/><figcaption>").append(Html.esc(image.fileName())).append("</figcaption></figure>");
        }
        for (Evidence.Item text : evidence.of(Evidence.Kind.TEXT)) {
            String content = read(text);
            boolean cut = content.length() > MAX_INLINE_TEXT;
            html.append("<details><summary>").append(Html.esc(describe(text.fileName()))).append(" — ").append(Html.esc(text.fileName()))
                    .append(" (").append(content.lines().count()).append(" lines)</summary><pre>")
                    .append(Html.esc(cut ? content.substring(0, MAX_INLINE_TEXT) : content)).append("</pre>");
            if (cut) html.append("<p class=\"meta\">Shown in part.</p>");
            html.append("<p class=\"meta\"><a href=\"").append(Html.esc(text.href())).append("\">Open ").append(Html.esc(text.fileName())).append("</a></p></details>");
        }
        List<Evidence.Item> other = new ArrayList<>(evidence.of(Evidence.Kind.OTHER));
        other.addAll(evidence.of(Evidence.Kind.MEASUREMENTS));
        if (!other.isEmpty()) {
            html.append("<p class=\"meta\">Files: ");
            for (int i = 0; i < other.size(); i++) {
                html.append(i == 0 ? "" : ", ").append("<a href=\"").append(Html.esc(other.get(i).href())).append("\">").append(Html.esc(other.get(i).fileName())).append("</a>");
            }
            html.append("</p>");
        }
    }

    /** What a text evidence file is, for a reader who does not know the file names. */
    static String describe(String fileName) {
        if (fileName.equals(ScenarioView.RIG_SAW)) return "What the rig saw at the end (air, reader, bus)";
        if (fileName.startsWith("mdb-trace")) return "The MDB bus between reader and vending machine, decoded";
        if (fileName.startsWith("escpos") || fileName.contains("printer")) return "What the ticket printer was sent";
        if (fileName.endsWith("-channel.txt")) return "What the air did to the sound (channel model)";
        if (fileName.contains("journal")) return "The reader's journal";
        if (fileName.startsWith("reader-events")) return "The reader's log: what it heard and decided, each refusal with its reason code";
        if (fileName.startsWith("settlement")) return "What settlement holds: ledger, double spends, revocations";
        return "Text evidence";
    }

    private static String read(Evidence.Item item) {
        try {
            return Files.readString(item.file());
        } catch (IOException e) {
            throw new UncheckedIOException("reading evidence " + item.file(), e);
        }
    }

    private String marks(ScenarioView s) {
        return marks(trends, s);
    }

    /** "newly failing" and "flaky in history" marks next to a scenario's outcome; none without history. */
    static String marks(Trends trends, ScenarioView s) {
        if (trends == null) return "";
        String key = s.historyKey();
        StringBuilder marks = new StringBuilder();
        if (trends.newlyFailing(key)) marks.append(" <span class=\"mark\" title=\"Passed in the previous run, fails now.\">newly failing</span>");
        if (trends.flaky(key) && s.result().outcome() != Outcome.FLAKY) {
            marks.append(" <span class=\"mark flaky\" title=\"Its outcome keeps changing across recent runs.\">flaky in history</span>");
        }
        return marks.toString();
    }

    static String fileName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String millis(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
