package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The index as a reader of the specification and of a failed run uses it: filters and a search
 * that need no server, the figures that failed, what the rig saw beside an error, and what ran.
 */
class IndexPageTest {

    @TempDir
    Path dir;

    private static final String RIG_SAW = "air: 3 soundings, SNR in band -4.1 dB (profile robust)\nreader: LISTENING, no frame\nbus: POLL/ACK only, no VEND REQUEST";

    private RunResult run() throws Exception {
        RunResult run = SampleRun.writeEveryOutcome(dir);
        ScenarioResult replay = run.scenarios().stream().filter(s -> s.name().equals("A replay")).findFirst().orElseThrow();
        Path folder = Evidence.folder(dir, replay);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(ScenarioView.RIG_SAW), RIG_SAW + "\n");
        WrittenMeasurements.append(folder, WrittenMeasurements.atMost("vend latency, fast profile", 444, "ms", 300, Measurement.Verdict.FAIL));
        return run;
    }

    private static RunContext context() {
        RunContext sample = SampleRun.context();
        Map<String, String> facts = new LinkedHashMap<>(sample.facts());
        facts.put(RunContext.COMMIT, "3f2a1bc");
        facts.put(RunContext.READER, "manufacturer ACM, serial 000000000001, model WAVEBENCH-RDR, software 0x0102");
        facts.put(RunContext.TAGS, "(all scenarios)");
        return new RunContext(sample.rigName(), sample.rigLocation(), sample.rigFileText(), sample.started(), sample.wall(), facts);
    }

    /** A line as the rig writes it when the reader goes BROKEN (fixtures' BrokenDevices): the format both sides keep. */
    static final String BROKEN_READER_LINE = "{\"rig\":\"bench\",\"device\":\"the reader on MDB port /dev/ttyUSB0\",\"since\":\"2026-12-06T19:40:00Z\","
            + "\"reason\":\"VMC on /dev/ttyUSB0: did not reach READER_ENABLED within 10000 ms; last seen: state NO_READER, last events [NO_RESPONSE]\"}";

    @Test
    void the_index_names_each_device_that_went_broken_during_the_run_with_its_reason() throws Exception {
        RunResult run = run();
        Files.writeString(dir.resolve(BrokenDevice.FILE), BROKEN_READER_LINE + "\n");
        LivingSpecReport.write(dir, run, context(), null);
        assertEquals(List.of(), SiteCheck.check(dir), "well-formed, self-contained, every link resolves");
        Document index = parse(dir.resolve("index.html"));
        Element section = byId(index, "broken-devices");
        assertTrue(section != null, "a section for the BROKEN devices");
        assertEquals("1 device went BROKEN during the run", section.getTextContent());
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<b>the reader on MDB port /dev/ttyUSB0</b> (rig “bench”) since 2026-12-06T19:40:00Z: <code>VMC on /dev/ttyUSB0: did not reach READER_ENABLED within 10000 ms; last seen: state NO_READER, last events [NO_RESPONSE]</code>"),
                html);
    }

    @Test
    void a_run_with_no_broken_device_shows_no_such_section() throws Exception {
        LivingSpecReport.write(dir, run(), context(), null);
        assertTrue(byId(parse(dir.resolve("index.html")), "broken-devices") == null);
    }

    @Test
    void the_index_filters_by_outcome_tag_and_feature_and_searches_scenario_text_offline() throws Exception {
        LivingSpecReport.write(dir, run(), context(), null);
        assertEquals(List.of(), SiteCheck.check(dir), "well-formed, self-contained, every link resolves");
        Document index = parse(dir.resolve("index.html"));
        Element filters = byId(index, "filters");
        assertEquals("hidden", filters.getAttribute("hidden"), "without script the controls stay hidden and everything is listed");
        for (String id : List.of("f-outcome", "f-tag", "f-feature", "f-text")) assertTrue(byId(index, id) != null, id);
        List<String> outcomes = options(byId(index, "f-outcome"));
        assertTrue(outcomes.containsAll(List.of("PASS", "FAIL", "INFRA-ERROR", "ABORTED", "FLAKY", "SPEC-ERROR", "NOT-RUN")), outcomes::toString);
        assertTrue(options(byId(index, "f-tag")).contains("@acoustic"));
        assertEquals(List.of("", "Offline purchase by sound", "Offline trust"), options(byId(index, "f-feature")));

        List<Element> items = new ArrayList<>();
        NodeList lis = index.getElementsByTagName("li");
        for (int i = 0; i < lis.getLength(); i++) if (((Element) lis.item(i)).getAttribute("class").equals("sc")) items.add((Element) lis.item(i));
        assertEquals(12, items.size(), "every scenario is listed and filterable");
        Element purchase = items.stream().filter(e -> e.getTextContent().contains("A purchase")).findFirst().orElseThrow();
        assertEquals("PASS", purchase.getAttribute("data-outcome"));
        assertEquals("@acoustic", purchase.getAttribute("data-tags"));
        assertTrue(purchase.getAttribute("data-text").contains("when the phone plays"), "steps are searched: " + purchase.getAttribute("data-text"));
        assertTrue(purchase.getAttribute("data-text").contains("plain words about it"), "descriptions are searched");

        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<script>//<![CDATA["), "the script is inline");
        assertFalse(html.contains("<script src"), "and fetches nothing");
    }

    @Test
    void the_summary_and_index_name_the_figures_that_failed_with_links_to_their_scenarios() throws Exception {
        LivingSpecReport.write(dir, run(), context(), null);
        Document index = parse(dir.resolve("index.html"));
        String text = index.getDocumentElement().getTextContent();
        assertTrue(text.contains("1 judged figure failed its limit."), "the summary says so");
        Element section = byId(index, "failed-figures");
        Element list = (Element) section.getNextSibling();
        assertTrue(list.getTextContent().contains("vend latency, fast profile 444 ms, limit ≤ 300 ms — A replay"), list.getTextContent());
        String href = ((Element) list.getElementsByTagName("a").item(0)).getAttribute("href");
        assertEquals("feature-offline_purchase.html#s-offline-purchase-L25-a-replay", href);
    }

    @Test
    void a_scenario_that_did_not_pass_shows_what_the_rig_saw_beside_its_error_and_its_stack_trace_folded() throws Exception {
        LivingSpecReport.write(dir, run(), context(), null);
        for (String page : List.of("index.html", "feature-offline_purchase.html")) {
            String html = Files.readString(dir.resolve(page));
            int error = html.indexOf("no DISPLAYED yet");
            int saw = html.indexOf("reader: LISTENING, no frame");
            assertTrue(error > 0 && saw > error, page + ": what the rig saw beside the error");
            assertTrue(html.indexOf("<details>", error) < html.indexOf("at Steps.java:1", error), page + ": the stack trace folded away");
        }
        Document feature = parse(dir.resolve("feature-offline_purchase.html"));
        assertTrue(feature.getDocumentElement().getTextContent().contains("Figure failed: vend latency, fast profile 444 ms, limit ≤ 300 ms"));
    }

    @Test
    void index_and_feature_pages_show_the_commit_version_and_reader_of_the_run() throws Exception {
        LivingSpecReport.write(dir, run(), context(), null);
        for (String page : List.of("index.html", "feature-offline_trust.html")) {
            Element identity = null;
            NodeList dls = parse(dir.resolve(page)).getElementsByTagName("dl");
            for (int i = 0; i < dls.getLength(); i++) if (((Element) dls.item(i)).getAttribute("class").equals("identity")) identity = (Element) dls.item(i);
            String text = identity.getTextContent();
            assertTrue(text.contains("commit3f2a1bc"), page + ": " + text);
            assertTrue(text.contains("wavebench0.1.0-test"), page + ": " + text);
            assertTrue(text.contains("readermanufacturer ACM, serial 000000000001, model WAVEBENCH-RDR, software 0x0102"), page + ": " + text);
        }
    }

    private static Document parse(Path page) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(page.toFile());
    }

    private static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) if (id.equals(((Element) all.item(i)).getAttribute("id"))) return (Element) all.item(i);
        return null;
    }

    private static List<String> options(Element select) {
        List<String> values = new ArrayList<>();
        NodeList options = select.getElementsByTagName("option");
        for (int i = 0; i < options.getLength(); i++) values.add(((Element) options.item(i)).getAttribute("value"));
        return values;
    }
}
