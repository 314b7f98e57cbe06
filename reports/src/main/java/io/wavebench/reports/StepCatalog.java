package io.wavebench.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every step definition of a glue, as a team reads it before writing a scenario: its keyword(s),
 * pattern, parameter types and doc comment, an example line from the features, and the feature
 * lines that use it. Built by the features' catalogue reader from a Cucumber dry run (so usages
 * are exactly Cucumber's matching); written as {@code docs/steps.md} ({@link StepCatalogMarkdown})
 * and as the report's {@code steps.html} ({@link StepCatalogPage}).
 *
 * @param features where the features came from, as the catalogue was asked for them (for the header)
 * @param entries the step definitions, in the order they are listed: by step class, then by line
 */
public record StepCatalog(List<String> features, List<Entry> entries) {

    public StepCatalog {
        features = List.copyOf(features);
        entries = List.copyOf(entries);
    }

    /**
     * One step definition.
     *
     * @param keywords the annotations that define it, e.g. {@code Given}; {@code Step} when unknown
     * @param pattern the Cucumber expression or regular expression
     * @param parameterTypes the expression's parameter types ({@code {int}}, {@code {money}}) or the regex's groups
     * @param doc the definition's doc comment as plain text, paragraphs separated by a blank line; empty when undocumented
     * @param example the first feature line that uses it, keyword included; empty when unused
     * @param usages every feature line it matched, {@code file.feature:LINE}, in feature order
     * @param location the definition's code location as Cucumber gives it: {@code pkg.Class.method(types)}
     */
    public record Entry(List<String> keywords, String pattern, List<String> parameterTypes, String doc, String example, List<String> usages,
            String location) {

        public Entry {
            keywords = List.copyOf(keywords);
            parameterTypes = List.copyOf(parameterTypes);
            doc = doc == null ? "" : doc;
            example = example == null ? "" : example;
            usages = List.copyOf(usages);
        }

        public boolean unused() {
            return usages.isEmpty();
        }

        public boolean documented() {
            return !doc.isBlank();
        }

        /** The step class's fully qualified name, from the location. */
        public String stepClass() {
            String beforeArgs = location.contains("(") ? location.substring(0, location.indexOf('(')) : location;
            int dot = beforeArgs.lastIndexOf('.');
            return dot < 0 ? beforeArgs : beforeArgs.substring(0, dot);
        }

        /** {@code Class.method}, as a reader looks for it in the sources. */
        public String shortLocation() {
            String beforeArgs = location.contains("(") ? location.substring(0, location.indexOf('(')) : location;
            String cls = stepClass();
            return simpleName(cls) + beforeArgs.substring(cls.length());
        }

        /** A stable anchor for links: the class and the method, lower case. */
        public String anchor() {
            return shortLocation().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }

        /** The keyword a catalogue line shows: {@code Given}, or {@code Given/When} for a step with two. */
        public String keyword() {
            return keywords.isEmpty() ? "Step" : String.join("/", keywords);
        }
    }

    /** The entries by step class (fully qualified name), in listing order. */
    public Map<String, List<Entry>> byClass() {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry e : entries) groups.computeIfAbsent(e.stepClass(), k -> new ArrayList<>()).add(e);
        return groups;
    }

    public List<Entry> unused() {
        return entries.stream().filter(Entry::unused).toList();
    }

    public List<Entry> undocumented() {
        return entries.stream().filter(e -> !e.documented()).toList();
    }

    /** A class's name without its package, as the catalogue's headings show it. */
    public static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The class's anchor in the catalogue. */
    public static String classAnchor(String className) {
        return simpleName(className).toLowerCase(Locale.ROOT);
    }
}
