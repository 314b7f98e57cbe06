package io.wavebench.simulators.token;

/** Bytes that do not parse strictly as a credential or token (DESIGN §5.1, first rule). */
public class MalformedTokenException extends Exception {
    public MalformedTokenException(String message) {
        super(message);
    }
}
