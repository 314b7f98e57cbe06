package io.wavebench.simulators.refusal;

import io.wavebench.simulators.card.CardRefusal;
import io.wavebench.simulators.reader.CodeRefusal;
import io.wavebench.simulators.ticket.TicketRefusal;
import io.wavebench.simulators.token.RejectionReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reader's one refusal vocabulary: every {@link Refusal} of every kind, whose codes must not
 * collide — a code on a display, in a backend report or in the journal names one refusal only.
 * Code ranges by kind: tokens 0x01–0x1F, payment barcodes 0x21–0x2F, tickets 0x30–0x3F, card
 * numbers 0x40–0x4F.
 */
public final class Refusals {

    private Refusals() {}

    /** Every refusal the reader gives, kind by kind. */
    public static List<Refusal> all() {
        return Stream.of(RejectionReason.values(), CodeRefusal.values(), CardRefusal.values(), TicketRefusal.values())
                .flatMap(Stream::of).map(Refusal.class::cast).toList();
    }

    /** The refusal with this code. */
    public static Optional<Refusal> byCode(int code) {
        return all().stream().filter(r -> r.code() == code).findFirst();
    }

    /** Refusals of {@code refusals} that share a code with another, by code; empty when every code is its own. */
    public static Map<Integer, List<String>> sharedCodes(List<Refusal> refusals) {
        return shared(refusals, Refusal::code);
    }

    /** Refusals of {@code refusals} that share their display text with another; empty when none do. */
    public static Map<String, List<String>> sharedDisplayTexts(List<Refusal> refusals) {
        return shared(refusals, Refusal::displayText);
    }

    private static <K> Map<K, List<String>> shared(List<Refusal> refusals, Function<Refusal, K> key) {
        Map<K, List<String>> byKey = refusals.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.mapping(r -> r.getClass().getSimpleName() + "." + r.name(), Collectors.toCollection(ArrayList::new))));
        byKey.values().removeIf(names -> names.size() < 2);
        return byKey;
    }
}
