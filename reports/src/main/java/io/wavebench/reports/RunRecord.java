package io.wavebench.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run as the history keeps it: compact, so a year of nightly runs stays small. Scenarios are
 * keyed by feature file and scenario name (not line: lines move when a feature is edited).
 */
public record RunRecord(Instant time, String rig, double wallSeconds, List<Entry> scenarios) {

    public record Entry(String key, String feature, String name, Outcome outcome, long durationMillis, List<Measurement> measurements) {}

    public static String key(ScenarioResult s) {
        String file = s.featureUri().substring(s.featureUri().lastIndexOf('/') + 1);
        return file + " › " + s.name();
    }

    /** This run's record, with each scenario's measurements read from its evidence folder. */
    public static RunRecord of(RunResult run, Path reportDir, Instant time, String rig, Duration wall) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (ScenarioResult s : run.scenarios()) {
            entries.add(new Entry(key(s), s.feature(), s.name(), s.outcome(), s.duration().toMillis(),
                    MeasurementsFile.read(Evidence.folder(reportDir, s))));
        }
        return new RunRecord(time, rig, wall.toMillis() / 1000.0, List.copyOf(entries));
    }

    public Entry entry(String key) {
        return scenarios.stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * Passed (PASS or FLAKY) over the scenarios that reached a verdict. ABORTED scenarios did not
     * run for want of a capability (DESIGN §3), so they count neither way. NaN when none ran.
     */
    public double passRate() {
        long decided = scenarios.stream().filter(e -> e.outcome() != Outcome.ABORTED).count();
        long passed = scenarios.stream().filter(e -> e.outcome() == Outcome.PASS || e.outcome() == Outcome.FLAKY).count();
        return decided == 0 ? Double.NaN : (double) passed / decided;
    }
}
