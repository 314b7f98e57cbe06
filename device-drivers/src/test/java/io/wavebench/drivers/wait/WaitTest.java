package io.wavebench.drivers.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one waiting strategy: ready at once, ready later, never ready (named, within its deadline), woken by a monitor. */
class WaitTest {

    /** A device whose state others move under its own monitor, as the simulators' are. */
    static final class Lamp {
        private String state = "OFF";

        synchronized void set(String s) {
            state = s;
            notifyAll();
        }

        synchronized String state() {
            return state;
        }

        @Override
        public String toString() {
            return "lamp on /dev/pts/9";
        }
    }

    private static ConditionWait<Lamp> on() {
        return Wait.forState("ON", (Lamp l) -> l.state().equals("ON"), l -> "it is " + l.state());
    }

    @Test
    void returns_at_once_when_the_device_is_already_ready() {
        Lamp lamp = new Lamp();
        lamp.set("ON");
        on().withStartupTimeout(Duration.ZERO).waitUntilReady(lamp);
    }

    @Test
    void returns_once_the_device_gets_ready() throws Exception {
        Lamp lamp = new Lamp();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            lamp.set("ON");
        });
        t.start();
        on().withStartupTimeout(Duration.ofSeconds(5)).waitUntilReady(lamp);
        t.join();
    }

    @Test
    void a_device_that_never_gets_ready_fails_within_its_deadline_naming_device_state_deadline_and_last_seen() {
        Lamp lamp = new Lamp();
        long t0 = System.nanoTime();
        DeviceNotReadyException e = assertThrows(DeviceNotReadyException.class,
                () -> on().withStartupTimeout(Duration.ofMillis(200)).waitUntilReady(lamp));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(tookMs >= 200 && tookMs < 2_000, "took " + tookMs + " ms");
        assertEquals("lamp on /dev/pts/9: did not reach ON within 200 ms; last seen: it is OFF", e.getMessage());
        assertEquals("lamp on /dev/pts/9", e.device());
        assertEquals("ON", e.state());
        assertEquals(Duration.ofMillis(200), e.timeout());
        assertEquals("it is OFF", e.lastSeen());
    }

    @Test
    void pausing_on_the_devices_monitor_wakes_on_its_change_not_the_next_poll() throws Exception {
        Lamp lamp = new Lamp();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            lamp.set("ON");
        });
        long t0 = System.nanoTime();
        synchronized (lamp) {
            t.start();
            // A poll interval far longer than the change: only the notify can end the wait in time.
            on().pausingOn(lamp).withPollInterval(Duration.ofSeconds(30)).withStartupTimeout(Duration.ofSeconds(60)).waitUntilReady(lamp);
        }
        assertTrue((System.nanoTime() - t0) < 10_000_000_000L, "woken by the notify");
        t.join();
    }

    @Test
    void a_condition_without_an_object_is_named_by_the_string_given() {
        AtomicInteger tries = new AtomicInteger();
        DeviceNotReadyException e = assertThrows(DeviceNotReadyException.class, () -> Wait.until("bound", () -> tries.incrementAndGet() < 0,
                () -> "refused " + tries.get() + " times").withStartupTimeout(Duration.ofMillis(100)).waitUntilReady("network 'uplink' on 127.0.0.1:9"));
        assertTrue(e.getMessage().startsWith("network 'uplink' on 127.0.0.1:9: did not reach bound within 100 ms; last seen: refused "), e.getMessage());
        assertTrue(tries.get() > 1, "looked more than once: " + tries.get());
    }

    @Test
    void a_device_that_shows_it_never_will_fails_at_once_not_at_the_deadline() {
        Lamp lamp = new Lamp();
        lamp.set("FUSED");
        long t0 = System.nanoTime();
        DeviceNotReadyException e = assertThrows(DeviceNotReadyException.class,
                () -> on().failingWhen(l -> l.state().equals("FUSED")).withStartupTimeout(Duration.ofSeconds(30)).waitUntilReady(lamp));
        assertTrue((System.nanoTime() - t0) < 5_000_000_000L, "at once");
        assertEquals("lamp on /dev/pts/9: cannot reach ON (given 30000 ms); last seen: it is FUSED", e.getMessage());
    }

    @Test
    void an_interrupted_wait_says_so_and_keeps_the_interrupt() {
        Lamp lamp = new Lamp();
        Thread.currentThread().interrupt();
        DeviceNotReadyException e = assertThrows(DeviceNotReadyException.class, () -> on().waitUntilReady(lamp));
        assertTrue(Thread.interrupted(), "the interrupt is kept");
        assertTrue(e.getMessage().contains("interrupted while waiting for ON"), e.getMessage());
    }

    @Test
    void observing_answers_not_reached_after_the_full_time_with_the_last_thing_seen_rather_than_failing() {
        Lamp lamp = new Lamp();
        long t0 = System.nanoTime();
        Observation<Lamp> seen = on().withStartupTimeout(Duration.ofMillis(200)).observe(lamp);
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(tookMs >= 200, "the full time: " + tookMs + " ms");
        assertEquals(false, seen.happened());
        assertEquals("it is OFF", seen.lastSeen());
        assertEquals("lamp on /dev/pts/9", seen.device());
        DeviceNotReadyException e = assertThrows(DeviceNotReadyException.class, seen::orElseThrow);
        assertEquals("lamp on /dev/pts/9: did not reach ON within 200 ms; last seen: it is OFF", e.getMessage());
    }

    @Test
    void observing_a_device_that_gets_there_carries_it_and_what_was_seen() {
        Lamp lamp = new Lamp();
        lamp.set("ON");
        Observation<String> seen = on().observe(lamp).map(Lamp::state);
        assertTrue(seen.happened());
        assertEquals("ON", seen.orElseThrow());
        assertEquals("it is ON", seen.lastSeen());
    }

    @Test
    void observing_a_hopeless_device_answers_at_once_as_given_up() {
        Lamp lamp = new Lamp();
        long t0 = System.nanoTime();
        Observation<Lamp> seen = on().withStartupTimeout(Duration.ofSeconds(5)).failingWhen(l -> true).observe(lamp);
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 1_000, "at once");
        assertTrue(!seen.happened() && seen.gaveUp(), seen.toString());
        assertTrue(assertThrows(DeviceNotReadyException.class, seen::orElseThrow).getMessage().contains("cannot reach ON"));
    }
}
