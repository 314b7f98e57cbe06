package io.wavebench.drivers.codes;

import java.util.Optional;

/**
 * What a decoded barcode must be (DESIGN §5.2): exactly {@code digits} decimal digits starting
 * with {@code prefix}. Every value is checked: ZXing has been seen to return a wrong Code 128 value
 * at 45°.
 */
public record BarcodeCheck(int digits, String prefix) {

    /** The payment code: 18 digits, prefix 28. */
    public static final BarcodeCheck PAYMENT_CODE = new BarcodeCheck(18, "28");

    public BarcodeCheck {
        if (digits <= 0) throw new IllegalArgumentException("digits must be positive");
        if (!prefix.chars().allMatch(Character::isDigit) || prefix.length() > digits) {
            throw new IllegalArgumentException("prefix must be at most " + digits + " digits: '" + prefix + "'");
        }
    }

    /** Empty to accept the text. */
    public Optional<Refusal> refuse(String text) {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(new Refusal("NOT_DIGITS", "'" + printable(text) + "' is not all digits"));
        }
        if (text.length() != digits) {
            return Optional.of(new Refusal("WRONG_LENGTH", text.length() + " digits, a payment code has " + digits));
        }
        if (!text.startsWith(prefix)) {
            return Optional.of(new Refusal("WRONG_PREFIX", "starts " + text.substring(0, prefix.length()) + ", a payment code starts " + prefix));
        }
        return Optional.empty();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\x%02x", c)));
        return out.toString();
    }
}
