package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wavebench.drivers.ocr.Recognized;
import io.wavebench.simulators.card.Expiry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the card capture takes for an expiry in an OCR reading: MM/YY standing alone. */
class ExpiryTextTest {

    private static Optional<Expiry> date(String text) {
        return CardPhotoReader.date(new Recognized(text, 90));
    }

    @Test
    void a_month_and_year_alone_are_a_date() {
        assertEquals(Optional.of(new Expiry(11, 2028)), date("11/28"));
        assertEquals(Optional.of(new Expiry(4, 2030)), date("04 / 30"));
    }

    @Test
    void digits_run_into_a_date_make_it_a_misread_not_a_shorter_date() {
        assertEquals(Optional.empty(), date("11/238"), "an extra digit after the year");
        assertEquals(Optional.empty(), date("711/28"), "an extra digit before the month");
        assertEquals(Optional.empty(), date("13/28"), "no thirteenth month");
        assertEquals(Optional.empty(), date("1/28"), "a month of one digit is half read");
    }
}
