package io.wavebench.features.steps;

import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Waiting for the vending machine's bus events, the one way every step class does it: on the VMC's
 * own {@link SimulatedVmc#awaitEvent(java.util.function.Predicate, Duration, int)}, from an event
 * index ({@link SimulatedVmc#eventCount()} taken before the step acted), bounded, and on timeout a
 * failure that names what was awaited, the VMC's state and the events it saw.
 */
final class VmcEvents {

    /** Events a failure message shows at most: the latest. */
    private static final int SHOWN = 20;

    private VmcEvents() {}

    /** The first {@code type} event at index {@code from} or later, within {@code within}; or fails naming {@code alias}. */
    static VmcEvent await(SimulatedVmc vmc, String alias, Type type, int from, Duration within) {
        return await(vmc, alias, type, from, within, () -> "");
    }

    /** As {@link #await(SimulatedVmc, String, Type, int, Duration)}, with {@code more} appended to the failure message. */
    static VmcEvent await(SimulatedVmc vmc, String alias, Type type, int from, Duration within, Supplier<String> more) {
        int start = Math.max(0, from);
        return vmc.awaitEvent(e -> e.type() == type, within, start).orElseThrow(() -> new AssertionFailedError(
                alias + ": no " + type + " at bus event #" + start + " or later within " + within.toMillis() + " ms; VMC state "
                        + vmc.state() + ", " + shown(vmc.events()) + more.get()));
    }

    /** "bus events: [...]", the latest {@value #SHOWN} when there are more. */
    static String shown(List<VmcEvent> events) {
        if (events.size() <= SHOWN) return "bus events: " + events;
        return "bus events (last " + SHOWN + " of " + events.size() + "): " + events.subList(events.size() - SHOWN, events.size());
    }
}
