package io.wavebench.simulators.card;

import java.util.Optional;

/**
 * Why a card number read from a photo is not taken (DESIGN §5.4). Each has its own name so the
 * reader's message, the backend's error and the report can tell them apart.
 */
public enum CardRefusal {
    /** Not a length any scheme uses for that prefix. */
    WRONG_LENGTH,
    /** The prefix is in no known scheme's IIN ranges. */
    UNKNOWN_IIN,
    /** The Luhn check digit does not match. */
    FAILS_LUHN,
    /** The card's expiry month is over. */
    CARD_EXPIRED;

    /**
     * The first rule {@code pan} breaks, in the order IIN, length, Luhn (a length is only known
     * for a scheme, and the scheme by its IIN); empty when it passes. Expiry is checked apart, on
     * the expiry read beside the number.
     */
    public static Optional<CardRefusal> check(Pan pan) {
        var scheme = CardScheme.ofPrefix(pan.revealDigits());
        if (scheme.isEmpty()) return Optional.of(UNKNOWN_IIN);
        if (!scheme.get().lengths().contains(pan.length())) return Optional.of(WRONG_LENGTH);
        if (!pan.luhnValid()) return Optional.of(FAILS_LUHN);
        return Optional.empty();
    }
}
