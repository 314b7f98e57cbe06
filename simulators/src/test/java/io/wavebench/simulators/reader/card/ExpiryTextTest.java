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

    @Test
    void a_month_and_year_whose_slash_was_lost_are_a_date_only_as_two_words_alone() {
        assertEquals(Optional.of(new Expiry(8, 2029)), date("08 29"));
        assertEquals(Optional.empty(), date("0829"), "four digits run together say nothing of where a slash stood");
        assertEquals(Optional.empty(), date("08 29 5"), "a third word: not a date alone");
        assertEquals(Optional.empty(), date("13 29"), "no thirteenth month");
    }

    @Test
    void four_digits_are_a_date_where_the_line_shows_two_pairs() {
        assertEquals(Optional.of(new Expiry(12, 2028)), CardPhotoReader.date(new Recognized("1228", 90), true));
        assertEquals(Optional.empty(), CardPhotoReader.date(new Recognized("1228", 90), false));
        assertEquals(Optional.empty(), CardPhotoReader.date(new Recognized("4111", 90), true), "no forty-first month");
    }

    @Test
    void a_month_whose_zero_was_read_as_a_six_is_that_month() {
        assertEquals(Optional.of(new Expiry(9, 2031)), date("69/31"));
        assertEquals(Optional.of(new Expiry(3, 2029)), date("63/29"));
        assertEquals(Optional.empty(), date("60/29"), "no month 00");
        assertEquals(Optional.empty(), date("169/31"), "a digit before the month: a misread");
    }
}
