package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * A "nothing happened" {@code Then} ({@link Deadlines#holdsThroughout}): it holds only after the
 * full time, and fails as an assertion at the first look that sees something, naming it.
 */
class DeadlinesTest {

    private static final Duration HOLD = Duration.ofMillis(1_500);

    @Test
    void nothing_happening_holds_only_after_the_full_time() {
        List<String> redemptions = new CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        Deadlines.holdsThroughout(await("no redemption").pollInterval(Duration.ofMillis(50)), HOLD,
                () -> assertEquals(List.of(), redemptions, "redemptions the backend holds"));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(tookMs >= HOLD.toMillis(), "held for the full time: " + tookMs + " ms");
    }

    @Test
    void something_happening_fails_at_once_as_an_assertion_naming_it() {
        List<String> redemptions = new CopyOnWriteArrayList<>();
        // A kiosk redeems the ticket 200 ms into the hold: after the wait began, long before its end.
        ScheduledExecutorService kiosk = Executors.newSingleThreadScheduledExecutor();
        AssertionFailedError e;
        long tookMs;
        try {
            kiosk.schedule(() -> redemptions.add("ticket 7 at kiosk lobby-1"), 200, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            e = assertThrows(AssertionFailedError.class, () -> Deadlines.holdsThroughout(
                    await("the backend holds no redemption of ticket 7").pollInterval(Duration.ofMillis(50)), Duration.ofSeconds(10),
                    () -> assertEquals(List.of(), redemptions, "redemptions the backend holds")));
            tookMs = (System.nanoTime() - t0) / 1_000_000;
        } finally {
            kiosk.shutdownNow();
        }
        assertTrue(tookMs < 3_000, "at once, not after the 10 s: " + tookMs + " ms");
        assertTrue(e.getMessage().contains("ticket 7 at kiosk lobby-1"), "names what appeared: " + e.getMessage());
        assertTrue(e.getMessage().contains("redemptions the backend holds"), e.getMessage());
    }
}
