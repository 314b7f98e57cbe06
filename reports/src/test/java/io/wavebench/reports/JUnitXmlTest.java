package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML CI systems read: well-formed, of the common schema, and carrying wavebench's outcomes. */
class JUnitXmlTest {

    @TempDir
    Path dir;

    private Path xml;
    private Map<String, Element> cases;

    @BeforeEach
    void write() throws Exception {
        xml = JUnitXml.write(dir, SampleRun.write(dir), SampleRun.context());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        cases = new HashMap<>();
        NodeList testcases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < testcases.getLength(); i++) cases.put(((Element) testcases.item(i)).getAttribute("name"), (Element) testcases.item(i));
    }

    @Test
    void it_validates_against_the_common_junit_schema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(getClass().getResource("/junit-common.xsd"));
        schema.newValidator().validate(new StreamSource(xml.toFile())); // throws with line and column when not
    }

    @Test
    void one_testcase_per_scenario_with_the_suite_counts_right() throws Exception {
        assertEquals(7, cases.size());
        Element suites = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        assertEquals("7", suites.getAttribute("tests"));
        assertEquals("1", suites.getAttribute("failures"));
        assertEquals("1", suites.getAttribute("errors"));
        assertEquals("", suites.getAttribute("skipped"), "not an attribute of testsuites in the Jenkins schema");
        assertEquals("1", ((Element) suites.getElementsByTagName("testsuite").item(0)).getAttribute("skipped"));
    }

    @Test
    void outcomes_map_to_failure_error_skipped_and_flaky_passes_with_its_outcome_said() {
        assertEquals("no DISPLAYED yet", child(cases.get("A replay"), "failure").getAttribute("message"));
        assertTrue(child(cases.get("Bench broken"), "error").getAttribute("message").startsWith("INFRA-ERROR: port /dev/ttyUSB0 gone"));
        assertTrue(child(cases.get("Needs the reader's insides"), "skipped").getAttribute("message").startsWith("ABORTED"),
                () -> child(cases.get("Needs the reader's insides"), "skipped").getAttribute("message"));
        Element flaky = cases.get("Sometimes");
        assertEquals(null, child(flaky, "failure"), "FLAKY passed on rerun: CI stays green");
        assertEquals(null, child(flaky, "error"));
        assertTrue(child(flaky, "system-out").getTextContent().startsWith("Outcome: FLAKY"));
    }

    @Test
    void system_out_carries_outcome_measurements_evidence_paths_and_the_steps() {
        Element purchase = cases.get("A purchase");
        assertEquals(0, purchase.getElementsByTagName("properties").getLength(), "the Jenkins JUnit schema has no properties in a test case");
        String out = child(purchase, "system-out").getTextContent();
        assertTrue(out.startsWith("Outcome: PASS"), out);
        assertTrue(out.contains("Feature file: offline_purchase.feature:18"), out);
        assertTrue(out.contains("vend latency: 142 ms (limit ≤ 300 ms) PASS"), out);
        assertFalse(out.contains("card-"), "card photos are not evidence anyone sees: " + out);
        assertTrue(out.contains("When the phone plays"), out);
        assertTrue(out.contains("| 12 | 1.50 |"), "the data table");
        assertTrue(out.contains("[[ATTACHMENT|" + dir.resolve("evidence/offline-purchase-L18-a-purchase/air.wav").toAbsolutePath() + "]]"), out);
    }

    @Test
    void the_run_facts_are_suite_properties() {
        Element suite = (Element) cases.get("A purchase").getParentNode();
        Map<String, String> p = properties(suite);
        assertEquals("sim", p.get("wavebench.rig"));
        assertEquals("0.1.0-test", p.get("wavebench.wavebench"));
    }

    @Test
    void control_characters_in_an_error_message_do_not_break_the_xml() throws Exception {
        ScenarioResult nasty = new ScenarioResult("F", "f.feature", 1, "nasty", List.of(), Outcome.FAIL, Duration.ZERO,
                List.of(), List.of(), "bad byte \u0001 and ]]> and <tag>");
        Path file = JUnitXml.write(dir, new RunResult(List.of(nasty)), SampleRun.context());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertTrue(doc.getElementsByTagName("failure").item(0).getTextContent().contains("]]> and <tag>"));
        assertTrue(Files.readString(file).contains("\uFFFD"));
    }

    private static Element child(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static Map<String, String> properties(Element testcase) {
        Map<String, String> p = new HashMap<>();
        NodeList nodes = testcase.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) p.put(((Element) nodes.item(i)).getAttribute("name"), ((Element) nodes.item(i)).getAttribute("value"));
        return p;
    }
}
