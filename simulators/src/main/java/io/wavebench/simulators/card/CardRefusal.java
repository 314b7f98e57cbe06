package io.wavebench.simulators.card;

import io.wavebench.simulators.refusal.Refusal;
import java.util.Optional;

/**
 * Why a card number read from a photo is not taken (DESIGN §5.4). Each has its own name so the
 * reader's message, the backend's error and the report can tell them apart.
 */
public enum CardRefusal implements Refusal {
    /** Not a length any scheme uses for that prefix. */
    WRONG_LENGTH(0x41, "wrong length", "WRONG LENGTH"),
    /** The prefix is in no known scheme's IIN ranges. */
    UNKNOWN_IIN(0x42, "unknown issuer", "UNKNOWN ISSUER"),
    /** The Luhn check digit does not match. */
    FAILS_LUHN(0x43, "fails luhn", "FAILS LUHN"),
    /** The card's expiry month is over. */
    CARD_EXPIRED(0x44, "card expired", "EXPIRED");

    private final int code;
    private final String description;
    private final String displayLabel;

    CardRefusal(int code, String description, String displayLabel) {
        this.code = code;
        this.description = description;
        this.displayLabel = displayLabel;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }

    /** How the reader says it on the VMC's display: {@code CARD REFUSED FAILS LUHN} (no code: a shopper's card, not a payment, was refused). */
    @Override
    public String displayText() {
        return "CARD REFUSED " + displayLabel;
    }

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
