package io.wavebench.reports;

import java.util.List;
import java.util.Map;

/**
 * A {@link StepCatalog} as Markdown ({@code docs/steps.md}): a header with the counts, a table of
 * contents by step class, then each class's steps with explicit anchors. The text depends only on
 * the glue, its doc comments and the features (no time, no absolute path), so a test can compare a
 * fresh one with the file in the repository.
 */
public final class StepCatalogMarkdown {

    /** The command that writes {@code docs/steps.md}, as the file and the up-to-date test say it. */
    public static final String REGENERATE = "./wavebench steps --markdown > docs/steps.md";

    private StepCatalogMarkdown() {}

    public static String of(StepCatalog catalog) {
        StringBuilder md = new StringBuilder();
        Map<String, List<StepCatalog.Entry>> byClass = catalog.byClass();
        md.append("# Step catalogue\n\n");
        md.append("Every step a feature can use, generated from the glue itself by `").append(REGENERATE).append("`;\n")
                .append("a test fails when this file and the glue differ. Usages are Cucumber's own matching of the features\n")
                .append("(").append(String.join(", ", catalog.features().stream().map(f -> "`" + f + "`").toList())).append(").\n\n");
        md.append(catalog.entries().size()).append(" steps in ").append(byClass.size()).append(" classes; ")
                .append(catalog.unused().size()).append(" unused; ").append(catalog.undocumented().size()).append(" undocumented.\n\n");
        md.append("## Contents\n\n");
        byClass.forEach((cls, entries) -> {
            md.append("- [").append(StepCatalog.simpleName(cls)).append("](#").append(StepCatalog.classAnchor(cls)).append(") (")
                    .append(entries.size()).append(")\n");
            for (StepCatalog.Entry e : entries) {
                md.append("  - [").append(e.keyword()).append(' ').append(inline(e.pattern())).append("](#").append(e.anchor()).append(")")
                        .append(e.unused() ? " — unused" : "").append("\n");
            }
        });
        byClass.forEach((cls, entries) -> {
            md.append("\n<a id=\"").append(StepCatalog.classAnchor(cls)).append("\"></a>\n\n## ").append(StepCatalog.simpleName(cls)).append("\n\n")
                    .append("`").append(cls).append("`\n");
            for (StepCatalog.Entry e : entries) entry(md, e);
        });
        return md.toString();
    }

    private static void entry(StringBuilder md, StepCatalog.Entry e) {
        md.append("\n<a id=\"").append(e.anchor()).append("\"></a>\n\n### ").append(e.keyword()).append(' ').append(code(e.pattern())).append("\n\n");
        md.append(e.documented() ? prose(e.doc().strip()) : "*Undocumented.*").append("\n\n");
        md.append("- Parameters: ").append(e.parameterTypes().isEmpty() ? "none" : String.join(", ", e.parameterTypes().stream().map(StepCatalogMarkdown::code).toList()))
                .append("\n");
        md.append("- Example: ").append(e.unused() ? "—" : code(e.example()) + " (" + e.usages().get(0) + ")").append("\n");
        md.append("- Used: ").append(e.unused() ? "**unused** — no feature uses this step" : e.usages().size() + " × " + String.join(", ", e.usages())).append("\n");
        md.append("- Defined in: `").append(e.shortLocation()).append("`\n");
    }

    /** Doc text as Markdown: a {@code <} outside `code` would open an HTML tag and hide what follows. */
    static String prose(String text) {
        String[] parts = text.split("`", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) out.append('`');
            out.append(i % 2 == 0 ? parts[i].replace("<", "&lt;") : parts[i]);
        }
        return out.toString();
    }

    /** A code span that survives backticks inside the text. */
    static String code(String text) {
        String fence = text.contains("`") ? "``" : "`";
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    /** Text in a link label: brackets would end the label early. */
    private static String inline(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
    }
}
