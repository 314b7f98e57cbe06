package io.wavebench.simulators.card;

import java.util.List;
import java.util.Optional;

/**
 * The major schemes by IIN range and length (the schemes' published IIN tables). A number is
 * accepted only when its prefix is in one scheme's ranges and its length is one that scheme uses.
 * {@code groups} is how the scheme prints the number on the card face.
 */
public enum CardScheme {
    VISA(List.of(range(4, 4)), List.of(16), new int[] {4, 4, 4, 4}),
    MASTERCARD(List.of(range(51, 55), range(2221, 2720)), List.of(16), new int[] {4, 4, 4, 4}),
    AMEX(List.of(range(34, 34), range(37, 37)), List.of(15), new int[] {4, 6, 5}),
    DISCOVER(List.of(range(6011, 6011), range(644, 649), range(65, 65)), List.of(16), new int[] {4, 4, 4, 4}),
    JCB(List.of(range(3528, 3589)), List.of(16), new int[] {4, 4, 4, 4}),
    UNIONPAY(List.of(range(62, 62)), List.of(16, 17, 18, 19), new int[] {4, 4, 4, 4});

    /** Prefixes {@code low..high} of the same number of digits. */
    public record IinRange(int low, int high) {
        public int digits() {
            return Integer.toString(low).length();
        }

        boolean contains(String pan) {
            if (pan.length() < digits()) return false;
            int prefix = Integer.parseInt(pan.substring(0, digits()));
            return prefix >= low && prefix <= high;
        }
    }

    private final List<IinRange> ranges;
    private final List<Integer> lengths;
    private final int[] groups;

    CardScheme(List<IinRange> ranges, List<Integer> lengths, int[] groups) {
        this.ranges = ranges;
        this.lengths = lengths;
        this.groups = groups;
    }

    private static IinRange range(int low, int high) {
        return new IinRange(low, high);
    }

    public List<IinRange> ranges() {
        return ranges;
    }

    public List<Integer> lengths() {
        return lengths;
    }

    /** Digits per printed group for a number of this scheme's first length. */
    public int[] groups() {
        return groups.clone();
    }

    /** The scheme whose IIN ranges hold this number's prefix (any length). */
    public static Optional<CardScheme> ofPrefix(String digits) {
        for (CardScheme s : values()) {
            for (IinRange r : s.ranges) if (r.contains(digits)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
