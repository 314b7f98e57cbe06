package io.wavebench.simulators.card;

/** The Luhn (mod 10) check every card number carries in its last digit (ISO/IEC 7812-1). */
public final class Luhn {

    private Luhn() {}

    public static boolean valid(String digits) {
        return digits.length() >= 2 && sum(digits, false) % 10 == 0;
    }

    /** The digit that makes {@code body} followed by it Luhn-valid. */
    public static int checkDigit(String body) {
        return (10 - sum(body, true) % 10) % 10;
    }

    private static int sum(String digits, boolean doubleLast) {
        int sum = 0;
        boolean twice = doubleLast;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) throw new IllegalArgumentException("not a digit at position " + i);
            if (twice) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            twice = !twice;
        }
        return sum;
    }
}
