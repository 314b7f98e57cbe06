package io.wavebench.simulators.reader;

import io.wavebench.simulators.refusal.ReaderRefusal;
import java.time.Instant;

/**
 * What the reference reader did, in order ({@link ReaderLog}), for its console log, evidence and
 * scenarios tagged {@code @needs:reader-internals}. A real reader's log is not the rig's to read:
 * bench-portable assertions look at the MDB bus, the printer, the backend and the air instead
 * (DESIGN §3, sim/bench parity).
 */
public record ReaderEvent(Instant at, Kind kind, String detail, ReaderRefusal reason) {

    public enum Kind {
        LISTENING, FRAME_DECODED, TOKEN_ACCEPTED, TOKEN_REJECTED, SESSION_REQUESTED, VEND_APPROVED, VEND_DENIED, VEND_SUCCEEDED, VEND_FAILED,
        SESSION_COMPLETED, IGNORED, RECOVERED, SYNCED, CHALLENGE_SOUNDED,
        /** The camera: a code read from its pixels, and what became of it (a payment barcode held, captured, declined). */
        CODE_READ, BARCODE,
        /** A card photo: bound (masked number only), refused, or a retake asked for (DESIGN §5.4). */
        CARD_BOUND, CARD_REFUSED, CARD_RETAKE,
        /** The kiosk function (DESIGN §5.5). */
        TICKET_PRINTED, TICKET_REFUSED,
        /** What the reader showed on the VMC's display (MDB DISPLAY REQUEST). */
        DISPLAYED,
        /** The uplink: back online, gone offline, a report sent, a sync the backend refused. */
        ONLINE, OFFLINE, REPORTED, SYNC_FAILED;

        /** Worth a line in the reader's console log at INFO: what it did, not each frame it heard. */
        boolean notable() {
            return this != FRAME_DECODED && this != LISTENING && this != SYNCED;
        }
    }

    @Override
    public String toString() {
        return at + " " + kind + (reason == null ? "" : " " + reason) + (detail.isEmpty() ? "" : ": " + detail);
    }
}
