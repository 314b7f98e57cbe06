package io.wavebench.drivers.codes;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a QR payload must look like to be taken at all; the caller supplies it, so the token's own
 * parser stays with the token (in {@code simulators}). A decoder that gets a refusal goes on down
 * its ladder rather than return the value.
 */
@FunctionalInterface
public interface PayloadCheck {

    /** Empty to accept the payload. */
    Optional<Refusal> refuse(byte[] payload);

    /** The offline token's shape (DESIGN §5.1): one of the lengths, and a known type in the first byte. */
    static PayloadCheck tokenShape(Set<Integer> lengths, Set<Integer> types) {
        Set<Integer> sortedLengths = new TreeSet<>(lengths);
        Set<Integer> sortedTypes = new TreeSet<>(types);
        return payload -> {
            if (!sortedLengths.contains(payload.length)) {
                return Optional.of(new Refusal("WRONG_LENGTH", payload.length + " bytes, a token has " + sortedLengths));
            }
            int type = payload[0] & 0xFF;
            if (!sortedTypes.contains(type)) {
                return Optional.of(new Refusal("UNKNOWN_TYPE", String.format("type byte 0x%02x is not one of %s", type, sortedTypes)));
            }
            return Optional.empty();
        };
    }

    /** Adapts a plain predicate; {@code what} says what it checks, for the refusal. */
    static PayloadCheck of(Predicate<byte[]> accepts, String what) {
        return payload -> accepts.test(payload) ? Optional.empty() : Optional.of(new Refusal("REFUSED", "not " + what));
    }
}
