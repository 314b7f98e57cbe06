package io.wavebench.simulators.card;

import java.util.Objects;

/**
 * A primary account number: the secret a card photo carries (DESIGN §5.4, PCI DSS). It prints
 * masked everywhere ({@link #toString()} is {@link #masked()}), so a log line, an exception
 * message or a report that mentions a {@code Pan} shows at most the first 6 and last 4 digits.
 * The digits themselves come out only through {@link #revealDigits()}, which only the
 * tokenization request and the checks call.
 */
public final class Pan {

    private final String digits;

    private Pan(String digits) {
        this.digits = digits;
    }

    /**
     * @throws IllegalArgumentException (without the digits in its message) unless 12 to 19 digits
     */
    public static Pan of(String digits) {
        if (digits == null || !digits.matches("[0-9]{12,19}")) {
            throw new IllegalArgumentException("a card number is 12 to 19 digits; got " + (digits == null ? "null" : digits.length() + " characters"));
        }
        return new Pan(digits);
    }

    public int length() {
        return digits.length();
    }

    /** The first {@code n} digits (an IIN is 6 or 8). */
    public String prefix(int n) {
        return digits.substring(0, Math.min(n, digits.length()));
    }

    public String lastFour() {
        return digits.substring(digits.length() - 4);
    }

    /** PCI DSS 3.4: at most the first six and the last four digits shown. */
    public String masked() {
        return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + lastFour();
    }

    public boolean luhnValid() {
        return Luhn.valid(digits);
    }

    /** The full number. Only for the tokenization request and ground truth; never print it. */
    public String revealDigits() {
        return digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pan p && p.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
