package io.wavebench.simulators.refusal;

/**
 * One refusal the reader gives: a token (DESIGN §5.1), a payment barcode (§5.2), a card number
 * (§5.4) or a ticket at a kiosk (§5.5). Every refusal has a code of its own across all of them
 * ({@link Refusals}), the words the features and the report use, and what the reader shows.
 */
public interface Refusal {

    /** Unique among every refusal the reader gives ({@link Refusals#all()}). */
    int code();

    /** In the features' words, e.g. "replay", "barcode already used". */
    String description();

    /** What the reader shows for it, e.g. {@code DECLINED 09 REPLAY}. */
    String displayText();

    /** The constant's name, e.g. {@code REPLAY}. */
    String name();
}
