package io.wavebench.simulators.refusal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every refusal the reference reader gives, of every kind: a token (DESIGN §5.1), a payment
 * barcode (§5.2), a card number (§5.4) or a ticket at a kiosk (§5.5). Each has a code of its own
 * across all kinds — a code on a display, in a backend report or in the journal names one refusal
 * only — the words the features and the report use, and what the reader shows for it. One list,
 * so a name is unique by construction and a test checks the codes and display texts
 * ({@code ReaderRefusalTest}).
 */
public enum ReaderRefusal {

    // Tokens, in the order of the acceptance rules of DESIGN §5.1.
    MALFORMED(Kind.TOKEN, 0x01, "malformed token", "MALFORMED"),
    UNKNOWN_ISSUER(Kind.TOKEN, 0x02, "unknown issuer", "UNKNOWN ISSUER"),
    FORGED_CREDENTIAL(Kind.TOKEN, 0x03, "forged credential", "FORGED CREDENTIAL"),
    CREDENTIAL_NOT_YET_VALID(Kind.TOKEN, 0x04, "credential not yet valid", "NOT YET VALID"),
    CREDENTIAL_EXPIRED(Kind.TOKEN, 0x05, "credential expired", "EXPIRED"),
    REVOKED(Kind.TOKEN, 0x06, "credential revoked", "REVOKED"),
    FORGED_TOKEN(Kind.TOKEN, 0x07, "forged token", "FORGED TOKEN"),
    /**
     * Two-way mode: the token does not carry a challenge this reader sounded and has not used yet
     * (or carries none where the reader requires one). Checked right after the device signature,
     * which covers the challenge.
     */
    CHALLENGE_MISMATCH(Kind.TOKEN, 0x0B, "challenge mismatch", "BAD CHALLENGE"),
    STALE_TOKEN(Kind.TOKEN, 0x08, "stale token", "STALE TOKEN"),
    REPLAY(Kind.TOKEN, 0x09, "replay", "REPLAY"),
    OFFLINE_LIMIT_EXCEEDED(Kind.TOKEN, 0x0A, "offline limit exceeded", "OFFLINE LIMIT"),
    /**
     * Not a fault of the token: the token passed every rule, but the reader's journal could not
     * record it durably — its acceptance (which spends the counter) before the session would open,
     * or the authorization before VEND APPROVED. Refused rather than taken, since a reader that
     * restarted without the record would take the same sound again (replay) or not know what it
     * approved. The token's counter is not spent here, so it stays good once the journal works.
     */
    JOURNAL_UNAVAILABLE(Kind.TOKEN, 0x0C, "journal unavailable", "JOURNAL FAULT"),

    // Payment barcodes (DESIGN §5.2), verified online only.
    /** The reader cannot reach the backend, and a barcode can only be verified online. */
    READER_OFFLINE(Kind.BARCODE, 0x21, "reader offline", "READER OFFLINE"),
    UNKNOWN_BARCODE(Kind.BARCODE, 0x22, "unknown barcode", "UNKNOWN CODE"),
    EXPIRED_BARCODE(Kind.BARCODE, 0x23, "expired barcode", "CODE EXPIRED"),
    BARCODE_ALREADY_USED(Kind.BARCODE, 0x24, "barcode already used", "CODE ALREADY USED"),
    /** The backend refused for another reason (its error name is in the reader's event). */
    BACKEND_REFUSED(Kind.BARCODE, 0x25, "refused by the backend", "REFUSED ONLINE"),

    // Tickets at the kiosk (DESIGN §5.5): verified offline, then the kiosk's journal, the backend and the printer.
    MALFORMED_TICKET(Kind.TICKET, 0x30, "malformed ticket", "MALFORMED"),
    UNKNOWN_TICKETING_KEY(Kind.TICKET, 0x31, "unknown ticketing key", "UNKNOWN KEY"),
    FORGED_TICKET(Kind.TICKET, 0x32, "forged ticket", "FORGED"),
    OTHER_CINEMA(Kind.TICKET, 0x33, "ticket for another cinema", "OTHER CINEMA"),
    SHOW_OVER(Kind.TICKET, 0x34, "show is over", "SHOW OVER"),
    ALREADY_REDEEMED(Kind.TICKET, 0x35, "already redeemed", "ALREADY REDEEMED"),
    PAPER_OUT(Kind.TICKET, 0x36, "printer out of paper", "PAPER OUT, NOTHING REDEEMED"),
    PRINTER_NOT_READY(Kind.TICKET, 0x37, "printer not ready", "PRINTER NOT READY, NOTHING REDEEMED"),

