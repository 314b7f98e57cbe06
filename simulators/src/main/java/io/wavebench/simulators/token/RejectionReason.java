package io.wavebench.simulators.token;

import io.wavebench.simulators.refusal.Refusal;

/**
 * Why the reader refused a token, in the order of the acceptance rules of DESIGN §5.1. Each has
 * its own code: the reader shows it on the VMC's display over MDB and the report quotes it.
 */
public enum RejectionReason implements Refusal {
    MALFORMED(0x01, "malformed token", "MALFORMED"),
    UNKNOWN_ISSUER(0x02, "unknown issuer", "UNKNOWN ISSUER"),
    FORGED_CREDENTIAL(0x03, "forged credential", "FORGED CREDENTIAL"),
    CREDENTIAL_NOT_YET_VALID(0x04, "credential not yet valid", "NOT YET VALID"),
    CREDENTIAL_EXPIRED(0x05, "credential expired", "EXPIRED"),
    REVOKED(0x06, "credential revoked", "REVOKED"),
    FORGED_TOKEN(0x07, "forged token", "FORGED TOKEN"),
    /**
     * Two-way mode: the token does not carry a challenge this reader sounded and has not used yet
     * (or carries none where the reader requires one). Checked right after the device signature,
     * which covers the challenge.
     */
    CHALLENGE_MISMATCH(0x0B, "challenge mismatch", "BAD CHALLENGE"),
    STALE_TOKEN(0x08, "stale token", "STALE TOKEN"),
    REPLAY(0x09, "replay", "REPLAY"),
    OFFLINE_LIMIT_EXCEEDED(0x0A, "offline limit exceeded", "OFFLINE LIMIT"),
    /**
     * Not a fault of the token: the token passed every rule, but the reader's journal could not
     * record it durably — its acceptance (which spends the counter) before the session would open,
     * or the authorization before VEND APPROVED. Refused rather than taken, since a reader that
     * restarted without the record would take the same sound again (replay) or not know what it
     * approved. The token's counter is not spent here, so it stays good once the journal works.
     */
    JOURNAL_UNAVAILABLE(0x0C, "journal unavailable", "JOURNAL FAULT");

    /** MDB display requests carry at most 32 characters (a 2 x 16 display). */
    public static final int DISPLAY_CHARS = 32;

    private final int code;
    private final String description;
    private final String displayLabel;

    RejectionReason(int code, String description, String displayLabel) {
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

    /** How the reader says it on a 32-character VMC display: {@code DECLINED 09 REPLAY}. */
    @Override
    public String displayText() {
        return declined(code, displayLabel);
    }

    /**
     * The one form every payment refusal takes on the VMC's display (token rules here, barcode
     * refusals in the reader), so a bench engineer and {@link #fromDisplayText} read them alike.
     */
    public static String declined(int code, String label) {
        return String.format("DECLINED %02X %s", code, label);
    }

    /** Reads a display text back, for assertions that look only at the bus. */
    public static java.util.Optional<RejectionReason> fromDisplayText(String text) {
        for (RejectionReason r : values()) if (text.trim().equals(r.displayText())) return java.util.Optional.of(r);
        return java.util.Optional.empty();
    }
}
