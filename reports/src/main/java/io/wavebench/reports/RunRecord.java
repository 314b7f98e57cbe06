package io.wavebench.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run as the history keeps it: compact, so a year of nightly runs stays small. Scenarios are
 * keyed by feature file and scenario name, outline rows by the outline's name and the row's cells
 * ({@link OutlineExamples#historyKey}; not line: lines move when a feature is edited). Each run
 * records what it ran: the commit, wavebench's version, the reader's identity (its MDB EXPANSION
 * ID, MDB 4.2 §7.4.7) and the tag selection; whether it was stopped short; and whether the
 * preflight found the rig broken, in which case it is kept but not trended ({@link Trends}).
 * Records written before these fields existed load with them {@code null} / false.
 */
public record RunRecord(Instant time, String rig, double wallSeconds, List<Entry> scenarios, String commit, String wavebench, String reader,
        String tags, String stopped, boolean rigBroken) {

    public record Entry(String key, String feature, String name, Outcome outcome, long durationMillis, List<Measurement> measurements) {}

    /** A run with nothing recorded about its code, reader or selection (as older history files are). */
    public RunRecord(Instant time, String rig, double wallSeconds, List<Entry> scenarios) {
        this(time, rig, wallSeconds, scenarios, null, null, null, null, null, false);
    }

    /** A scenario's key when no message stream says which outline row it is. */
    public static String key(ScenarioResult s) {
        return OutlineExamples.NONE.historyKey(s);
    }

    /** This run's record, with each scenario's measurements read from its evidence folder. */
    public static RunRecord of(RunResult run, Path reportDir, RunContext context, OutlineExamples outlines) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (ScenarioResult s : run.scenarios()) {
            entries.add(new Entry(outlines.historyKey(s), s.feature(), s.name(), s.outcome(), s.duration().toMillis(),
                    MeasurementsFile.read(Evidence.folder(reportDir, s))));
        }
        return new RunRecord(context.started(), context.rigName(), context.wall().toMillis() / 1000.0, List.copyOf(entries),
                context.fact(RunContext.COMMIT), context.fact(RunContext.WAVEBENCH), context.fact(RunContext.READER), context.fact(RunContext.TAGS),
                context.fact(RunContext.STOPPED), context.rigBroken());
    }

    public Entry entry(String key) {
        return scenarios.stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
    }

    /** The commit shortened for an axis label: {@code 3f2a1bc}, {@code 3f2a1bc+} when dirty, {@code ?} when unknown. */
    public String shortCommit() {
        if (commit == null || commit.isBlank() || commit.equals("unknown")) return "?";
        String c = commit.strip();
        boolean dirty = c.endsWith("-dirty");
        if (dirty) c = c.substring(0, c.length() - "-dirty".length());
        return (c.length() > 7 ? c.substring(0, 7) : c) + (dirty ? "+" : "");
    }

    /**
     * Passed (PASS or FLAKY) over the scenarios that reached a verdict. ABORTED scenarios did not
     * run for want of a capability (DESIGN §3), and NOT-RUN ones were never reached by a stopped
     * run, so neither counts either way. NaN when none ran.
     */
    public double passRate() {
        long decided = scenarios.stream().filter(e -> e.outcome() != Outcome.ABORTED && e.outcome() != Outcome.NOT_RUN).count();
        long passed = scenarios.stream().filter(e -> e.outcome() == Outcome.PASS || e.outcome() == Outcome.FLAKY).count();
        return decided == 0 ? Double.NaN : (double) passed / decided;
    }
}
