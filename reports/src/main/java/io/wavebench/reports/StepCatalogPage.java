package io.wavebench.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The step catalogue as the report's searchable page, {@code steps.html}: every step by class,
 * with its doc, parameter types, an example and its usages, and a search over them. Like the
 * index's filters, the search is plain inline script (the page opens from {@code file://} with no
 * server and no CDN); without script the controls stay hidden and every step is listed.
 */
public final class StepCatalogPage {

    public static final String FILE = "steps.html";

    private StepCatalogPage() {}

    /** Writes {@code steps.html} into the report folder, with a link back to the report's index. */
    public static Path write(Path reportDir, StepCatalog catalog) throws IOException {
        Files.createDirectories(reportDir);
        Path page = reportDir.resolve(FILE);
        Files.writeString(page, html(catalog, true), StandardCharsets.UTF_8);
        return page;
    }

    /** The page alone (no link to a report), as {@code wavebench steps --html} prints it. */
    public static String html(StepCatalog catalog) {
        return html(catalog, false);
    }

    private static String html(StepCatalog catalog, boolean inReport) {
        Map<String, List<StepCatalog.Entry>> byClass = catalog.byClass();
        StringBuilder html = new StringBuilder("<main>");
        if (inReport) html.append("<div class=\"crumbs\"><a href=\"index.html\">← the report</a></div>");
        html.append("<h1>Step catalogue</h1>");
        html.append("<p class=\"meta\">").append(catalog.entries().size()).append(" steps in ").append(byClass.size()).append(" classes; ")
                .append(catalog.unused().size()).append(" unused; ").append(catalog.undocumented().size()).append(" undocumented. Usages are Cucumber's own matching of ")
                .append(Html.esc(String.join(", ", catalog.features()))).append(".</p>");
        html.append("<div id=\"filters\" class=\"filters\" hidden=\"hidden\"><label>Search <input id=\"f-text\" type=\"search\" ")
                .append("placeholder=\"words in patterns, docs, examples, classes\"/></label> <label><input id=\"f-unused\" type=\"checkbox\"/> unused only</label> ")
                .append("<label><input id=\"f-undoc\" type=\"checkbox\"/> undocumented only</label> <span id=\"f-count\" class=\"meta\"></span></div>");
        html.append("<nav class=\"toc\"><ol>");
        byClass.forEach((cls, entries) -> html.append("<li><a href=\"#").append(StepCatalog.classAnchor(cls)).append("\">")
                .append(Html.esc(StepCatalog.simpleName(cls))).append("</a> <span class=\"meta\">(").append(entries.size()).append(")</span></li>"));
        html.append("</ol></nav>");
        byClass.forEach((cls, entries) -> {
            html.append("<section class=\"sc-class\" id=\"").append(StepCatalog.classAnchor(cls)).append("\"><h2>").append(Html.esc(StepCatalog.simpleName(cls)))
                    .append("</h2><p class=\"meta\"><code>").append(Html.esc(cls)).append("</code></p>");
            for (StepCatalog.Entry e : entries) entry(html, e);
            html.append("</section>");
        });
        html.append("<script>//<![CDATA[\n").append(SEARCH_SCRIPT).append("\n//]]></script></main>");
        return Html.page("Step catalogue", html.toString());
    }

    private static void entry(StringBuilder html, StepCatalog.Entry e) {
        html.append("<div class=\"step-def\" id=\"").append(e.anchor()).append("\" data-unused=\"").append(e.unused()).append("\" data-undoc=\"")
                .append(!e.documented()).append("\" data-text=\"").append(Html.esc(searchText(e))).append("\">");
        html.append("<h3><span class=\"kw\">").append(Html.esc(e.keyword())).append("</span> <code>").append(Html.esc(e.pattern())).append("</code>");
        if (e.unused()) html.append(" <span class=\"mark\">unused</span>");
        html.append("</h3>");
        if (e.documented()) {
            for (String p : e.doc().split("\n\n")) html.append("<p>").append(Html.prose(p)).append("</p>");
        } else {
            html.append("<p class=\"meta\"><i>Undocumented.</i></p>");
        }
        html.append("<table class=\"data\">");
        row(html, "Parameters", e.parameterTypes().isEmpty() ? "none" : String.join(" ", e.parameterTypes().stream().map(t -> "<code>" + Html.esc(t) + "</code>").toList()));
        row(html, "Example", e.unused() ? "—" : "<code>" + Html.esc(e.example()) + "</code> <span class=\"meta\">(" + Html.esc(e.usages().get(0)) + ")</span>");
        if (e.unused()) {
            row(html, "Used", "<b>unused</b>: no feature uses this step");
        } else {
            row(html, "Used", "<details><summary>" + e.usages().size() + (e.usages().size() == 1 ? " line" : " lines") + "</summary>"
                    + String.join(", ", e.usages().stream().map(u -> "<code>" + Html.esc(u) + "</code>").toList()) + "</details>");
        }
        row(html, "Defined in", "<code>" + Html.esc(e.shortLocation()) + "</code>");
        html.append("</table></div>");
    }

    private static void row(StringBuilder html, String name, String cellHtml) {
        html.append("<tr><th>").append(name).append("</th><td>").append(cellHtml).append("</td></tr>");
    }

    /** What the search looks through, lower case. */
    private static String searchText(StepCatalog.Entry e) {
        return String.join(" ", e.keyword(), e.pattern(), e.doc(), e.example(), e.shortLocation(), String.join(" ", e.usages()))
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Shows the controls and hides the steps they leave out; every word searched for must appear. */
    static final String SEARCH_SCRIPT = """
            (function () {
              var box = document.getElementById('filters');
              if (!box || !document.querySelectorAll) return;
              box.removeAttribute('hidden');
              var text = document.getElementById('f-text'), unused = document.getElementById('f-unused');
              var undoc = document.getElementById('f-undoc'), count = document.getElementById('f-count');
              var steps = document.querySelectorAll('div.step-def');
              function apply() {
                var words = text.value.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
                var shown = 0;
                steps.forEach(function (s) {
                  var ok = (!unused.checked || s.getAttribute('data-unused') === 'true')
                      && (!undoc.checked || s.getAttribute('data-undoc') === 'true')
                      && words.every(function (w) { return s.getAttribute('data-text').indexOf(w) >= 0; });
                  s.hidden = !ok;
                  if (ok) shown++;
                });
                document.querySelectorAll('section.sc-class').forEach(function (c) {
                  c.hidden = !c.querySelector('div.step-def:not([hidden])');
                });
                count.textContent = shown + ' of ' + steps.length + ' steps shown';
              }
              [text, unused, undoc].forEach(function (e) {
                e.addEventListener('input', apply);
                e.addEventListener('change', apply);
              });
              apply();
            })();""";
}
