package io.wavebench.simulators.backend.api;

/**
 * A reader's request to tokenize a card it read (DESIGN §5.4): the only message that carries a
 * full card number. {@link #toString()} masks it, so no log line or error message can print it.
 */
public record TokenizeRequest(String pan, int expiryMonth, int expiryYear, String readerId) {

    public TokenizeRequest {
        if (pan == null || !pan.matches("[0-9]{12,19}")) throw new IllegalArgumentException("pan must be 12 to 19 digits");
        if (readerId == null || readerId.isBlank()) throw new IllegalArgumentException("readerId is required");
    }

    @Override
    public String toString() {
        return "TokenizeRequest[pan=" + pan.substring(0, 6) + "…" + pan.substring(pan.length() - 4) + ", expiry=" + expiryMonth + "/" + expiryYear
                + ", readerId=" + readerId + "]";
    }
}
