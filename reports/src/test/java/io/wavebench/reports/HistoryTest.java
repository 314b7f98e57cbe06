package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history folder and what the trends make of it: pass rates, newly failing, flaky. */
class HistoryTest {

    @TempDir
    Path dir;

    private static RunRecord run(int minute, Outcome a, Outcome b, double latencyMs) {
        return new RunRecord(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute), "sim", 20.0, List.of(
                new RunRecord.Entry("f.feature › A", "F", "A", a, 1200, List.of(WrittenMeasurements.atMost("vend latency", latencyMs, "ms", 300, latencyMs > 300 ? Measurement.Verdict.FAIL : Measurement.Verdict.PASS))),
                new RunRecord.Entry("f.feature › B", "F", "B", b, 800, List.of())));
    }

    @Test
    void runs_round_trip_through_the_folder_oldest_first() throws Exception {
        History history = new History(dir.resolve("history"));
        RunRecord later = run(2, Outcome.PASS, Outcome.FAIL, 120);
        RunRecord earlier = run(1, Outcome.PASS, Outcome.PASS, 100);
        history.append(later);
        history.append(earlier);
        assertEquals(List.of(earlier, later), history.load());
    }

    @Test
    void a_damaged_record_costs_one_run_not_the_history() throws Exception {
        History history = new History(dir);
        history.append(run(1, Outcome.PASS, Outcome.PASS, 100));
        Files.writeString(dir.resolve("run-20260101T000500.000Z.json"), "{not json");
        assertEquals(1, history.load().size());
    }

    @Test
    void a_scenario_that_passed_last_time_and_fails_now_is_newly_failing() {
        Trends trends = new Trends(List.of(run(1, Outcome.PASS, Outcome.FAIL, 100), run(2, Outcome.FAIL, Outcome.FAIL, 110)));
        assertEquals(List.of("f.feature › A"), trends.newlyFailing(), "B failed before too: not newly");
        assertEquals("pass rate 0 % (previous 50 %), newly failing: f.feature › A (2 runs in history)", trends.summaryLine());
    }

    @Test
    void flaky_is_an_outcome_switching_twice_in_the_window_or_FLAKY_itself() {
        List<RunRecord> runs = new ArrayList<>();
        runs.add(run(1, Outcome.PASS, Outcome.PASS, 100));
        runs.add(run(2, Outcome.FAIL, Outcome.PASS, 100));
        runs.add(run(3, Outcome.PASS, Outcome.FLAKY, 100));
        Trends trends = new Trends(runs);
        assertTrue(trends.flaky("f.feature › A"), "pass, fail, pass");
        assertTrue(trends.flaky("f.feature › B"), "FLAKY now");
        assertFalse(new Trends(runs.subList(0, 2)).flaky("f.feature › A"), "one change is a regression, not flakiness");
    }

    @Test
    void aborted_scenarios_count_neither_way_in_the_pass_rate() {
        RunRecord r = run(1, Outcome.PASS, Outcome.ABORTED, 100);
        assertEquals(1.0, r.passRate());
        assertTrue(Double.isNaN(run(1, Outcome.ABORTED, Outcome.ABORTED, 1).passRate()));
    }

    @Test
    void each_measurement_has_a_series_across_runs_with_gaps_where_missing() {
        RunRecord without = new RunRecord(Instant.parse("2026-01-01T00:00:30Z"), "sim", 1, List.of());
        Trends trends = new Trends(List.of(run(0, Outcome.PASS, Outcome.PASS, 90), without, run(1, Outcome.PASS, Outcome.PASS, 120)));
        Trends.Series latency = trends.measurementSeries().get(0);
        assertEquals("vend latency", latency.measurement());
        assertEquals(90, latency.values()[0]);
        assertTrue(Double.isNaN(latency.values()[1]));
        assertEquals(120, latency.values()[2]);
        assertEquals(300, latency.limit().value());
    }

    @Test
    void every_scenario_and_every_outline_row_has_its_own_key_though_rows_share_a_name() throws Exception {
        RunResult run = SampleRun.writeEveryOutcome(dir);
        RunRecord record = RunRecord.of(run, dir, SampleRun.context(), OutlineExamples.ofReport(dir));
        List<String> keys = record.scenarios().stream().map(RunRecord.Entry::key).toList();
        assertEquals(run.scenarios().size(), new HashSet<>(keys).size(), "one key per scenario and row: " + keys);
        assertTrue(keys.contains("offline_trust.feature › " + SampleRun.CLOCK_OUTLINE + " › | 60 s |"), keys::toString);
        assertTrue(keys.contains("offline_purchase.feature › A purchase"), "a plain scenario keeps the key older histories have");
    }

    @Test
    void an_outline_rows_key_survives_its_lines_moving() throws Exception {
        RunResult run = SampleRun.writeEveryOutcome(dir);
        String before = OutlineExamples.ofReport(dir).historyKey(run.scenarios().stream().filter(s -> s.line() == 17).findFirst().orElseThrow());
        // two lines added above the outline: every row is two lines further down
        Files.writeString(dir.resolve("cucumber.ndjson"), Files.readString(dir.resolve("cucumber.ndjson"))
                .replace("\"line\":17,", "\"line\":19,").replace("\"line\":16,", "\"line\":18,").replace("\"line\":21,", "\"line\":23,"));
        ScenarioResult moved = run.scenarios().stream().filter(s -> s.line() == 17).findFirst().orElseThrow();
        moved = new ScenarioResult(moved.feature(), moved.featureUri(), 19, moved.name(), moved.tags(), moved.outcome(), moved.duration(), moved.steps(),
                moved.attachments(), moved.error(), moved.keyword(), moved.description(), moved.outlineId());
        assertEquals(before, OutlineExamples.ofReport(dir).historyKey(moved));
    }

    @Test
    void each_rig_and_tag_selection_has_its_own_folder() {
        Path root = dir.resolve("history");
        assertEquals(root.resolve("sim").resolve("all"), History.forSelection(root, "sim", "(all scenarios)").dir());
        assertEquals(root.resolve("sim").resolve("all"), History.forSelection(root, "sim", null).dir());
        assertEquals(root.resolve("sim").resolve("card-and-not-slow"), History.forSelection(root, "sim", "@card and not @slow").dir());
        assertEquals(root.resolve("bench-2").resolve("mdb"), History.forSelection(root, "Bench 2", "@mdb").dir());
    }

    @Test
    void an_empty_run_is_not_recorded() throws Exception {
        History history = new History(dir.resolve("history"));
        LivingSpecReport.Written written = LivingSpecReport.write(dir, new RunResult(List.of()), SampleRun.context(), history);
        assertEquals(null, written.historyRecord());
        assertEquals(List.of(), history.load());
    }

    @Test
    void a_run_on_a_broken_rig_is_recorded_marked_and_kept_out_of_trends() throws Exception {
        History history = new History(dir.resolve("history"));
        history.append(run(1, Outcome.PASS, Outcome.PASS, 100));
        RunContext broken = withFacts(Map.of(RunContext.PREFLIGHT, "rig broken: MDB port /dev/ttyUSB0 gone (2 of 8 checks failed)"));
        assertTrue(broken.rigBroken());
        assertFalse(withFacts(Map.of(RunContext.PREFLIGHT, "8 checks passed")).rigBroken());
        LivingSpecReport.Written written = LivingSpecReport.write(dir, SampleRun.write(dir), broken, history);
        assertEquals(null, written.trends(), "no trend drawn from a broken rig");
        List<RunRecord> runs = history.load();
        assertEquals(2, runs.size(), "recorded all the same");
        assertTrue(runs.get(1).rigBroken(), "and marked");
        RunRecord later = run(3, Outcome.PASS, Outcome.FAIL, 120);
        Trends trends = new Trends(List.of(runs.get(0), runs.get(1), later));
        assertEquals(2, trends.runs().size(), "the broken run is left out");
        assertEquals(List.of("f.feature › B"), trends.newlyFailing(), "compared with the last run on a whole rig");
    }

    @Test
    void a_record_carries_commit_version_reader_tags_and_stop_and_reads_them_back() throws Exception {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(RunContext.COMMIT, "3f2a1bc9d-dirty");
        facts.put(RunContext.WAVEBENCH, "0.2.0");
        facts.put(RunContext.READER, "manufacturer ACM, serial 000000000001, model WAVEBENCH-RDR, software 0x0102");
        facts.put(RunContext.TAGS, "@mdb");
        facts.put(RunContext.STOPPED, "SIGTERM after 3 of 7 scenarios");
        facts.put(RunContext.PREFLIGHT, "8 checks passed");
        RunRecord record = RunRecord.of(SampleRun.write(dir), dir, withFacts(facts), OutlineExamples.ofReport(dir));
        History history = new History(dir.resolve("history"));
        history.append(record);
        RunRecord read = history.load().get(0);
        assertEquals(record, read);
        assertEquals("3f2a1bc9d-dirty", read.commit());
        assertEquals("manufacturer ACM, serial 000000000001, model WAVEBENCH-RDR, software 0x0102", read.reader());
        assertEquals("SIGTERM after 3 of 7 scenarios", read.stopped());
        assertFalse(read.rigBroken());
        assertEquals("3f2a1bc+", read.shortCommit());
    }

    @Test
    void a_record_written_before_runs_recorded_their_commit_still_loads() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("run-20261206T082911.030Z.json"), """
                {"time":"2026-12-06T08:29:11.030Z","rig":"sim","wallSeconds":96.2,"scenarios":[{"key":"vend_session.feature › A vend","feature":"Vend session",                "name":"A vend","outcome":"PASS","durationMillis":1200,"measurements":[{"name":"MDB response time, median of 22 answers (VMC's view)",                "value":3.1,"unit":"ms","limit":{"bound":"AT_MOST","value":5.0},"verdict":"PASS"}]}]}
                """);
        List<RunRecord> runs = new History(dir).load();
        assertEquals(1, runs.size());
        assertEquals(null, runs.get(0).commit());
        assertFalse(runs.get(0).rigBroken());
        assertEquals("?", runs.get(0).shortCommit());
        assertEquals(1.0, runs.get(0).passRate());
    }

    @Test
    void a_figure_whose_name_carried_its_sample_count_trends_as_one_figure() {
        BiFunction<Integer, Measurement, RunRecord> at = (minute, m) -> new RunRecord(
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute), "sim", 20.0,
                List.of(new RunRecord.Entry("v.feature › A vend", "V", "A vend", Outcome.PASS, 1000, List.of(m))));
        Trends trends = new Trends(List.of(
                at.apply(1, WrittenMeasurements.atMost("MDB response time, median of 22 answers (VMC's view)", 3.1, "ms", 5, Measurement.Verdict.PASS)),
                at.apply(2, WrittenMeasurements.atMost("MDB response time, median of 19 answers (VMC's view)", 3.3, "ms", 5, Measurement.Verdict.PASS)),
                at.apply(3, WrittenMeasurements.atMost("MDB response time (VMC's view)", 2.9, "ms", 5, Measurement.Verdict.PASS))));
        List<Trends.Series> series = trends.measurementSeries();
        assertEquals(1, series.size());
        assertEquals("MDB response time (VMC's view)", series.get(0).measurement(), "titled by the figure's name as it is now");
        assertEquals(List.of(3.1, 3.3, 2.9), Arrays.stream(series.get(0).values()).boxed().toList());
        assertEquals("MDB response time, median (VMC's view)", Trends.figureTitle("MDB response time, median of 104 answers (VMC's view)"),
                "a chart title without the count, while the figure still carries it");
    }

    @Test
    void runs_are_labelled_on_the_x_axis_by_date_and_commit() {
        RunRecord a = new RunRecord(Instant.parse("2026-12-06T10:41:20Z"), "sim", 1, List.of(), "3f2a1bc9d8e7", null, null, null, null, false);
        RunRecord b = new RunRecord(Instant.parse("2026-12-07T02:00:00Z"), "sim", 1, List.of());
        Trends trends = new Trends(List.of(a, b));
        assertEquals(List.of("12-06 10:41 3f2a1bc", "12-07 02:00 ?"), trends.runLabels());
        String svg = SvgChart.of("Pass rate", trends.passRates(), "", Double.NaN, true, trends.runLabels());
        assertTrue(svg.contains(">12-06 10:41<") && svg.contains(">3f2a1bc<"), svg);
        assertFalse(svg.contains("oldest run"), "real labels, not placeholders");
    }

    private static RunContext withFacts(Map<String, String> facts) {
        RunContext sample = SampleRun.context();
        Map<String, String> all = new LinkedHashMap<>(sample.facts());
        all.putAll(facts);
        return new RunContext(sample.rigName(), sample.rigLocation(), sample.rigFileText(), sample.started(), sample.wall(), all);
    }
}