    // Card numbers read from a photo (DESIGN §5.4); checked IIN first, then length, then Luhn (CardNumberRules).
    /** Not a length any scheme uses for that prefix. */
    WRONG_LENGTH(Kind.CARD, 0x41, "wrong length", "WRONG LENGTH"),
    /** The prefix is in no known scheme's IIN ranges. */
    UNKNOWN_IIN(Kind.CARD, 0x42, "unknown issuer", "UNKNOWN ISSUER"),
    /** The Luhn check digit does not match. */
    FAILS_LUHN(Kind.CARD, 0x43, "fails luhn", "FAILS LUHN"),
    /** The card's expiry month is over. */
    CARD_EXPIRED(Kind.CARD, 0x44, "card expired", "EXPIRED"),
    /**
     * The expiry read is more than 20 years ahead: no card is issued for that long, so the date
     * was misprinted or misread (a "09/73" is no card's expiry) and is not taken.
     */
    EXPIRY_TOO_FAR(Kind.CARD, 0x45, "expiry too far ahead", "BAD EXPIRY");

    /**
     * What was refused, where the reader says so, and the codes its refusals take: a kind's codes
     * lie in its own range, so no two kinds can meet.
     */
    public enum Kind {
        /** On the VMC's display: {@code DECLINED 09 REPLAY}. */
        TOKEN(0x01, 0x1F, "DECLINED %02X %s"),
        /** On the VMC's display, as a token's: {@code DECLINED 21 READER OFFLINE}. */
        BARCODE(0x21, 0x2F, "DECLINED %02X %s"),
        /** On the kiosk's own screen: {@code REFUSED 35 ALREADY REDEEMED}. */
        TICKET(0x30, 0x3F, "REFUSED %02X %s"),
        /** On the VMC's display, without its code (a shopper's card, not a payment, was refused): {@code CARD REFUSED FAILS LUHN}. */
        CARD(0x40, 0x4F, "CARD REFUSED %2$s");

        private final int firstCode;
        private final int lastCode;
        private final String display;

        Kind(int firstCode, int lastCode, String display) {
            this.firstCode = firstCode;
            this.lastCode = lastCode;
            this.display = display;
        }

        /** Whether {@code code} is in this kind's range. */
        public boolean owns(int code) {
            return code >= firstCode && code <= lastCode;
        }

        /**
         * Whether the reader shows it on the vending machine's display (MDB 4.2 §7.4.4 DISPLAY
         * REQUEST, at most 32 characters); a ticket is refused on the kiosk's own screen.
         */
        public boolean onVendingDisplay() {
            return this != TICKET;
        }
    }

    private final Kind kind;
    private final int code;
    private final String description;
    private final String label;

    ReaderRefusal(Kind kind, int code, String description, String label) {
        this.kind = kind;
        this.code = code;
        this.description = description;
        this.label = label;
    }

    public Kind kind() {
        return kind;
    }

    /** Unique among every refusal the reader gives. */
    public int code() {
        return code;
    }

    /** In the features' words, e.g. "replay", "barcode already used"; unique within its kind. */
    public String description() {
        return description;
    }

    /** The refusal's words without its code: what a kiosk says when there is no more to say ({@code ALREADY REDEEMED}). */
    public String label() {
        return label;
    }

    /** What the reader shows for it, in its kind's form: {@code DECLINED 09 REPLAY}, {@code CARD REFUSED FAILS LUHN}. */
    public String displayText() {
        return String.format(kind.display, code, label);
    }

    /** The refusal with this code. */
    public static Optional<ReaderRefusal> byCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }

    /** The refusal a display shows as {@code text} (MDB pads a display text with spaces); empty for any other text. */
    public static Optional<ReaderRefusal> byDisplayText(String text) {
        String shown = text.strip();
        return Arrays.stream(values()).filter(r -> r.displayText().equals(shown)).findFirst();
    }

    /** The refusal of {@code kind} a feature names in {@code words} ("replay", "already redeemed"); the error lists the known ones. */
    public static ReaderRefusal described(Kind kind, String words) {
        return Arrays.stream(values()).filter(r -> r.kind == kind && r.description.equals(words)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + words + "' is no " + kind.name().toLowerCase(Locale.ROOT)
                        + " refusal; known: " + Arrays.stream(values()).filter(r -> r.kind == kind).map(ReaderRefusal::description).toList()));
    }
}
