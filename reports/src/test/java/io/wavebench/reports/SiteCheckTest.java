package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser-free checks find what would show as a broken page. */
class SiteCheckTest {

    @TempDir
    Path dir;

    private List<String> check(String body) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>" + body + "</body></html>");
        Files.writeString(dir.resolve("there.png"), "png");
        return SiteCheck.check(dir);
    }

    @Test
    void a_clean_page_passes() throws Exception {
        assertEquals(List.of(), check("<p id=\"a\"><a href=\"#a\">self</a><img src=\"there.png\" alt=\"\"/><a href=\"index.html#a\">again</a></p>"));
    }

    @Test
    void finds_unclosed_tags_duplicate_ids_missing_files_network_urls_and_card_photos() throws Exception {
        assertTrue(check("<p>open").get(0).contains("not well-formed"));
        assertTrue(check("<p id=\"x\"/><p id=\"x\"/>").get(0).contains("id 'x' used twice"));
        assertTrue(check("<img src=\"gone.png\" alt=\"\"/>").get(0).contains("missing file"));
        assertTrue(check("<a href=\"#nowhere\">x</a>").get(0).contains("points at no id"));
        assertTrue(check("<script src=\"https://cdn.example/x.js\"/>").get(0).contains("leaves the report folder"));
        assertTrue(check("<a href=\"../../etc/passwd\">x</a>").get(0).contains("outside the report folder"));
        Files.writeString(dir.resolve("card-front.png"), "png");
        assertTrue(check("<img src=\"card-front.png\" alt=\"\"/>").get(0).contains("card photo"));
    }
}
