package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wavebench run's exit status comes from this reading of Cucumber's JSON. */
class RunResultTest {

    @TempDir
    Path dir;

    private static final String JSON = """
            [{"uri":"classpath:io/wavebench/features/offline_purchase.feature","name":"Offline purchase by sound","elements":[
              {"type":"background","name":"","steps":[{"keyword":"Given ","name":"a machine","result":{"status":"passed","duration":1000000}}]},
              {"type":"scenario","line":18,"name":"A purchase","tags":[{"name":"@acoustic"}],
               "before":[{"result":{"status":"passed","duration":5000000}}],
               "steps":[{"keyword":"When ","name":"the phone plays","result":{"status":"passed","duration":1500000000},
                         "embeddings":[{"mime_type":"audio/wav","name":"air.wav","data":""}]}],
               "after":[{"result":{"status":"passed","duration":5000000}}]},
              {"type":"scenario","line":25,"name":"A replay","steps":[
                 {"keyword":"Then ","name":"the reader declines","result":{"status":"failed","duration":10000000000,"error_message":"no DISPLAYED yet"}},
                 {"keyword":"And ","name":"no vend is approved","result":{"status":"skipped","duration":0}}]},
              {"type":"scenario","line":32,"name":"Not written yet","steps":[{"keyword":"Then ","name":"x","result":{"status":"undefined"}}]}
            ]}]
            """;

    @Test
    void reads_outcomes_times_steps_and_attachments_and_ignores_backgrounds() throws Exception {
        Path json = dir.resolve("cucumber.json");
        Files.writeString(json, JSON);
        RunResult run = RunResult.readCucumberJson(json);

        assertEquals(3, run.scenarios().size(), "the background is not a scenario");
        ScenarioResult purchase = run.scenarios().get(0);
        assertEquals(Outcome.PASS, purchase.outcome());
        assertEquals(1511, purchase.duration().toMillis(), "hooks and the background's steps count in the scenario's time");
        assertEquals(ScenarioResult.Step.Part.BACKGROUND, purchase.steps().get(0).part());
        assertEquals("a machine", purchase.steps().get(0).text());
        assertEquals(List.of("air.wav"), purchase.attachments());
        assertEquals(18, purchase.line());

        ScenarioResult replay = run.scenarios().get(1);
        assertEquals(Outcome.FAIL, replay.outcome(), "a failed step outweighs a skipped one");
        assertEquals("no DISPLAYED yet", replay.error());
        assertEquals(Outcome.SPEC_ERROR, run.scenarios().get(2).outcome(), "a step not written is a defect of the spec, neither the product's failure nor a missing capability");
        assertEquals("no DISPLAYED yet", replay.steps().get(0).error(), "the error stays with its step");

        assertTrue(run.anyFailure());
        assertEquals("3 scenarios: 1 PASS, 1 FAIL, 1 SPEC-ERROR", run.summaryLine());
    }

    @Test
    void a_failed_background_step_fails_the_scenario_it_ran_for() throws Exception {
        Path json = dir.resolve("cucumber.json");
        Files.writeString(json, JSON.replace("\"name\":\"a machine\",\"result\":{\"status\":\"passed\"", "\"name\":\"a machine\",\"result\":{\"status\":\"failed\""));
        RunResult run = RunResult.readCucumberJson(json);
        assertEquals(Outcome.FAIL, run.scenarios().get(0).outcome());
        assertEquals(Outcome.FAIL, run.scenarios().get(1).outcome());
    }

    @Test
    void features_keep_their_description_as_prose_and_their_background() throws Exception {
        Path json = dir.resolve("cucumber.json");
        Files.writeString(json, SampleRun.JSON);
        RunResult run = RunResult.readCucumberJson(json);
        FeatureResult feature = run.features().get(0);
        assertEquals("A shopper pays with a `sound`.\nSecond line of the same paragraph.\n\nA second paragraph <with> & markup.", feature.description());
        assertEquals(List.of("Given a machine"), feature.backgroundSteps());
        assertEquals("feature-offline_purchase.html", feature.pageName());
        ScenarioResult purchase = run.scenarios().get(0);
        assertEquals("Plain words about it.", purchase.description());
        assertEquals(List.of(List.of("slot", "price"), List.of("12", "1.50")), purchase.steps().get(1).table());
        assertEquals("THANK YOU\nENJOY", purchase.steps().get(2).docString());
        ScenarioResult row = run.scenarios().get(3);
        assertEquals("offline;in-a-noisy-place:-<place>", row.outlineId(), "outline rows are grouped by the outline's id");
        assertEquals("Scenario Outline", row.keyword());
        assertEquals(false, purchase.isOutlineRow());
    }

    @Test
    void outline_examples_come_from_the_message_stream_by_line() throws Exception {
        Path ndjson = dir.resolve("cucumber.ndjson");
        Files.writeString(ndjson, SampleRun.NDJSON);
        Files.writeString(dir.resolve("cucumber.json"), SampleRun.JSON);
        RunResult run = RunResult.readCucumberJson(dir.resolve("cucumber.json"));
        OutlineExamples.Outline outline = OutlineExamples.read(ndjson).outlineOf(run.scenarios().get(4));
        assertEquals("In a noisy place: <place>", outline.title());
        assertEquals(List.of("place"), outline.header());
        assertEquals(List.of("mall"), outline.rows().get(45));
        assertEquals(null, OutlineExamples.read(dir.resolve("absent.ndjson")).outlineOf(run.scenarios().get(4)), "no stream, no examples; no error");
    }

    @Test
    void a_run_of_passes_and_aborts_is_not_a_failure() throws Exception {
        Path json = dir.resolve("cucumber.json");
        Files.writeString(json, JSON.replace("\"failed\"", "\"passed\"").replace("\"undefined\"", "\"skipped\""));
        assertFalse(RunResult.readCucumberJson(json).anyFailure());
        Files.writeString(json, JSON.replace("\"failed\"", "\"passed\""));
        assertTrue(RunResult.readCucumberJson(json).anyFailure(), "a step not written fails the run");
    }

    @Test
    void evidence_folders_keep_outline_rows_apart_by_line() {
        assertEquals("offline-purchase-L18-a-purchase", EvidenceNames.slug("classpath:io/wavebench/features/offline_purchase.feature", 18, "A purchase"));
        assertFalse(EvidenceNames.slug("x.feature", 18, "Row").equals(EvidenceNames.slug("x.feature", 19, "Row")));
        // The writer's side (fixtures' EvidenceContractTest) pins the same names: the name is the contract, not a shared class.
        assertEquals("vend-session-L8-a-vend-cafe", EvidenceNames.slug("file:features/vend_session.feature", 8, "A vend, café"));
    }
}
