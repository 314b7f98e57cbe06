package io.wavebench.reports;

import java.util.List;

/**
 * The report's HTML is written as XHTML-compatible markup (every element closed, only the five
 * XML entities), so the JDK's XML parser can check the same pages a browser shows
 * ({@link SiteCheck}) and no HTML library is needed (DESIGN §2: reports depends on nothing).
 */
final class Html {

    private Html() {}

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters; a stray one in an error message must not break the page.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') out.append('\uFFFD');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** Escaped prose where `backticks` become code, as feature files write rig-file keys. */
    static String prose(String text) {
        return esc(text).replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    static String paragraphs(String description) {
        StringBuilder html = new StringBuilder();
        for (String p : Prose.paragraphs(description)) html.append("<p>").append(prose(p)).append("</p>");
        return html.toString();
    }

    /** An outcome as a badge: colour, a symbol and the word, so it reads without colour too. */
    static String badge(Outcome o) {
        return "<span class=\"badge o-" + o.label() + "\" title=\"" + esc(meaning(o)) + "\">" + symbol(o) + " " + o.label() + "</span>";
    }

    static String symbol(Outcome o) {
        return switch (o) {
            case PASS -> "✔";
            case FAIL -> "✘";
            case INFRA_ERROR -> "⚠";
            case ABORTED -> "⊘";
            case FLAKY -> "↻";
            case SPEC_ERROR -> "✎";
            case NOT_RUN -> "◌";
        };
    }

    /** What each outcome means, in words a reader of the specification uses (DESIGN §3). */
    static String meaning(Outcome o) {
        return switch (o) {
            case PASS -> "The reader did what the specification says.";
            case FAIL -> "The reader did not do what the specification says: the product is wrong.";
            case INFRA_ERROR -> "The test bench was broken (a port gone, a device missing): nothing is known about the reader.";
            case ABORTED -> "Not run: this rig lacks something the scenario needs.";
            case FLAKY -> "Failed, then passed when run again: works, but not reliably.";
            case SPEC_ERROR -> "The specification is wrong (a step not written, pending or matched twice): nothing is known about the reader.";
            case NOT_RUN -> "The run was stopped before this scenario finished: nothing is known about it.";
        };
    }

    static String stepStatus(String cucumberStatus) {
        return switch (cucumberStatus) {
            case "passed" -> "<span class=\"st st-passed\">✔ passed</span>";
            case "failed" -> "<span class=\"st st-failed\">✘ failed</span>";
            case "skipped" -> "<span class=\"st st-skipped\">– not reached</span>";
            case "undefined" -> "<span class=\"st st-skipped\">? not written yet</span>";
            case "pending" -> "<span class=\"st st-skipped\">… pending</span>";
            default -> "<span class=\"st st-skipped\">" + esc(cucumberStatus) + "</span>";
        };
    }

    static String table(List<List<String>> rows, boolean header) {
        StringBuilder html = new StringBuilder("<table class=\"data\">");
        for (int r = 0; r < rows.size(); r++) {
            String cell = header && r == 0 ? "th" : "td";
            html.append("<tr>");
            for (String c : rows.get(r)) html.append('<').append(cell).append('>').append(esc(c)).append("</").append(cell).append('>');
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>" + esc(title) + "</title><style>"
                + Style.CSS + "</style></head><body>" + body + "</body></html>\n";
    }
}
