package io.wavebench.simulators.reader;

import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.DoubleSpend;
import io.wavebench.simulators.backend.api.Outcome;
import io.wavebench.simulators.backend.api.Revocation;
import io.wavebench.simulators.reader.journal.AuthorizationJournal;
import io.wavebench.simulators.reader.journal.JournalEntry;
import io.wavebench.simulators.reader.journal.VendOutcome;
import java.time.Clock;
import java.util.List;

/**
 * A reader's sync with the backend when it is online (DESIGN §5.6): upload what the journal holds
 * beyond the last upload, then pull the revocations issued since the last pull.
 *
 * <p>Open vends go up as PENDING and stay in the next batch until they end, so the upload mark
 * only ever covers a prefix of ended entries: the backend takes a repeated entry as unchanged, and
 * a PENDING entry later re-sent with its outcome gets that outcome once. Marking the upload also
 * starts the offline spend afresh (the limit counts what was spent since the last sync).
 */
final class ReaderSync {

    /** What one sync did. */
    record Result(int uploaded, long uploadedThrough, List<Revocation> revocations, List<DoubleSpend> doubleSpends) {}

    private final String readerId;
    private final AuthorizationJournal journal;
    private final Clock clock;
    private boolean registered;
    private long revocationCursor;

    ReaderSync(String readerId, AuthorizationJournal journal, Clock clock) {
        this.readerId = readerId;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * One sync. The caller applies the revocations and restores the offline spend from the journal.
     *
     * @throws io.wavebench.simulators.backend.BackendException when the backend refuses or cannot be
     *     reached; nothing is marked then, so the next sync sends the same entries again
     */
    synchronized Result sync(BackendClient backend) {
        if (!registered) {
            backend.registerReader(readerId);
            registered = true;
        }
        List<JournalEntry> batch = journal.notUploaded();
        BackendClient.Sync answer;
        try {
            answer = backend.sync(readerId, batch.stream().map(ReaderSync::asUploaded).toList(), revocationCursor);
        } catch (BackendException e) {
            if (e.error() != BackendError.UNKNOWN_READER) throw e;
            // A backend that does not know this reader (a new one, or one whose records were reset):
            // register again and send the same batch, rather than fail every sync from now on.
            backend.registerReader(readerId);
            answer = backend.sync(readerId, batch.stream().map(ReaderSync::asUploaded).toList(), revocationCursor);
        }
        long through = -1;
        for (JournalEntry e : batch) {
            if (e.isOpen()) break;
            through = e.sequence();
        }
        if (through > 0) journal.markUploaded(through, clock.instant());
        revocationCursor = answer.revocations().cursor();
        return new Result(batch.size(), through > 0 ? through : journal.recover().uploadedThrough(), answer.revocations().revocations(),
                answer.upload().doubleSpends());
    }

    /** The backend's form of a journal entry (its outcomes: an approval the VMC never got is a void). */
    static io.wavebench.simulators.backend.api.JournalEntry asUploaded(JournalEntry e) {
        io.wavebench.simulators.backend.api.JournalEntry pending = io.wavebench.simulators.backend.api.JournalEntry.pending(
                e.sequence(), e.authorizedAt(), e.credentialId(), e.counter(), e.amount(), e.item());
        if (e.isOpen()) return pending;
        return pending.withOutcome(backendOutcome(e.outcome()), e.concludedAt());
    }

    private static Outcome backendOutcome(VendOutcome outcome) {
        return switch (outcome) {
            case SOLD -> Outcome.SUCCESS;
            case SOLD_ON_RESET -> Outcome.RESET_AS_SALE;
            case VOIDED, NOT_DELIVERED -> Outcome.FAILURE;
        };
    }
}
