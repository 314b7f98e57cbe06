package io.wavebench.simulators.reader.journal;

import java.time.Instant;
import java.util.List;

/**
 * The reader's journal of what it authorized and how each vend ended (DESIGN §5.1): an
 * authorization is on stable storage <em>before</em> VEND APPROVED goes on the bus, and outcomes
 * are appended after it. Each token the reader accepts is {@linkplain #accepted recorded} before
 * its session opens, since accepting spends the token's counter. Nothing is ever rewritten, so a
 * crash leaves either a whole record or none. A restarted reader {@linkplain #recover() recovers}
 * its replay counters and offline spend from it; settlement uploads what is not yet {@linkplain #markUploaded uploaded}.
 *
 * <p>One interface, one class per backing: {@link SqliteAuthorizationJournal} (durable, the
 * reader's real store) and {@link InMemoryAuthorizationJournal} (unit tests).
 */
public interface AuthorizationJournal extends AutoCloseable {

    /**
     * Appends, durably, that the reader accepted a token with {@code counter} of {@code credentialId}
     * (DESIGN §5.1, replay): accepting spends the counter, so a crash between accepting and
     * authorizing a vend must not let the same sound open a session again. Not an authorization:
     * nothing to settle, only a counter to beat after a restart.
     *
     * @throws JournalException if it could not be made durable, or this (credential, counter) was
     *     already accepted: the reader must then refuse the token
     */
    void accepted(long credentialId, long counter, Instant at);

    /**
     * Appends an authorization and returns once it is durable.
     *
     * @param token the token as heard, kept as the proof settlement shows the backend
     * @throws JournalException if it could not be made durable: the reader must then not approve
     */
    JournalEntry authorize(long credentialId, long counter, long amount, int item, byte[] token, Instant at);

    /**
     * Appends how the vend of authorization {@code sequence} ended; durable on return. Returns
     * nothing: it runs on the MDB bus thread, so it only writes; read the entry back with {@link #entries()}.
     *
     * @throws JournalException if there is no such authorization or it already has an outcome
     */
    void conclude(long sequence, VendOutcome outcome, Instant at);

    /**
     * Records, durably, that VEND APPROVED of authorization {@code sequence} is going on the bus
     * now. After a crash it tells an open vend the VMC may have acted on (booked as a sale, as a
     * RESET after approval is, MDB 4.2 §7.4.7) from one it never heard of (nothing was vended:
     * voided). Written just before the bytes go out, so the only window left is the few
     * microseconds between this returning and the write to the port.
     *
     * @throws JournalException if there is no such authorization or it already has an outcome
     */
    void approvalGoingOut(long sequence, Instant at);

    /** Every entry, oldest first, each with its outcome if it has one. */
    List<JournalEntry> entries();

    /** Entries after the last upload, oldest first: the next settlement batch. */
    List<JournalEntry> notUploaded();

    /** Records that the backend holds every entry up to {@code sequence} (its sync), durably. */
    void markUploaded(long sequence, Instant at);

    /** What a reader needs after a restart, computed from the journal alone. */
    JournalState recover();

    @Override
    void close();
}
