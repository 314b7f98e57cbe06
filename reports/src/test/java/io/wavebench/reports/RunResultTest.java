package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        assertEquals(1510, purchase.duration().toMillis(), "hooks count in the scenario's time");
        assertEquals(java.util.List.of("air.wav"), purchase.attachments());
        assertEquals(18, purchase.line());

        ScenarioResult replay = run.scenarios().get(1);
        assertEquals(Outcome.FAIL, replay.outcome(), "a failed step outweighs a skipped one");
        assertEquals("no DISPLAYED yet", replay.error());
        assertEquals(Outcome.ABORTED, run.scenarios().get(2).outcome());

        assertTrue(run.anyFailure());
        assertEquals("3 scenarios: 1 PASS, 1 FAIL, 1 ABORTED", run.summaryLine());
    }

    @Test
    void a_run_of_passes_and_aborts_is_not_a_failure() throws Exception {
        Path json = dir.resolve("cucumber.json");
        Files.writeString(json, JSON.replace("\"failed\"", "\"passed\""));
        assertFalse(RunResult.readCucumberJson(json).anyFailure());
    }

    @Test
    void evidence_folders_keep_outline_rows_apart_by_line() {
        assertEquals("offline-purchase-L18-a-purchase", EvidenceNames.slug("classpath:io/wavebench/features/offline_purchase.feature", 18, "A purchase"));
        assertFalse(EvidenceNames.slug("x.feature", 18, "Row").equals(EvidenceNames.slug("x.feature", 19, "Row")));
    }
}
