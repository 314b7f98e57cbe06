package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The report's structure, checked on the parsed pages rather than against their full text. */
class LivingSpecReportTest {

    @TempDir
    Path dir;

    private LivingSpecReport.Written written;

    @BeforeEach
    void writeTheReport() throws Exception {
        written = LivingSpecReport.write(dir, SampleRun.write(dir), SampleRun.context(), new History(dir.resolve("history")));
    }

    @Test
    void the_site_is_well_formed_self_contained_and_every_link_resolves() throws Exception {
        assertEquals(List.of(), SiteCheck.check(dir));
        for (String page : List.of("index.html", "feature-offline_purchase.html")) {
            String html = Files.readString(dir.resolve(page));
            assertFalse(html.contains("http://") && !html.contains("http://www.w3.org/"), page + " fetches nothing from the network");
            assertFalse(html.contains("https://"), page + " fetches nothing from the network");
            assertFalse(html.contains("<link ") || html.contains("<script src"), page + " carries its style and script inline");
        }
    }

    @Test
    void the_index_has_the_summary_a_table_of_contents_and_the_rig() throws Exception {
        Document index = parse("index.html");
        assertEquals("wavebench run on rig “sim”", text(first(index, "h1")));
        assertTrue(text(index.getDocumentElement()).contains("3 of 7 scenarios passed; 1 failed"), texts(index, "p").toString());
        List<String> tocLinks = attributes(index, "a", "href").stream().filter(h -> h.startsWith("feature-offline_purchase.html#s-")).distinct().toList();
        assertEquals(7, tocLinks.size(), "every scenario is in the table of contents: " + tocLinks);
        assertTrue(text(index.getDocumentElement()).contains("name: sim"), "the rig file's text is shown");
        assertTrue(text(index.getDocumentElement()).contains("0.1.0-test"), "versions are shown");
        assertTrue(text(index.getDocumentElement()).contains("This is the first run"), "no trend before there is history");
    }

    @Test
    void every_outcome_badge_carries_its_word_not_only_a_colour() throws Exception {
        Document index = parse("index.html");
        List<String> badges = new ArrayList<>();
        NodeList spans = index.getElementsByTagName("span");
        for (int i = 0; i < spans.getLength(); i++) {
            Element span = (Element) spans.item(i);
            if (span.getAttribute("class").startsWith("badge ")) {
                String label = span.getAttribute("class").substring("badge o-".length());
                assertTrue(text(span).endsWith(label), "badge " + label + " says " + text(span));
                badges.add(label);
            }
        }
        for (Outcome o : Outcome.values()) assertTrue(badges.contains(o.label()), o.label() + " appears with its badge");
    }

    @Test
    void a_feature_page_reads_as_documentation_with_steps_tables_and_doc_strings() throws Exception {
        Document page = parse("feature-offline_purchase.html");
        assertEquals("Offline purchase by sound", text(first(page, "h1")));
        List<String> paragraphs = texts(page, "p");
        assertTrue(paragraphs.contains("A shopper pays with a sound. Second line of the same paragraph."), "description lines join into one paragraph: " + paragraphs);
        assertTrue(paragraphs.contains("A second paragraph <with> & markup."), "markup in prose is text, not tags");
        assertEquals("sound", text(first(page, "code")), "`backticks` become code");

        Element purchase = page.getElementById("s-offline-purchase-L18-a-purchase");
        assertNotNull(purchase, "each scenario has its own anchor");
        String purchaseText = text(purchase);
        assertTrue(purchaseText.contains("Plain words about it."), "the scenario's description");
        assertTrue(purchaseText.contains("Background: 1 step, all passed"), "background steps are folded away when they passed");
        assertTrue(purchaseText.contains("Whenthe phone plays") || purchaseText.contains("When the phone plays"), purchaseText);
        assertTrue(purchaseText.contains("1.50"), "the data table");
        assertTrue(purchaseText.contains("THANK YOU\nENJOY"), "the doc string, as written");
        assertTrue(purchaseText.contains("1.50 s"), "each step's time");
    }

    @Test
    void a_failed_step_shows_its_message_and_the_trace_is_one_click_away() throws Exception {
        Element replay = parse("feature-offline_purchase.html").getElementById("s-offline-purchase-L25-a-replay");
        List<String> errors = new ArrayList<>();
        NodeList pres = replay.getElementsByTagName("pre");
        for (int i = 0; i < pres.getLength(); i++) if (((Element) pres.item(i)).getAttribute("class").equals("error")) errors.add(text(pres.item(i)));
        assertTrue(errors.get(0).startsWith("no DISPLAYED yet"), errors.toString());
        assertTrue(text(replay).contains("not reached"), "the skipped step says it was not reached");
        assertTrue(text(replay).contains("Full error and stack trace"), "the whole trace is behind a details element");
    }

