package io.wavebench.simulators.card;

import io.wavebench.simulators.refusal.ReaderRefusal;
import java.util.Optional;

/**
 * The rules a card number read from a photo must pass before it is tokenized (DESIGN §5.4), in
 * the order IIN, length, Luhn: a length is only known for a scheme, and the scheme by its IIN.
 * Expiry is checked apart, on the expiry read beside the number ({@link ReaderRefusal#CARD_EXPIRED}).
 */
public final class CardNumberRules {

    private CardNumberRules() {}

    /** The first rule {@code pan} breaks; empty when it passes. */
    public static Optional<ReaderRefusal> check(Pan pan) {
        var scheme = CardScheme.ofPrefix(pan.revealDigits());
        if (scheme.isEmpty()) return Optional.of(ReaderRefusal.UNKNOWN_IIN);
        if (!scheme.get().lengths().contains(pan.length())) return Optional.of(ReaderRefusal.WRONG_LENGTH);
        if (!pan.luhnValid()) return Optional.of(ReaderRefusal.FAILS_LUHN);
        return Optional.empty();
    }
}
