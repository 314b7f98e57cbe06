package io.wavebench.simulators.refusal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.card.CardRefusal;
import io.wavebench.simulators.reader.CodeRefusal;
import io.wavebench.simulators.ticket.TicketRefusal;
import io.wavebench.simulators.token.RejectionReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader's one refusal vocabulary: one code, and one display text, per refusal. */
class RefusalsTest {

    @Test
    void every_refusal_of_every_kind_is_in_the_vocabulary() {
        int kinds = RejectionReason.values().length + CodeRefusal.values().length + CardRefusal.values().length + TicketRefusal.values().length;
        assertEquals(kinds, Refusals.all().size());
    }

    @Test
    void no_two_refusals_share_a_code_or_a_display_text() {
        assertEquals(Map.of(), Refusals.sharedCodes(Refusals.all()), "codes used by more than one refusal");
        assertEquals(Map.of(), Refusals.sharedDisplayTexts(Refusals.all()), "display texts used by more than one refusal");
    }

    @Test
    void a_code_given_twice_is_named_with_both_refusals() {
        // The check itself must be able to fail: a ticket refusal given a token's code.
        Refusal clash = new Refusal() {
            public int code() {
                return RejectionReason.REPLAY.code();
            }

            public String description() {
                return "a ticket refusal with a token's code";
            }

            public String displayText() {
                return "REFUSED 09 CLASH";
            }

            public String name() {
                return "CLASH";
            }
        };
        Map<Integer, List<String>> shared = Refusals.sharedCodes(List.of(RejectionReason.REPLAY, clash, TicketRefusal.FORGED));
        assertEquals(1, shared.size(), shared::toString);
        List<String> named = shared.get(RejectionReason.REPLAY.code());
        assertTrue(named.contains("RejectionReason.REPLAY") && named.stream().anyMatch(n -> n.endsWith(".CLASH")), named::toString);
    }

    @Test
    void what_the_reader_shows_on_a_vending_machine_fits_its_display() {
        // MDB 4.2 §7.4.4 DISPLAY REQUEST: at most 32 characters (a 2 x 16 display). Tickets are
        // refused on the kiosk's own screen, not the VMC's.
        Refusals.all().stream().filter(r -> !(r instanceof TicketRefusal))
                .forEach(r -> assertTrue(r.displayText().length() <= RejectionReason.DISPLAY_CHARS, r + ": " + r.displayText()));
    }

    @Test
    void a_refusal_is_found_by_its_code() {
        assertEquals(CodeRefusal.BARCODE_ALREADY_USED, Refusals.byCode(0x24).orElseThrow());
        assertEquals(CardRefusal.FAILS_LUHN, Refusals.byCode(0x43).orElseThrow());
        assertTrue(Refusals.byCode(0x7F).isEmpty());
    }
}