    @Test
    void an_outline_is_shown_once_with_its_examples_table_and_each_row_outcome() throws Exception {
        Document page = parse("feature-offline_purchase.html");
        assertTrue(texts(page, "h2").stream().anyMatch(h -> h.equals("Scenario Outline: In a noisy place: <place>")), texts(page, "h2").toString());
        List<String> headers = texts(page, "th");
        assertTrue(headers.contains("place"), "the Examples header from the message stream: " + headers);
        assertTrue(texts(page, "td").containsAll(List.of("subway", "mall")));
        assertEquals(2, texts(page, "h3").stream().filter(h -> h.contains("In a noisy place:")).count(), "each row keeps its own section");
    }

    @Test
    void evidence_is_inline_sound_next_to_its_spectrogram_traces_folded_and_never_a_card_photo() throws Exception {
        Element purchase = parse("feature-offline_purchase.html").getElementById("s-offline-purchase-L18-a-purchase");
        Element audio = (Element) purchase.getElementsByTagName("audio").item(0);
        assertEquals("evidence/offline-purchase-L18-a-purchase/air.wav", audio.getAttribute("src"));
        Element figure = (Element) audio.getParentNode();
        assertEquals("evidence/offline-purchase-L18-a-purchase/air.png", ((Element) figure.getElementsByTagName("img").item(0)).getAttribute("src"));
        assertTrue(text(purchase).contains("VEND APPROVED <150>"), "the decoded MDB trace is shown");
        NodeList pres = purchase.getElementsByTagName("pre");
        for (int i = 0; i < pres.getLength(); i++) {
            if (text(pres.item(i)).contains("VEND APPROVED")) assertEquals("details", pres.item(i).getParentNode().getNodeName(), "traces are folded in details");
        }
        assertTrue(attributes(purchase, "img", "src").contains("evidence/offline-purchase-L18-a-purchase/camera%20frame%201.png"), "other pictures inline");
        for (String page : List.of("index.html", "feature-offline_purchase.html", "junit.xml")) {
            assertFalse(Files.readString(dir.resolve(page)).contains("card-front"), page + " must never name or show a card photo");
        }
    }

    @Test
    void measurements_are_tabled_against_their_limits() throws Exception {
        Element purchase = parse("feature-offline_purchase.html").getElementById("s-offline-purchase-L18-a-purchase");
        String text = text(purchase);
        assertTrue(text.contains("vend latency142 ms≤ 300 msPASS"), text);
        assertTrue(text.contains("in-band SNR8.5 dB≥ 8 dBMARGINAL"), "within 10 % of the limit is marginal");
    }

    @Test
    void the_run_is_kept_in_history_and_a_second_run_shows_trends_and_newly_failing() throws Exception {
        assertNotNull(written.historyRecord());
        assertFalse(written.trends().hasHistory());
        // A second run in which "A purchase" fails: it is newly failing.
        RunResult first = SampleRun.write(dir);
        List<ScenarioResult> changed = new ArrayList<>();
        for (ScenarioResult s : first.scenarios()) {
            changed.add(s.name().equals("A purchase") ? new ScenarioResult(s.feature(), s.featureUri(), s.line(), s.name(), s.tags(), Outcome.FAIL, s.duration(),
                    s.steps(), s.attachments(), "it broke", s.keyword(), s.description(), s.outlineId()) : s);
        }
        LivingSpecReport.Written second = LivingSpecReport.write(dir, new RunResult(changed, first.features()), SampleRun.context(), new History(dir.resolve("history")));
        assertEquals(List.of("offline_purchase.feature › A purchase"), second.trends().newlyFailing());
        Document index = parse("index.html");
        assertTrue(texts(index, "span").contains("newly failing"));
        assertEquals(1 + 2, index.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength(), "pass rate and each measurement as inline SVG");
        assertTrue(text(index.getDocumentElement()).contains("Pass rate 50 % (previous 67 %, commit ?)"), text(index.getDocumentElement()));
        assertEquals(List.of(), SiteCheck.check(dir));
    }

    private Document parse(String page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(dir.resolve(page).toFile());
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id")) e.setIdAttribute("id", true);
        }
        return doc;
    }

    private static Element first(Document doc, String tag) {
        return (Element) doc.getElementsByTagName(tag).item(0);
    }

    private static String text(Node node) {
        return node.getTextContent();
    }

    private static List<String> texts(Document doc, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) texts.add(nodes.item(i).getTextContent().strip());
        return texts;
    }

    private static List<String> attributes(Object root, String tag, String attribute) {
        NodeList nodes = root instanceof Document d ? d.getElementsByTagName(tag) : ((Element) root).getElementsByTagName(tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) values.add(((Element) nodes.item(i)).getAttribute(attribute));
        return values;
    }
}
