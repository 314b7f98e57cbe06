package io.wavebench.features.steps;

import io.wavebench.fixtures.observe.Observations;
import io.wavebench.fixtures.rig.Rig;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.reports.Measurement;
import io.wavebench.simulators.vmc.VmcEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scenario's timing figures against the rig file's limits (DESIGN §3 "measurements with
 * limits", §6 targets; rig file {@code figures}), and whether one over its limit fails the
 * scenario. Each figure says how many scenarios ran at once while it was taken ({@link SideBySide}):
 * only one taken alone is held against its limit; one taken side by side is shown, not judged.
 */
final class JudgedFigures {

    /** {@code -Dwavebench.figures}: {@code gate} or {@code report-only}; overrides the rig file's {@code figures.judge}. */
    static final String PROPERTY = "wavebench.figures";

    static final String VEND_LATENCY = "vend latency (end of sound → VEND APPROVED)";
    static final String MDB_MEDIAN = "MDB response time, median (VMC's view)";
    static final String MDB_SLOWEST = "MDB response time, slowest answer";
    static final String MDB_ANSWERS = "MDB response time, answers measured";

    private JudgedFigures() {}

    /** The scenario's figures, measured on the rig's one clock, each with its limit and how many ran at once. */
    static List<Measurement> measure(RigSession session, Rig.FigureLimits limits, long soundEndedNanos, int atOnce) {
        List<Measurement> figures = new ArrayList<>();
        vendLatency(session, soundEndedNanos).ifPresent(ms -> figures.add(Measurement.atMost(VEND_LATENCY, ms, "ms", limits.vendLatencyMsOrDefault()).takenWith(atOnce)));
        figures.addAll(mdbResponseTime(session, limits.mdbResponseMsOrDefault(), atOnce));
        return figures;
    }

    /**
     * End of the last payment sound → the first VEND APPROVED after it, as the VMC saw it on the
     * bus: both on the rig's one clock (the bus log stamps each event as the VMC records it).
     */
    private static Optional<Double> vendLatency(RigSession session, long soundEnded) {
        var bus = session.observations().machineIfWatched(Observations.MACHINE);
        if (soundEnded < 0 || bus.isEmpty()) return Optional.empty();
        return bus.get().all().stream()
                .filter(s -> s.event().type() == VmcEvent.Type.VEND_APPROVED && s.atNanos() >= soundEnded).findFirst()
                .map(approved -> Math.round((approved.atNanos() - soundEnded) / 1e5) / 10.0);
    }

    /**
     * The reader's MDB response time as the VMC saw it (end of command → first word of the answer)
     * over the scenario's exchanges: the median against MDB 4.2's 5 ms (DESIGN §5.3), the maximum
     * and the number of answers noted. The median's name carries no count, so it trends from run
     * to run. A scenario has a few dozen answers, too few for a p99 (its p99 is its maximum, which
     * on a loaded CI host is scheduling); the p99 target is measured by `wavebench sim timing`.
     */
    private static List<Measurement> mdbResponseTime(RigSession session, double limitMs, int atOnce) {
        if (session.vmcIfStarted().isEmpty()) return List.of();
        List<Long> micros = session.vmcIfStarted().get().trace().responseTimes().stream().map(d -> d.toNanos() / 1_000).sorted().toList();
        if (micros.isEmpty()) return List.of();
        double median = micros.get((micros.size() - 1) / 2) / 1000.0;
        double max = micros.get(micros.size() - 1) / 1000.0;
        return List.of(Measurement.atMost(MDB_MEDIAN, median, "ms", limitMs).takenWith(atOnce),
                Measurement.noted(MDB_SLOWEST, max, "ms").takenWith(atOnce),
                Measurement.noted(MDB_ANSWERS, micros.size(), "").takenWith(atOnce));
    }

    /** Whether a figure over its limit fails its scenario on this run: the system property, else the rig file, else {@code gate}. */
    static boolean gate(Rig rig) {
        String judge = System.getProperty(PROPERTY);
        if (judge == null) return rig.figures().judgeOrDefault().equals(Rig.Figures.GATE);
        if (judge.equals(Rig.Figures.GATE)) return true;
        if (judge.equals(Rig.Figures.REPORT_ONLY)) return false;
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + judge + ": '" + Rig.Figures.GATE + "' (a figure over its limit fails its scenario) or '"
                + Rig.Figures.REPORT_ONLY + "' (shown as FAIL; the scenario keeps its verdict)");
    }

    /** The figures taken alone and over their limits: what fails a scenario at the gate. */
    static List<Measurement> overTheirLimits(List<Measurement> figures) {
        return figures.stream().filter(m -> m.verdict() == Measurement.Verdict.FAIL).toList();
    }

    /** "figure over its limit: vend latency (end of sound → VEND APPROVED) 444 ms, limit ≤ 300 ms (taken alone)". */
    static String failure(List<Measurement> over) {
        return (over.size() == 1 ? "figure over its limit: " : over.size() + " figures over their limits: ")
                + String.join("; ", over.stream().map(m -> m.name() + " " + m.valueText() + ", limit " + m.limitText() + " (taken alone)").toList())
                + " — the rig file's 'figures.judge: report-only' or --figures report-only shows figures without judging scenarios by them";
    }
}
