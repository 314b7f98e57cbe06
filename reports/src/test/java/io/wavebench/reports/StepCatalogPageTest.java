package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue as the report's page and as docs/steps.md: what a reader of each must find. */
class StepCatalogPageTest {

    static final StepCatalog CATALOG = new StepCatalog(List.of("classpath:com/acme"), List.of(
            new StepCatalog.Entry(List.of("Given"), "a tray holding {int} coins of {string}", List.of("{int}", "{string}"),
                    "Puts `count` coins in the tray.\n\nAssumes a <simulated> machine & nothing else.", "Given a tray holding 3 coins of \"EUR\"",
                    List.of("tray.feature:3", "tray.feature:9"), "com.acme.steps.TraySteps.aTray(int,java.lang.String)"),
            new StepCatalog.Entry(List.of("Then"), "the tray is empty", List.of(), "", "", List.of(), "com.acme.steps.TraySteps.theTrayIsEmpty()"),
            new StepCatalog.Entry(List.of("When"), "^the shopper takes (\\d+) coins?$", List.of("(\\d+)"), "Takes coins.", "When the shopper takes 2 coins",
                    List.of("tray.feature:6"), "com.acme.steps.ShopperSteps.takes(int)")));

    @Test
    void the_page_is_well_formed_links_inside_the_report_and_lists_every_step(@TempDir Path report) throws Exception {
        Files.writeString(report.resolve("index.html"), "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body/></html>");
        Path page = StepCatalogPage.write(report, CATALOG);
        String html = Files.readString(page);
        assertAll(
                () -> assertEquals(report.resolve("steps.html"), page),
                () -> assertEquals(List.of(), SiteCheck.check(report), "the report's own page checks"),
                () -> assertTrue(html.contains("id=\"traysteps-atray\""), "an anchor per step"),
                () -> assertTrue(html.contains("id=\"shoppersteps\""), "an anchor per class"),
                () -> assertTrue(html.contains("<code>count</code>"), "backticks in a doc become code"),
                () -> assertTrue(html.contains("&lt;simulated&gt; machine &amp; nothing"), "doc text is escaped"),
                () -> assertTrue(html.contains("data-unused=\"true\" data-undoc=\"true\""), "the unused, undocumented step is marked for the filters"),
                () -> assertTrue(html.contains("<span class=\"mark\">unused</span>")),
                () -> assertTrue(html.contains("<i>Undocumented.</i>")),
                () -> assertTrue(html.contains("<code>Given a tray holding 3 coins of &quot;EUR&quot;</code> <span class=\"meta\">(tray.feature:3)</span>")),
                () -> assertTrue(html.contains("<code>TraySteps.aTray</code>")),
                () -> assertTrue(html.contains("<a href=\"index.html\">"), "a way back to the report"),
                () -> assertTrue(html.contains("3 steps in 2 classes; 1 unused; 1 undocumented")),
                () -> assertTrue(!html.contains("http://") || html.indexOf("http://") == html.indexOf("http://www.w3.org/1999/xhtml"), "nothing from the network"));
    }

    @Test
    void the_page_alone_has_no_link_to_a_report() {
        assertTrue(!StepCatalogPage.html(CATALOG).contains("index.html"));
    }

    @Test
    void markdown_groups_by_class_with_contents_anchors_and_the_command_that_writes_it() {
        String md = StepCatalogMarkdown.of(CATALOG);
        assertAll(
                () -> assertTrue(md.startsWith("# Step catalogue\n"), md),
                () -> assertTrue(md.contains("`./wavebench steps --markdown > docs/steps.md`"), md),
                () -> assertTrue(md.contains("3 steps in 2 classes; 1 unused; 1 undocumented."), md),
                () -> assertTrue(md.contains("- [ShopperSteps](#shoppersteps) (1)\n  - [When ^the shopper takes (\\\\d+) coins?$](#shoppersteps-takes)\n"), md),
                () -> assertTrue(md.contains("  - [Then the tray is empty](#traysteps-thetrayisempty) — unused\n"), md),
                () -> assertTrue(md.indexOf("## TraySteps") < md.indexOf("## ShopperSteps"), "classes in the catalogue's order"),
                () -> assertTrue(md.contains("<a id=\"traysteps-atray\"></a>\n\n### Given `a tray holding {int} coins of {string}`\n\nPuts `count` coins in the tray.\n\n"
                        + "Assumes a &lt;simulated> machine & nothing else.\n\n- Parameters: `{int}`, `{string}`\n"
                        + "- Example: `Given a tray holding 3 coins of \"EUR\"` (tray.feature:3)\n- Used: 2 × tray.feature:3, tray.feature:9\n"
                        + "- Defined in: `TraySteps.aTray`\n"), md),
                () -> assertTrue(md.contains("*Undocumented.*\n\n- Parameters: none\n- Example: —\n- Used: **unused** — no feature uses this step\n"), md));
    }
}
