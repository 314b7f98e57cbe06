package io.wavebench.simulators.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.refusal.ReaderRefusal;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Card number rules (DESIGN §5.4): Luhn, IIN ranges and lengths, masking. */
class CardNumbersTest {

    @Test
    void luhn_accepts_the_textbook_number_and_refuses_one_digit_off() {
        assertTrue(Luhn.valid("79927398713"));
        assertFalse(Luhn.valid("79927398714"));
        assertEquals(3, Luhn.checkDigit("7992739871"));
    }

    @Test
    void schemes_are_found_by_prefix() {
        assertEquals(Optional.of(CardScheme.VISA), CardScheme.ofPrefix("4111111111111111"));
        assertEquals(Optional.of(CardScheme.MASTERCARD), CardScheme.ofPrefix("2221001234567890"));
        assertEquals(Optional.of(CardScheme.AMEX), CardScheme.ofPrefix("371449635398431"));
        assertEquals(Optional.of(CardScheme.DISCOVER), CardScheme.ofPrefix("6011000990139424"));
        assertEquals(Optional.of(CardScheme.JCB), CardScheme.ofPrefix("3530111333300000"));
        assertEquals(Optional.of(CardScheme.UNIONPAY), CardScheme.ofPrefix("6200000000000005"));
        assertEquals(Optional.empty(), CardScheme.ofPrefix("9999999999999995"));
    }

    @Test
    void refusals_name_the_first_broken_rule() {
        assertEquals(Optional.empty(), CardNumberRules.check(Pan.of("4111111111111111")));
        assertEquals(Optional.of(ReaderRefusal.FAILS_LUHN), CardNumberRules.check(Pan.of("4111111111111112")));
        assertEquals(Optional.of(ReaderRefusal.WRONG_LENGTH), CardNumberRules.check(Pan.of("411111111111111")));
        assertEquals(Optional.of(ReaderRefusal.UNKNOWN_IIN), CardNumberRules.check(Pan.of("9111111111111111")));
    }

    @Test
    void a_pan_prints_masked_first_six_last_four() {
        Pan pan = Pan.of("4111111111111111");
        assertEquals("411111******1111", pan.masked());
        assertEquals("411111******1111", pan.toString());
        assertEquals("371449*****8431", Pan.of("371449635398431").masked());
        var e = assertThrows(IllegalArgumentException.class, () -> Pan.of("4111 1111 1111 1111"));
        assertFalse(e.getMessage().contains("4111"), e.getMessage());
    }

    @Test
    void expiry_runs_to_the_end_of_its_month() {
        Expiry e = Expiry.parse("11/26");
        assertEquals(new Expiry(11, 2026), e);
        assertFalse(e.expiredAt(YearMonth.of(2026, 11)));
        assertTrue(e.expiredAt(YearMonth.of(2026, 12)));
        assertThrows(IllegalArgumentException.class, () -> Expiry.parse("13/26"));
    }
}
