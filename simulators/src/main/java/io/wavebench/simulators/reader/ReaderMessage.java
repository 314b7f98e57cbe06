package io.wavebench.simulators.reader;

import io.wavebench.simulators.reader.card.CardReading.RetakeReason;
import io.wavebench.simulators.refusal.ReaderRefusal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the reference reader tells the shopper, as it goes on the vending machine's display
 * (MDB 4.2 §7.4.4 DISPLAY REQUEST: as many characters as the VMC's SETUP gave columns × rows, at
 * most the 32 of a 2 × 16 display; every text here fits 32). Defined here once, each with its
 * parser back ({@link #parse}), so a scenario reads what the display said as a typed value, never
 * by matching free text.
 *
 * <pre>
 * DECLINED 09 REPLAY               a token refused (its reason code, DESIGN §5.1)
 * DECLINED 21 READER OFFLINE       a payment barcode refused (DESIGN §5.2)
 * CARD 411111******1111            a card bound: masked, first 6 and last 4 (DESIGN §5.4, PCI DSS 3.4.1)
 * CARD REFUSED FAILS LUHN          a card number refused
 * RETAKE PHOTO TOO BLURRY          a photo not good enough, and why
 * </pre>
 */
public sealed interface ReaderMessage {

    /** MDB 4.2 §7.4.4 DISPLAY REQUEST on a 2 × 16 display, the most any VMC offers a cashless reader. */
    int MAX_CHARS = 32;

    String text();

    /**
     * A token, a payment barcode or a card number refused, with its code where its kind shows one
     * ({@link ReaderRefusal#displayText()}). A ticket is refused on the kiosk's own screen, not here.
     */
    record Refused(ReaderRefusal refusal) implements ReaderMessage {
        public Refused {
            if (!refusal.kind().onVendingDisplay()) throw new IllegalArgumentException(refusal + " is a " + refusal.kind() + " refusal, not shown on the vending machine's display");
        }

        public String text() {
            return refusal.displayText();
        }

        /** Whether it refuses something of {@code kind}. */
        public boolean of(ReaderRefusal.Kind kind) {
            return refusal.kind() == kind;
        }
    }

    /** A card bound to the wallet: its number masked to the first 6 and last 4 digits. */
    record CardBound(String maskedPan) implements ReaderMessage {
        private static final Pattern MASKED = Pattern.compile("[0-9]{6}\\*{2,9}[0-9]{4}");

        public CardBound {
            if (!MASKED.matcher(maskedPan).matches()) throw new IllegalArgumentException("not a masked card number (first 6, last 4): '" + maskedPan + "'");
        }

        public String text() {
            return "CARD " + maskedPan;
        }
    }

    /** The photo was not good enough: take another, and why. */
    record Retake(RetakeReason reason) implements ReaderMessage {
        static final Map<RetakeReason, String> LABELS = Map.of(
                RetakeReason.NO_CARD_FOUND, "NO CARD FOUND",
                RetakeReason.TOO_BLURRY, "TOO BLURRY",
                RetakeReason.NUMBER_UNREADABLE, "NUMBER UNREADABLE",
                RetakeReason.NO_AGREEMENT, "NO AGREEMENT",
                RetakeReason.EXPIRY_UNREADABLE, "EXPIRY UNREADABLE",
                RetakeReason.BACKEND_UNAVAILABLE, "READER OFFLINE");

        public String text() {
            return "RETAKE PHOTO " + LABELS.get(reason);
        }
    }

    /** What a display text says, read back; empty for a text the reader never shows. */
    static Optional<ReaderMessage> parse(String displayed) {
        String text = displayed.strip();
        Optional<ReaderRefusal> refused = ReaderRefusal.byDisplayText(text).filter(r -> r.kind().onVendingDisplay());
        if (refused.isPresent()) return Optional.of(new Refused(refused.get()));
        if (text.startsWith("RETAKE PHOTO ")) return label(Retake.LABELS, text.substring(13)).map(Retake::new);
        if (text.startsWith("CARD ") && CardBound.MASKED.matcher(text.substring(5)).matches()) return Optional.of(new CardBound(text.substring(5)));
        return Optional.empty();
    }

    private static <K> Optional<K> label(Map<K, String> labels, String label) {
        return labels.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey).findFirst();
    }
}
