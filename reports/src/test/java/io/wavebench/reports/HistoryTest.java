package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history folder and what the trends make of it: pass rates, newly failing, flaky. */
class HistoryTest {

    @TempDir
    Path dir;

    private static RunRecord run(int minute, Outcome a, Outcome b, double latencyMs) {
        return new RunRecord(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute), "sim", 20.0, List.of(
                new RunRecord.Entry("f.feature › A", "F", "A", a, 1200, List.of(Measurement.atMost("vend latency", latencyMs, "ms", 300))),
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
}
