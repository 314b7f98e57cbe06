package io.wavebench.simulators.reader.card;

import io.wavebench.simulators.refusal.ReaderRefusal;


/**
 * What the reader made of a card photo, as it tells the shopper on its display (DESIGN §5.4).
 * It holds the masked number and the token, never the full number.
 *
 * @param outcome    bound, refused, or asked for a retake
 * @param maskedPan  first 6 and last 4 digits (BOUND and REFUSED with a number read), else null
 * @param token      the backend's token (BOUND only)
 * @param expiry     MM/YY as read, or null
 * @param refusal    why it was refused (REFUSED only)
 * @param retake     why it asks for another photo (RETAKE only)
 * @param frames     camera frames used
 * @param confidence the OCR engine's mean confidence over the number lines that agreed, 0..100
 */
public record CardReading(Outcome outcome, String maskedPan, String token, String expiry, ReaderRefusal refusal, RetakeReason retake, int frames,
        double confidence) {

    public enum Outcome { BOUND, REFUSED, RETAKE }

    /** Why a photo is not good enough; each names what the shopper should do differently. */
    public enum RetakeReason {
        /** No card edges in view: hold the card's photo in front of the camera. */
        NO_CARD_FOUND,
        /** The photo is too soft to read: take it again, steadier and in focus. */
        TOO_BLURRY,
        /** A card, but no number line on it could be read. */
        NUMBER_UNREADABLE,
        /** Numbers were read, but no two frames agreed on one (DESIGN §5.4: ≥ 2 frames). */
        NO_AGREEMENT,
        /** The number agreed, the expiry could not be read. */
        EXPIRY_UNREADABLE,
        /** The backend could not be reached to tokenize the card. */
        BACKEND_UNAVAILABLE
    }

    /** The reader's display line. */
    public String message() {
        return switch (outcome) {
            case BOUND -> "Card " + maskedPan + " added";
            case REFUSED -> "Card refused: " + refusal;
            case RETAKE -> "Please take the photo again: " + retake;
        };
    }
}
