package io.wavebench.simulators.refusal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.reader.ReaderMessage;
import io.wavebench.simulators.refusal.ReaderRefusal.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reader's one refusal vocabulary: one code, and one display text, per refusal. */
class ReaderRefusalTest {

    /** A refusal as the check sees it: its name, code and display text. */
    record Listed(String name, int code, String displayText) {
        static Listed of(ReaderRefusal r) {
            return new Listed(r.kind() + "." + r.name(), r.code(), r.displayText());
        }
    }

    @Test
    void no_two_refusals_share_a_code_or_a_display_text() {
        List<Listed> all = Arrays.stream(ReaderRefusal.values()).map(Listed::of).toList();
        assertEquals(Map.of(), shared(all, Listed::code), "codes used by more than one refusal");
        assertEquals(Map.of(), shared(all, Listed::displayText), "display texts used by more than one refusal");
    }

    @Test
    void a_code_given_twice_is_named_with_both_refusals() {
        // The check itself must be able to fail: a ticket refusal given a token's code.
        Listed clash = new Listed("TICKET.CLASH", ReaderRefusal.REPLAY.code(), "REFUSED 09 CLASH");
        List<Listed> listed = Stream.concat(Stream.of(ReaderRefusal.REPLAY, ReaderRefusal.FORGED_TICKET).map(Listed::of), Stream.of(clash)).toList();
        Map<Integer, List<String>> shared = shared(listed, Listed::code);
        assertEquals(Map.of(ReaderRefusal.REPLAY.code(), List.of("TOKEN.REPLAY", "TICKET.CLASH")), shared);
    }

    @Test
    void each_code_lies_in_its_kinds_range_so_kinds_cannot_meet() {
        for (ReaderRefusal r : ReaderRefusal.values()) {
            assertTrue(r.kind().owns(r.code()), () -> r + String.format(" has code %02X, outside the range of %s", r.code(), r.kind()));
            for (Kind other : Kind.values()) if (other != r.kind()) assertTrue(!other.owns(r.code()), () -> r + " is also in the range of " + other);
        }
    }

    @Test
    void within_a_kind_the_features_words_name_one_refusal() {
        for (Kind kind : Kind.values()) {
            List<String> words = Arrays.stream(ReaderRefusal.values()).filter(r -> r.kind() == kind).map(ReaderRefusal::description).toList();
            assertEquals(words.size(), words.stream().distinct().count(), kind + ": " + words);
        }
        assertEquals(ReaderRefusal.ALREADY_REDEEMED, ReaderRefusal.described(Kind.TICKET, "already redeemed"));
        // The same words may name refusals of two kinds: a token's issuer and a card's are not the same thing.
        assertEquals(ReaderRefusal.UNKNOWN_ISSUER, ReaderRefusal.described(Kind.TOKEN, "unknown issuer"));
        assertEquals(ReaderRefusal.UNKNOWN_IIN, ReaderRefusal.described(Kind.CARD, "unknown issuer"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ReaderRefusal.described(Kind.BARCODE, "replay"));
        assertTrue(unknown.getMessage().contains("barcode already used"), unknown.getMessage());
    }

    @Test
    void what_the_reader_shows_on_a_vending_machine_fits_its_display() {
        // MDB 4.2 §7.4.4 DISPLAY REQUEST: at most 32 characters (a 2 x 16 display). Tickets are
        // refused on the kiosk's own screen, not the VMC's.
        Arrays.stream(ReaderRefusal.values()).filter(r -> r.kind().onVendingDisplay())
                .forEach(r -> assertTrue(r.displayText().length() <= ReaderMessage.MAX_CHARS, r + ": " + r.displayText()));
    }

    @Test
    void each_kind_says_it_in_its_own_form() {
        assertEquals("DECLINED 09 REPLAY", ReaderRefusal.REPLAY.displayText());
        assertEquals("DECLINED 21 READER OFFLINE", ReaderRefusal.READER_OFFLINE.displayText());
        assertEquals("REFUSED 35 ALREADY REDEEMED", ReaderRefusal.ALREADY_REDEEMED.displayText());
        assertEquals("CARD REFUSED FAILS LUHN", ReaderRefusal.FAILS_LUHN.displayText());
    }

    @Test
    void a_refusal_is_found_by_its_code_and_by_its_display_text() {
        assertEquals(ReaderRefusal.BARCODE_ALREADY_USED, ReaderRefusal.byCode(0x24).orElseThrow());
        assertEquals(ReaderRefusal.FAILS_LUHN, ReaderRefusal.byCode(0x43).orElseThrow());
        assertTrue(ReaderRefusal.byCode(0x7F).isEmpty());
        for (ReaderRefusal r : ReaderRefusal.values()) assertEquals(r, ReaderRefusal.byDisplayText(r.displayText() + "   ").orElseThrow(), "space-padded as on MDB");
        assertTrue(ReaderRefusal.byDisplayText("DECLINED 7F SOMETHING").isEmpty());
    }

    /** Names of {@code listed} that share a key with another, by key; empty when every key is its own. */
    private static <K> Map<K, List<String>> shared(List<Listed> listed, Function<Listed, K> key) {
        Map<K, List<String>> byKey = listed.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.mapping(Listed::name, Collectors.toCollection(ArrayList::new))));
        byKey.values().removeIf(names -> names.size() < 2);
        return byKey;
    }
}
