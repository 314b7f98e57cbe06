package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * wavebench's junit.xml against the schema the Jenkins xunit plugin validates with
 * ({@code junit-10.xsd}, a test resource), for a run with all seven outcomes, outline rows sharing
 * a name, control characters and a long stack trace; and its test names unique, as Cucumber's own
 * JUnit formatter gives them.
 */
class JUnitXmlSchemaTest {

    @TempDir
    Path dir;

    private static Schema jenkinsSchema() throws SAXException {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(JUnitXmlSchemaTest.class.getResource("/junit-10.xsd"));
    }

    @Test
    void a_run_with_every_outcome_validates_against_the_jenkins_junit_schema() throws Exception {
        RunResult run = SampleRun.writeEveryOutcome(dir);
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        run.scenarios().forEach(s -> outcomes.add(s.outcome()));
        assertEquals(EnumSet.allOf(Outcome.class), outcomes, "the sample must carry every outcome");
        Path xml = JUnitXml.write(dir, run, SampleRun.context());
        jenkinsSchema().newValidator().validate(new StreamSource(xml.toFile())); // throws with line and column when not
        String text = Files.readString(xml);
        assertTrue(text.contains("TrustSteps.frame1999"), "the long error is whole in <failure>");
        assertTrue(text.contains("\uFFFD[31mred"), "control characters replaced, not dropped silently");
    }

    @Test
    void the_schema_check_catches_what_junit_xml_used_to_write() throws Exception {
        Files.writeString(dir.resolve("old.xml"), """
                <testsuites name="x" tests="1" failures="0" errors="0" skipped="0" timestamp="2026-01-01T00:00:00">
                  <testsuite name="F" tests="1" failures="0" errors="0"><testcase name="A"><properties><property name="a" value="b"/></properties></testcase></testsuite>
                </testsuites>""");
        assertThrows(SAXException.class, () -> jenkinsSchema().newValidator().validate(new StreamSource(dir.resolve("old.xml").toFile())));
    }

    @Test
    void no_two_test_cases_share_classname_and_name_though_outline_rows_share_their_name() throws Exception {
        RunResult run = SampleRun.writeEveryOutcome(dir);
        long sameName = run.scenarios().stream().filter(s -> s.name().equals(SampleRun.CLOCK_OUTLINE)).count();
        assertEquals(3, sameName, "three rows named alike in the sample");
        List<String> names = testcases(JUnitXml.write(dir, run, SampleRun.context()));
        assertEquals(run.scenarios().size(), names.size());
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicates among " + names);
    }

    @Test
    void outline_rows_are_named_as_cucumbers_junit_formatter_names_them() throws Exception {
        List<String> names = testcases(JUnitXml.write(dir, SampleRun.writeEveryOutcome(dir), SampleRun.context()));
        assertTrue(names.contains("Offline trust › " + SampleRun.CLOCK_OUTLINE + " - #1.1"), names::toString);
        assertTrue(names.contains("Offline trust › " + SampleRun.CLOCK_OUTLINE + " - #1.2"), names::toString);
        assertTrue(names.contains("Offline trust › " + SampleRun.CLOCK_OUTLINE + " - Far off - #2.1"), names::toString);
        assertTrue(names.contains("Offline purchase by sound › In a noisy place: <place> - #1.1: In a noisy place: subway"), names::toString);
        assertTrue(names.contains("Offline purchase by sound › A purchase"), "a plain scenario keeps its name");
    }

    @Test
    void without_the_runs_own_stream_the_dry_runs_plan_names_the_rows() throws Exception {
        RunResult run = SampleRun.writeEveryOutcome(dir);
        Path plan = dir.resolve("plan");
        Files.createDirectories(plan);
        Files.move(dir.resolve("cucumber.ndjson"), plan.resolve("cucumber.ndjson"));
        Files.writeString(dir.resolve("cucumber.ndjson"), ""); // a stopped run's stream, left empty
        List<String> names = testcases(JUnitXml.write(dir, run, SampleRun.context()));
        assertTrue(names.contains("Offline trust › " + SampleRun.CLOCK_OUTLINE + " - Far off - #2.1"), names::toString);
    }

    /** "classname › name" of every test case, in order. */
    private static List<String> testcases(Path xml) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            names.add(e.getAttribute("classname") + " › " + e.getAttribute("name"));
        }
        return names;
    }
}
