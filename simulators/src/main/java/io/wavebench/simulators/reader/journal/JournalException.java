package io.wavebench.simulators.reader.journal;

/** The journal could not record something; the message names the store, the entry and why. */
public final class JournalException extends RuntimeException {

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
