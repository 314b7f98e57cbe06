package io.wavebench.simulators.backend;

/** A named refusal ({@link BackendError}) and what exactly was refused, on both sides of the wire. */
public final class BackendException extends RuntimeException {

    private final BackendError error;

    public BackendException(BackendError error, String message) {
        super(message);
        this.error = error;
    }

    public BackendException(BackendError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public BackendError error() {
        return error;
    }

    public int httpStatus() {
        return error.httpStatus();
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}
