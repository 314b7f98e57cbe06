package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wavebench.drivers.ocr.Recognized;
import io.wavebench.simulators.card.Expiry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    private static List<Recognized> read(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> new Recognized(t, 90)).toList();
    }

    @Test
    void the_faint_ink_crop_gives_a_slash_to_digits_the_line_crop_read() {
        assertEquals(Set.of(new Expiry(3, 2031)), CardPhotoReader.lineDates(read("0331", "0331"), read("03/31", "0331"), false),
                "the line's crop lost the slash; the faint-ink crop shows it");
        assertEquals(Set.of(new Expiry(11, 2029)), CardPhotoReader.lineDates(read("11/29", ""), read("", ""), false));
    }

    @Test
    void the_faint_ink_crop_names_no_digit_the_line_crop_did_not_read() {
        assertEquals(Set.of(), CardPhotoReader.lineDates(read("0929", "079"), read("03/29", "2"), false), "a 9's counter filled: 09/29 read 03/29");
        assertEquals(Set.of(), CardPhotoReader.lineDates(read("", ""), read("07/28", "07/28"), false), "the line's crop read nothing");
        assertEquals(Set.of(new Expiry(9, 2029), new Expiry(3, 2029)), CardPhotoReader.lineDates(read("09/29", "03/29"), read("03/29", ""), false),
                "both of the line's crop's dates stand, to be refused as a contradiction");
    }
}
