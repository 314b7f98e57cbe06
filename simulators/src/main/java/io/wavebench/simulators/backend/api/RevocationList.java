package io.wavebench.simulators.backend.api;

import java.util.List;

/**
 * The revocations after {@code since}, oldest first; the reader keeps {@code cursor} and asks
 * {@code since=cursor} at its next sync.
 */
public record RevocationList(long since, long cursor, List<Revocation> revocations) {

    public RevocationList {
        revocations = List.copyOf(revocations);
    }
}
