package io.wavebench.reports;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the history says about this run: the pass-rate trend, each measurement's trend, the
 * scenarios newly failing (failed now, passed in the previous run) and the flaky ones (DESIGN §3:
 * FLAKY is reported, not hidden). Runs whose preflight found the rig broken are left out (they
 * say nothing about the reader), except the current run, which is always the last.
 *
 * @param runs the history, oldest first, ending with the current run
 */
public record Trends(List<RunRecord> runs) {

    /** How many recent runs the flakiness rule looks at. */
    static final int FLAKY_WINDOW = 10;

    public Trends {
        if (runs.isEmpty()) throw new IllegalArgumentException("trends need at least the current run");
        RunRecord current = runs.get(runs.size() - 1);
        List<RunRecord> trended = new ArrayList<>(runs.subList(0, runs.size() - 1).stream().filter(r -> !r.rigBroken()).toList());
        trended.add(current);
        runs = List.copyOf(trended);
    }

    public RunRecord current() {
        return runs.get(runs.size() - 1);
    }

    public RunRecord previous() {
        return runs.size() < 2 ? null : runs.get(runs.size() - 2);
    }

    public boolean hasHistory() {
        return runs.size() >= 2;
    }

    /** Failed now (FAIL or INFRA-ERROR), passed (PASS or FLAKY) in the previous run. */
    public boolean newlyFailing(String key) {
        RunRecord.Entry now = current().entry(key);
        RunRecord.Entry before = previous() == null ? null : previous().entry(key);
        // NOT-RUN is no verdict: a stopped run says nothing new about the scenarios it did not reach
        return now != null && now.outcome().isFailure() && now.outcome() != Outcome.NOT_RUN && before != null && passed(before.outcome());
    }

    public List<String> newlyFailing() {
        return current().scenarios().stream().map(RunRecord.Entry::key).filter(this::newlyFailing).toList();
    }

    /**
     * FLAKY now, or, over the last {@value #FLAKY_WINDOW} runs, switching between passing and
     * failing at least twice (pass→fail→pass or fail→pass→fail): a single change is a regression or
     * a fix, two are a scenario that cannot make up its mind.
     */
    public boolean flaky(String key) {
        RunRecord.Entry now = current().entry(key);
        if (now != null && now.outcome() == Outcome.FLAKY) return true;
        int changes = 0;
        Boolean last = null;
        for (RunRecord run : runs.subList(Math.max(0, runs.size() - FLAKY_WINDOW), runs.size())) {
            RunRecord.Entry e = run.entry(key);
            // not run for want of a capability, not reached by a stopped run, or not runnable as written: no verdict on the reader
            if (e == null || e.outcome() == Outcome.ABORTED || e.outcome() == Outcome.NOT_RUN || e.outcome() == Outcome.SPEC_ERROR) continue;
            boolean passed = passed(e.outcome());
            if (last != null && last != passed) changes++;
            last = passed;
        }
        return changes >= 2;
    }

    public List<String> flaky() {
        return current().scenarios().stream().map(RunRecord.Entry::key).filter(this::flaky).toList();
    }

    /** Pass rate per run, oldest first (NaN for a run where nothing reached a verdict). */
    public double[] passRates() {
        return runs.stream().mapToDouble(RunRecord::passRate).toArray();
    }

    /** A measurement's values across runs, NaN where a run did not record it. */
    public record Series(String scenarioKey, String measurement, String unit, Measurement.Limit limit, double[] values) {}

    /**
     * One series per (scenario, figure) the current run recorded, figures matched across runs by
     * {@link #figureKey}, so a figure whose name once carried its sample count trends as one.
     */
    public List<Series> measurementSeries() {
        List<Series> all = new ArrayList<>();
        for (RunRecord.Entry e : current().scenarios()) {
            Set<String> seen = new HashSet<>();
            for (Measurement m : e.measurements()) {
                if (!seen.add(figureKey(m.name()))) continue;
                double[] values = new double[runs.size()];
                for (int i = 0; i < runs.size(); i++) values[i] = valueIn(runs.get(i), e.key(), m.name());
                all.add(new Series(e.key(), m.name(), m.unit(), m.limit(), values));
            }
        }
        return all;
    }

    /**
     * A figure's name as the history matches it: without a sample count such as ", median of 22
     * answers", which changes from run to run and once made the MDB median a new figure every run.
     */
    static String figureKey(String name) {
        // "median" alone goes too: the renamed figure may say "…, median (VMC's view)" or nothing
        return name.replaceAll(",?\\s*\\bmedian(?: of \\d+ answers?)?\\b", "").replaceAll("\\s+", " ").strip();
    }

    /** A figure's name for a chart title: "MDB response time, median (VMC's view)", its sample count left out as in {@link #figureKey}. */
    static String figureTitle(String name) {
        return name.replaceAll("(\\bmedian) of \\d+ answers?\\b", "$1");
    }

    /** Each run's x-axis label, oldest first: its UTC date and time and its commit ({@code 12-06 10:41 3f2a1bc}). */
    public List<String> runLabels() {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
        return runs.stream().map(r -> when.format(r.time()) + " " + r.shortCommit()).toList();
    }

    /** "pass rate 100 % (previous 89 %), newly failing: none" — the console's one line. */
    public String summaryLine() {
        StringBuilder line = new StringBuilder("pass rate ").append(percent(current().passRate()));
        if (previous() != null) line.append(" (previous ").append(percent(previous().passRate())).append(')');
        List<String> newly = newlyFailing();
        line.append(", newly failing: ").append(newly.isEmpty() ? "none" : firstFew(newly));
        List<String> flaky = flaky();
        if (!flaky.isEmpty()) line.append(", flaky: ").append(firstFew(flaky));
        return line.append(" (").append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(" in history)").toString();
    }

    /** A console line stays a line: the first three, then how many more (the index lists them all). */
    static String firstFew(List<String> keys) {
        if (keys.size() <= 3) return String.join("; ", keys);
        return String.join("; ", keys.subList(0, 3)) + " and " + (keys.size() - 3) + " more (listed in the report)";
    }

    static String percent(double rate) {
        return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", rate * 100);
    }

    private static double valueIn(RunRecord run, String key, String measurement) {
        RunRecord.Entry e = run.entry(key);
        if (e == null) return Double.NaN;
        String figure = figureKey(measurement);
        return e.measurements().stream().filter(m -> figureKey(m.name()).equals(figure)).mapToDouble(Measurement::value).findFirst().orElse(Double.NaN);
    }

    private static boolean passed(Outcome o) {
        return o == Outcome.PASS || o == Outcome.FLAKY;
    }
}
