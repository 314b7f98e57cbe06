package io.wavebench.cli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.wavebench.cli.catalog.StepCatalogReader;
import io.wavebench.reports.StepCatalog;
import io.wavebench.reports.StepCatalogMarkdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/steps.md} is the catalogue of the glue as it is: regenerated here in-process from a
 * Cucumber dry run over the specification and the step sources' doc comments, and compared line by
 * line. A step added, renamed, documented or used elsewhere without regenerating the file fails here.
 */
class StepCatalogUpToDateTest {

    /** The module's tests run in cli/; the file and the glue's sources are the repository's. */
    static final Path STEPS_MD = Path.of("..", "docs", "steps.md");

    private static StepCatalog catalog;

    @BeforeAll
    static void readTheGlue() {
        catalog = StepCatalogReader.read(StepCatalogReader.Request.wavebench(Path.of("..", "features", "src", "main", "java"), StepCatalogUpToDateTest.class.getClassLoader()));
    }

    @Test
    void docs_steps_md_is_the_catalogue_of_the_glue() throws IOException {
        String fresh = StepCatalogMarkdown.of(catalog);
        String onDisk = Files.isRegularFile(STEPS_MD) ? Files.readString(STEPS_MD, StandardCharsets.UTF_8) : "";
        if (fresh.equals(onDisk)) return;
        List<String> want = fresh.lines().toList();
        List<String> have = onDisk.lines().toList();
        int i = 0;
        while (i < want.size() && i < have.size() && want.get(i).equals(have.get(i))) i++;
        StringBuilder message = new StringBuilder("docs/steps.md" + (onDisk.isEmpty() ? " is missing" : " is not the catalogue of the glue") + "; first difference at line "
                + (i + 1) + ":\n");
        for (int k = i; k < Math.min(i + 3, Math.max(want.size(), have.size())); k++) {
            message.append("  line ").append(k + 1).append(" in the file:  ").append(k < have.size() ? have.get(k) : "(end of file)").append('\n');
            message.append("  line ").append(k + 1).append(" generated:    ").append(k < want.size() ? want.get(k) : "(end of file)").append('\n');
        }
        message.append("regenerate it from the checkout's root with: ").append(StepCatalogMarkdown.REGENERATE);
        fail(message.toString());
    }

    /** The catalogue's steps are the public surface a team reuses: each says what it does and what it assumes of the rig. */
    @Test
    void every_step_of_wavebench_has_a_doc_comment() {
        List<String> undocumented = catalog.undocumented().stream().map(e -> e.shortLocation() + " \"" + e.pattern() + "\"").toList();
        assertEquals(List.of(), undocumented, undocumented.size() + " steps have no doc comment");
    }
}
