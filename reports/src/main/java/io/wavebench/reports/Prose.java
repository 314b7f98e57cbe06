package io.wavebench.reports;

import java.util.ArrayList;
import java.util.List;

/** Gherkin free text (feature and scenario descriptions) turned into paragraphs a person reads. */
final class Prose {

    private Prose() {}

    /** Removes the indentation the feature file gives every line, keeping blank lines. */
    static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        return out.toString().strip();
    }

    /** Paragraphs: blank-line separated blocks, each joined into one line (the file wraps them at its width). */
    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.strip().split("\\n\\s*\\n")) {
            String joined = block.strip().replaceAll("\\s*\\n\\s*", " ");
            if (!joined.isEmpty()) paragraphs.add(joined);
        }
        return paragraphs;
    }
}
