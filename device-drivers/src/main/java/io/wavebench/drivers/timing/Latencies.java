package io.wavebench.drivers.timing;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Timings and their percentiles, with one definition for every figure and benchmark in wavebench
 * (DESIGN §6 states its targets as percentiles: MDB response p99 ≤ 5 ms). Backed by an
 * HdrHistogram {@link Histogram} of nanoseconds at 3 significant digits.
 *
 * <p><b>The definition:</b> the p-th percentile is HdrHistogram's {@link
 * Histogram#getValueAtPercentile(double) valueAtPercentile(p)}: the smallest recorded value such
 * that at least p % of all recorded values are at or below it (nearest rank, no interpolation),
 * reported as the highest value its histogram bucket stands for, so within 0.1 % above the value
 * recorded. The median is the 50th percentile by that rule: of an even number of timings, the
 * lower middle one. {@link #max()} is the largest recorded value at the same resolution.
 *
 * <p>Not thread-safe: record from one thread, or hand the finished set over.
 */
public final class Latencies {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);

    /** The timings in {@code durations}. */
    public static Latencies of(Collection<Duration> durations) {
        Latencies l = new Latencies();
        for (Duration d : durations) l.record(d);
        return l;
    }

    /** The timings in {@code nanos}. */
    public static Latencies ofNanos(long... nanos) {
        Latencies l = new Latencies();
        for (long n : nanos) l.recordNanos(n);
        return l;
    }

    public Latencies record(Duration timing) {
        return recordNanos(timing.toNanos());
    }

    /** Records one timing; a negative one (a clock that stepped back) is refused, not clamped. */
    public Latencies recordNanos(long nanos) {
        if (nanos < 0) throw new IllegalArgumentException("a timing cannot be negative: " + nanos + " ns");
        histogram.recordValue(nanos);
        return this;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The {@code percentile}-th percentile (0 &lt; percentile ≤ 100), by the definition above. */
    public Duration percentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) throw new IllegalArgumentException("a percentile is in (0, 100], not " + percentile);
        requireSome("percentile " + percentile);
        return Duration.ofNanos(histogram.getValueAtPercentile(percentile));
    }

    /** The same in milliseconds, for figures and printed tables. */
    public double percentileMs(double percentile) {
        return percentile(percentile).toNanos() / 1e6;
    }

    /** The 50th percentile. */
    public Duration median() {
        return percentile(50);
    }

    public Duration max() {
        requireSome("max");
        return Duration.ofNanos(histogram.getMaxValue());
    }

    public double maxMs() {
        return max().toNanos() / 1e6;
    }

    private void requireSome(String what) {
        if (histogram.getTotalCount() == 0) throw new IllegalStateException(what + " of no timings at all");
    }

    @Override
    public String toString() {
        if (count() == 0) return "no timings";
        return String.format(Locale.ROOT, "%d timings: p50 %.3f ms, p99 %.3f ms, max %.3f ms", count(), percentileMs(50), percentileMs(99), maxMs());
    }
}
