package io.wavebench.simulators.backend;

/**
 * Every refusal the backend can give, with its HTTP status. The name travels in the error body
 * ({@code {"error": NAME, "message": ...}}) so a client, a test or a report can tell the reasons
 * apart without parsing prose.
 */
public enum BackendError {
    /** The body is not JSON, or not the JSON of that request. */
    MALFORMED_JSON(400),
    /** Well-formed JSON whose values break a rule (a negative amount, a missing field). */
    INVALID_REQUEST(400),
    /** The credential's 128 bytes do not parse (DESIGN §5.1 layout). */
    MALFORMED_CREDENTIAL(400),
    /** The credential names an issuer key this backend does not hold. */
    UNKNOWN_ISSUER(403),
    /** The issuer signature on a presented credential does not verify. */
    BAD_CREDENTIAL_SIGNATURE(403),
    /** The phone's proof of its device key does not verify. */
    BAD_DEVICE_SIGNATURE(403),
    /** The phone's proof was signed too far from the backend's clock. */
    STALE_PROOF(403),
    /** The credential is on the revocation list: no refresh. */
    CREDENTIAL_REVOKED(403),
    /** A credential this issuer never issued (or issued with other contents). */
    UNKNOWN_CREDENTIAL(404),
    /** A card number that breaks a rule of DESIGN §5.4 (length, IIN range, Luhn); the message never holds it. */
    CARD_NUMBER_INVALID(422),
    /** A card whose expiry month is over. */
    CARD_EXPIRED(422),
    /** A reader id that was never registered. */
    UNKNOWN_READER(404),
    /** No such endpoint. */
    NOT_FOUND(404),
    /** The endpoint exists, not with that method. */
    METHOD_NOT_ALLOWED(405),
    /** A journal sequence re-uploaded with other contents than the first upload. */
    SEQUENCE_CONFLICT(409),
    /** A journal entry whose final outcome was already settled as a different one. */
    OUTCOME_CONFLICT(409),
    /** A payment barcode that is not 18 digits with prefix 28, or names no barcode key (DESIGN §5.2). */
    BARCODE_UNKNOWN(404),
    /** A payment barcode made in a minute that is over (60-second codes, DESIGN §5.2). */
    BARCODE_EXPIRED(403),
    /** A payment barcode that was already accepted once: codes are single use. */
    BARCODE_ALREADY_USED(409),
    /** A barcode authorization id never given, or one already captured or released. */
    AUTHORIZATION_UNKNOWN(404),
    /** A capture of more than was held. */
    OVER_HOLD(403),
    /** A ticket id this backend never sold. */
    UNKNOWN_TICKET(404),
    /** The database cannot be reached (connection refused, lost, closed). */
    DATABASE_UNAVAILABLE(503),
    /** Concurrent writers kept colliding after every retry. */
    DATABASE_BUSY(503),
    /** The database refused a statement for another reason; the SQL state is in the message. */
    DATABASE_ERROR(500),
    /** A bug: the message carries the exception. */
    INTERNAL(500),
    /** Client side only: the backend could not be reached over HTTP. */
    BACKEND_UNREACHABLE(0);

    private final int httpStatus;

    BackendError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
