package io.wavebench.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A figure that matters, measured in a scenario, against its limit (DESIGN §3 "Measurements with
 * limits", §6 targets): e.g. vend latency 142 ms, limit ≤ 300 ms, PASS. The verdict is the one the
 * writer of {@code measurements.json} stated ({@link MeasurementsFile}): the run judged the figure
 * when it took it (and may have failed its scenario on it), so the report shows that judgement and
 * never a second one of its own that could disagree.
 *
 * @param sideBySide how many scenarios ran at once while it was taken, itself included
 */
public record Measurement(String name, double value, String unit, Limit limit, int sideBySide, Verdict verdict) {

    public Measurement {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a measurement needs a name");
        if (unit == null) unit = "";
        if (sideBySide < 1) throw new IllegalArgumentException("measurement '" + name + "': taken with " + sideBySide + " scenarios side by side; at least 1 (itself)");
        if (verdict == null) verdict = Verdict.NOT_STATED;
    }

    /** "142 ms". */
    public String valueText() {
        return format(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** "taken with 4 side by side" for a figure not taken alone, else "". */
    public String note() {
        return sideBySide > 1 ? "taken with " + sideBySide + " side by side" : "";
    }

    /** The verdict as the report prints it: "PASS", or "not judged (taken with 4 side by side)". */
    public String verdictText() {
        return verdict == Verdict.NOT_JUDGED && sideBySide > 1 ? verdict.label() + " (" + note() + ")" : verdict.label();
    }

    /** "≤ 300 ms", or "—" when there is no limit. */
    public String limitText() {
        if (limit == null) return "—";
        return (limit.bound() == Limit.Bound.AT_MOST ? "≤ " : "≥ ") + format(limit.value()) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** 142, 8.5, 0.0123, 1234.5: three significant digits, at least one decimal above 100, no trailing zeros. */
    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.0f", v);
        BigDecimal d = Math.abs(v) >= 100 ? BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP) : BigDecimal.valueOf(v).round(new MathContext(3));
        return d.stripTrailingZeros().toPlainString();
    }

    public record Limit(Bound bound, double value) {
        public enum Bound { AT_MOST, AT_LEAST }
    }

    /** The verdicts a writer states (DESIGN §3: pass/fail/marginal). */
    public enum Verdict {
        PASS,
        /** Passes, but within the writer's margin of its limit: the report points at it before it drifts over. */
        MARGINAL,
        FAIL,
        NO_LIMIT,
        /** Has a limit, but was taken while other scenarios shared the CPU: shown, not held against the limit. */
        NOT_JUDGED,
        /** The file gave no verdict (a writer that records figures without judging them). */
        NOT_STATED;

        public String label() {
            return switch (this) {
                case NO_LIMIT -> "no limit";
                case NOT_JUDGED -> "not judged";
                case NOT_STATED -> "not stated";
                default -> name();
            };
        }
    }
}
