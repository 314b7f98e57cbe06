package io.wavebench.simulators.reader;

import io.wavebench.simulators.token.RejectionReason;
import java.time.Instant;

/**
 * What the simulated reader did, in order, for logs and for scenarios tagged
 * {@code @needs:reader-internals}. A real reader has no such log: bench-portable assertions look
 * at the MDB bus instead (DESIGN §3, sim/bench parity).
 */
public record ReaderEvent(Instant at, Kind kind, String detail, RejectionReason reason) {

    public enum Kind { LISTENING, FRAME_DECODED, TOKEN_ACCEPTED, TOKEN_REJECTED, SESSION_REQUESTED, VEND_APPROVED, VEND_DENIED, VEND_SUCCEEDED, VEND_FAILED, SESSION_COMPLETED, IGNORED, RECOVERED, SYNCED, CHALLENGE_SOUNDED }

    @Override
    public String toString() {
        return at + " " + kind + (reason == null ? "" : " " + reason) + (detail.isEmpty() ? "" : ": " + detail);
    }
}
