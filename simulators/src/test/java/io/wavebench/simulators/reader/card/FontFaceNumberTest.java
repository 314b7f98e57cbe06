package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.ocr.Recognized;
import org.junit.jupiter.api.Test;

/** A face's sure reading of a whole number line is taken at any grouping's count of digits, and only with Luhn. */
class FontFaceNumberTest {

    @Test
    void nineteen_digits_cut_into_three_groups_are_a_number() {
        assertEquals("6212345678901234569", CardPhotoReader.anyGroupingsCount(new Recognized("6212 34567890 1234569", 95)).orElseThrow().text());
    }

    @Test
    void a_count_no_grouping_has_or_a_failed_luhn_is_no_number() {
        assertTrue(CardPhotoReader.anyGroupingsCount(new Recognized("62123456789012347", 95)).isEmpty(), "17 digits, Luhn valid: no scheme prints 17");
        assertTrue(CardPhotoReader.anyGroupingsCount(new Recognized("6212 34567890 1234568", 95)).isEmpty(), "19 digits failing Luhn");
        assertTrue(CardPhotoReader.anyGroupingsCount(new Recognized("", 0)).isEmpty(), "a refused line");
    }
}
