package io.wavebench.simulators.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.reader.card.CardReading.RetakeReason;
import io.wavebench.simulators.refusal.ReaderRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the reader tells a shopper on the VMC's display: every text fits, and reads back as what it says. */
class ReaderMessageTest {

    @Test
    void every_message_fits_a_2_by_16_display_and_parses_back_to_itself() {
        List<ReaderMessage> all = new ArrayList<>();
        for (ReaderRefusal r : ReaderRefusal.values()) if (r.kind().onVendingDisplay()) all.add(new ReaderMessage.Refused(r));
        for (RetakeReason r : RetakeReason.values()) all.add(new ReaderMessage.Retake(r));
        all.add(new ReaderMessage.CardBound("411111******1111"));
        all.add(new ReaderMessage.CardBound("623456*********1234")); // a 19-digit UnionPay number
        for (ReaderMessage m : all) {
            assertTrue(m.text().length() <= ReaderMessage.MAX_CHARS, () -> "'" + m.text() + "' is " + m.text().length() + " characters");
            assertEquals(Optional.of(m), ReaderMessage.parse(m.text()), () -> "'" + m.text() + "' reads back");
            assertEquals(Optional.of(m), ReaderMessage.parse(m.text() + "   "), "an MDB display text comes space-padded");
        }
        assertEquals("CARD 411111******1111", new ReaderMessage.CardBound("411111******1111").text());
        assertEquals("CARD REFUSED FAILS LUHN", new ReaderMessage.Refused(ReaderRefusal.FAILS_LUHN).text());
        assertEquals("RETAKE PHOTO TOO BLURRY", new ReaderMessage.Retake(RetakeReason.TOO_BLURRY).text());
        assertEquals("DECLINED 09 REPLAY", new ReaderMessage.Refused(ReaderRefusal.REPLAY).text());
    }

    @Test
    void a_text_the_reader_never_shows_reads_as_nothing_and_a_full_number_is_never_a_message() {
        assertEquals(Optional.empty(), ReaderMessage.parse("THANK YOU"));
        assertEquals(Optional.empty(), ReaderMessage.parse("DECLINED 7F SOMETHING"));
        assertEquals(Optional.empty(), ReaderMessage.parse("CARD 4111111111111111"), "a full number on the display is no message of the reader's");
        assertThrows(IllegalArgumentException.class, () -> new ReaderMessage.CardBound("4111111111111111"));
    }

    @Test
    void a_ticket_refusal_is_the_kiosks_to_show_not_the_vending_machines() {
        // A kiosk's refusal is longer than a 2 x 16 display and goes on its own screen (DESIGN §5.5).
        assertThrows(IllegalArgumentException.class, () -> new ReaderMessage.Refused(ReaderRefusal.PRINTER_NOT_READY));
        assertEquals(Optional.empty(), ReaderMessage.parse(ReaderRefusal.ALREADY_REDEEMED.displayText()));
    }
}
