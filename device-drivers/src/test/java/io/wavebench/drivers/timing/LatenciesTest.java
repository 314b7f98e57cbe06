package io.wavebench.drivers.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    /** 1..100 ms: nearest rank, so p50 is 50 ms (the lower middle), p99 99 ms, p100 and max 100 ms, each within 0.1 %. */
    @Test
    void percentiles_are_nearest_rank_within_a_tenth_of_a_percent() {
        List<Duration> timings = new ArrayList<>();
        for (int ms = 1; ms <= 100; ms++) timings.add(Duration.ofMillis(ms));
        Collections.shuffle(timings, new Random(7));
        Latencies l = Latencies.of(timings);

        assertEquals(100, l.count());
        assertClose(50, l.percentileMs(50));
        assertClose(50, l.median().toNanos() / 1e6);
        assertClose(90, l.percentileMs(90));
        assertClose(99, l.percentileMs(99));
        assertClose(100, l.percentileMs(100));
        assertClose(100, l.maxMs());
        assertClose(1, l.percentileMs(0.5));
    }

    /** Of an even count the median is the lower middle timing, not the mean of the two middle ones. */
    @Test
    void the_median_of_an_even_count_is_the_lower_middle_one() {
        Latencies l = Latencies.ofNanos(1_000_000, 2_000_000, 3_000_000, 4_000_000);
        assertClose(2, l.median().toNanos() / 1e6);
    }

    @Test
    void no_timings_and_impossible_percentiles_are_refused() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> new Latencies().percentile(99));
        assertTrue(none.getMessage().contains("no timings"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Latencies.ofNanos(1).percentile(0));
        assertThrows(IllegalArgumentException.class, () -> Latencies.ofNanos(1).percentile(100.5));
        assertThrows(IllegalArgumentException.class, () -> new Latencies().recordNanos(-1));
    }

    private static void assertClose(double expectedMs, double actualMs) {
        assertTrue(Math.abs(actualMs - expectedMs) <= expectedMs * 0.001, () -> "expected " + expectedMs + " ms within 0.1 %, got " + actualMs);
    }
}
