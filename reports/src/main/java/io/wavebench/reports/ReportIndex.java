package io.wavebench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The report folder's front page: what ran, on which rig, each scenario's outcome, and links to
 * Cucumber's own HTML report, the JUnit XML and each scenario's evidence files.
 */
public final class ReportIndex {

    private ReportIndex() {}

    public static Path write(Path reportDir, RunResult run, String rigName, Map<String, String> facts) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>wavebench run — ")
                .append(esc(rigName)).append("</title><style>")
                .append("body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}")
                .append("table{border-collapse:collapse;width:100%}td,th{padding:.35em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}")
                .append(".PASS{color:#176c2e;font-weight:600}.FAIL,.INFRA-ERROR{color:#b3261e;font-weight:600}.ABORTED,.FLAKY{color:#8a6100;font-weight:600}")
                .append("pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em;font-size:13px}img{max-width:100%}")
                .append("</style></head><body>");
        html.append("<h1>wavebench run</h1><p>").append(esc(run.summaryLine())).append("</p><ul>");
        html.append("<li>rig: <b>").append(esc(rigName)).append("</b></li>");
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            html.append("<li>").append(esc(fact.getKey())).append(": ").append(esc(fact.getValue())).append("</li>");
        }
        html.append("<li>written: ").append(Instant.now()).append("</li>");
        html.append("<li><a href=\"cucumber.html\">Cucumber report</a> · <a href=\"cucumber.json\">JSON</a> · <a href=\"junit.xml\">JUnit XML</a></li></ul>");
        html.append("<table><tr><th>outcome</th><th>scenario</th><th>time</th><th>evidence</th></tr>");
        for (ScenarioResult s : run.scenarios()) {
            html.append("<tr><td class=\"").append(s.outcome().label()).append("\">").append(s.outcome().label()).append("</td><td>")
                    .append(esc(s.feature())).append(" › <b>").append(esc(s.name())).append("</b>");
            if (s.error() != null) html.append("<pre>").append(esc(firstLines(s.error(), 12))).append("</pre>");
            html.append("</td><td>").append(String.format("%.1f s", s.duration().toMillis() / 1000.0)).append("</td><td>");
            for (Path file : evidence(reportDir, s)) {
                String rel = reportDir.relativize(file).toString();
                if (rel.endsWith(".png")) html.append("<a href=\"").append(esc(rel)).append("\"><img src=\"").append(esc(rel)).append("\" alt=\"").append(esc(file.getFileName().toString())).append("\" width=\"320\"></a><br>");
                else html.append("<a href=\"").append(esc(rel)).append("\">").append(esc(file.getFileName().toString())).append("</a><br>");
            }
            html.append("</td></tr>");
        }
        html.append("</table></body></html>\n");
        Path index = reportDir.resolve("index.html");
        Files.writeString(index, html);
        return index;
    }

    /** Evidence files that the run wrote under {@code evidence/<scenario slug>/}. */
    static List<Path> evidence(Path reportDir, ScenarioResult s) throws IOException {
        Path dir = reportDir.resolve("evidence").resolve(EvidenceNames.slug(s.featureUri(), s.line(), s.name()));
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static String firstLines(String text, int n) {
        return text.lines().limit(n).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
