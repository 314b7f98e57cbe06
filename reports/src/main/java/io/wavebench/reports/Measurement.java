package io.wavebench.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A figure that matters, measured in a scenario, against its limit (DESIGN §3 "Measurements with
 * limits", §6 targets): e.g. vend latency 142 ms, limit ≤ 300 ms. The verdict is computed, not
 * stored, so the report and the JUnit XML cannot disagree about it.
 */
public record Measurement(String name, double value, String unit, Limit limit, int sideBySide) {

    /**
     * Within this fraction of the limit on the passing side, a measurement is MARGINAL: it passes,
     * but the report points at it before it drifts over (DESIGN §3: pass/fail/marginal).
     */
    public static final double MARGIN = 0.10;

    public Measurement {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a measurement needs a name");
        if (unit == null) unit = "";
        if (sideBySide < 1) throw new IllegalArgumentException("measurement '" + name + "': taken with " + sideBySide + " scenarios side by side; at least 1 (itself)");
    }

    /** A measurement taken with its scenario running alone. */
    public Measurement(String name, double value, String unit, Limit limit) {
        this(name, value, unit, limit, 1);
    }

    /**
     * The same figure, taken while {@code scenarios} scenarios (this one included) ran at once on
     * the machine. A timing figure taken so says how the CPU was shared, not how fast the reader
     * is: with more than one, it is shown but {@link Verdict#NOT_JUDGED} against its limit.
     */
    public Measurement takenWith(int scenarios) {
        return new Measurement(name, value, unit, limit, scenarios);
    }

    public static Measurement atMost(String name, double value, String unit, double limit) {
        return new Measurement(name, value, unit, new Limit(Limit.Bound.AT_MOST, limit));
    }

    public static Measurement atLeast(String name, double value, String unit, double limit) {
        return new Measurement(name, value, unit, new Limit(Limit.Bound.AT_LEAST, limit));
    }

    /** A figure recorded for its trend, with no limit to meet. */
    public static Measurement noted(String name, double value, String unit) {
        return new Measurement(name, value, unit, null);
    }

    public Verdict verdict() {
        if (limit == null || Double.isNaN(value)) return Verdict.NO_LIMIT;
        if (sideBySide > 1) return Verdict.NOT_JUDGED;
        double margin = Math.abs(limit.value()) * MARGIN;
        return switch (limit.bound()) {
            case AT_MOST -> value > limit.value() ? Verdict.FAIL : value > limit.value() - margin ? Verdict.MARGINAL : Verdict.PASS;
            case AT_LEAST -> value < limit.value() ? Verdict.FAIL : value < limit.value() + margin ? Verdict.MARGINAL : Verdict.PASS;
        };
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
        return verdict() == Verdict.NOT_JUDGED ? verdict().label() + " (" + note() + ")" : verdict().label();
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

    public enum Verdict {
        PASS, MARGINAL, FAIL, NO_LIMIT,
        /** Has a limit, but was taken while other scenarios shared the CPU: shown, not held against the limit. */
        NOT_JUDGED;

        public String label() {
            return switch (this) {
                case NO_LIMIT -> "no limit";
                case NOT_JUDGED -> "not judged";
                default -> name();
            };
        }
    }
}
