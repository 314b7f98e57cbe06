package io.wavebench.features.steps;

import io.wavebench.simulators.reader.ReaderMessage;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * What the reader told the shopper, read where a real reader shows it: the vending machine's
 * display, as the VMC decoded the reader's MDB DISPLAY REQUESTs (DESIGN §3). Each text is read
 * back as a typed {@link ReaderMessage}; a wait starts at a bus event index taken at the step's
 * When, so nothing shown before it counts.
 */
final class ReaderDisplay {

    private ReaderDisplay() {}

    /**
     * The first message of one of {@code kinds} displayed at bus event #{@code from} or later,
     * within {@code within}: the reader's answer to what the step showed it. Whether it is the
     * answer the scenario expects is the caller's to assert, so a wrong answer fails at once
     * instead of waiting for a right one that will not come.
     *
     * @throws AssertionFailedError naming {@code alias}, the wait and everything the display said after {@code from}
     */
    @SafeVarargs
    static ReaderMessage awaitAnswer(SimulatedVmc vmc, String alias, int from, Duration within, Class<? extends ReaderMessage>... kinds) {
        Optional<VmcEvent> shown = vmc.awaitEvent(e -> e.type() == VmcEvent.Type.DISPLAYED && parsed(e).filter(m -> isOneOf(m, kinds)).isPresent(), within, from);
        return shown.flatMap(ReaderDisplay::parsed).orElseThrow(() -> new AssertionFailedError(alias + ": no " + names(kinds)
                + " on the machine's display at bus event #" + from + " or later within " + within.toMillis() + " ms; the display said "
                + displayedSince(vmc, from) + "; VMC state " + vmc.state()));
    }

    /** Every text the display showed from bus event #{@code from} on, oldest first. */
    static List<String> displayedSince(SimulatedVmc vmc, int from) {
        List<VmcEvent> events = vmc.events();
        return events.subList(Math.min(from, events.size()), events.size()).stream()
                .filter(e -> e.type() == VmcEvent.Type.DISPLAYED).map(e -> "'" + e.detail() + "'").toList();
    }

    private static Optional<ReaderMessage> parsed(VmcEvent e) {
        return ReaderMessage.parse(e.detail());
    }

    private static boolean isOneOf(ReaderMessage m, Class<? extends ReaderMessage>[] kinds) {
        for (Class<? extends ReaderMessage> k : kinds) if (k.isInstance(m)) return true;
        return false;
    }

    private static String names(Class<? extends ReaderMessage>[] kinds) {
        return java.util.Arrays.stream(kinds).map(Class::getSimpleName).collect(java.util.stream.Collectors.joining(" or "));
    }
}
