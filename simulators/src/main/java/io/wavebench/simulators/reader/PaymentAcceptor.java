package io.wavebench.simulators.reader;

import io.wavebench.simulators.reader.journal.AuthorizationJournal;
import io.wavebench.simulators.reader.journal.JournalEntry;
import io.wavebench.simulators.reader.journal.JournalException;
import io.wavebench.simulators.reader.journal.JournalState;
import io.wavebench.simulators.reader.journal.VendOutcome;
import io.wavebench.simulators.refusal.ReaderRefusal;
import io.wavebench.simulators.token.OfflineSpend;
import io.wavebench.simulators.token.PaymentToken;
import io.wavebench.simulators.token.ReaderChallenges;
import io.wavebench.simulators.token.TokenVerifier;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader's payment logic, free of audio and MDB: a token heard becomes a session offer or a
 * refusal with its reason; a vend request against the session's token becomes an approval made
 * durable in the journal first (DESIGN §5.1: journaled before VEND APPROVED), or a denial. On
 * start it {@linkplain #recover() recovers} from the journal what a crash would otherwise forget.
 */
final class PaymentAcceptor {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentAcceptor.class);

    /** What to do about a heard frame. {@code reason} is null when a session may begin. */
    record Heard(PaymentToken token, long funds, ReaderRefusal reason, String detail) {
        boolean accepted() {
            return reason == null;
        }
    }

    /** The answer to a vend request; {@code journalSequence} ties later outcomes to the journal entry. */
    record VendAnswer(boolean approved, long amount, long journalSequence, ReaderRefusal reason, String detail) {}

    private final TokenVerifier verifier;
    private final OfflineSpend offlineSpend;
    private final AuthorizationJournal journal;
    private final Clock clock;
    private final long maxSessionFunds;
    private final Consumer<ReaderEvent> events;

    private PaymentToken sessionToken;
    private long pendingSequence = -1;
    private PaymentToken pendingToken;
    private long pendingAmount;

    PaymentAcceptor(TokenVerifier verifier, OfflineSpend offlineSpend, AuthorizationJournal journal, Clock clock, long maxSessionFunds, Consumer<ReaderEvent> events) {
        this.verifier = verifier;
        this.offlineSpend = offlineSpend;
        this.journal = journal;
        this.clock = clock;
        this.maxSessionFunds = maxSessionFunds;
        this.events = events;
    }

    /**
     * After a (re)start: books every vend the journal left open — a sale if its approval went out,
     * else void (DESIGN §5.1, {@link JournalState#outcomeAfterCrash}) — then takes the replay
     * counters and the offline spend since the last sync from the journal.
     *
     * @return the state recovered, after booking the open vends
     */
    synchronized JournalState recover() {
        JournalState before = journal.recover();
        for (JournalEntry open : before.open()) {
            VendOutcome outcome = before.outcomeAfterCrash(open);
            journal.conclude(open.sequence(), outcome, clock.instant());
            emit(outcome.isSale() ? ReaderEvent.Kind.VEND_SUCCEEDED : ReaderEvent.Kind.VEND_FAILED,
                    "journal #" + open.sequence() + " open at restart: booked " + outcome, null);
        }
        JournalState state = journal.recover();
        verifier.restoreCounters(state.highestCounters());
        offlineSpend.restore(state.spendSinceSync());
        if (state.lastSequence() > 0) {
            emit(ReaderEvent.Kind.RECOVERED, state.lastSequence() + " journal entries, " + before.open().size() + " open vends booked, counters of "
                    + state.highestCounters().size() + " credentials restored", null);
        }
        return state;
    }

    /**
     * After a sync: the revoked credentials are refused from now on (DESIGN §5.1 rule 5), and the
     * offline spend restarts from what the journal holds beyond the upload.
     */
    synchronized void synced(ReaderSync.Result result) {
        result.revocations().forEach(r -> verifier.revoke(r.credentialId()));
        offlineSpend.restore(journal.recover().spendSinceSync());
        emit(ReaderEvent.Kind.SYNCED, result.uploaded() + " journal entries sent, uploaded through #" + result.uploadedThrough() + ", "
                + result.revocations().size() + " revocations applied" + (result.doubleSpends().isEmpty() ? "" : ", " + result.doubleSpends().size() + " double spends flagged"), null);
    }

    synchronized Heard heard(byte[] payload) {
        TokenVerifier.Verdict verdict = verifier.verify(payload);
        if (!verdict.isAccepted()) {
            emit(ReaderEvent.Kind.TOKEN_REJECTED, verdict.detail(), verdict.rejection());
            return new Heard(verdict.token(), 0, verdict.rejection(), verdict.detail());
        }
        PaymentToken token = verdict.token();
        long left = token.credential().offlineLimit() - offlineSpend.spent(token.credential());
        if (left <= 0) {
            // DESIGN §5.1, last rule: nothing left to spend offline until the reader syncs. Refused
            // before a session opens, and before the counter is spent: the token stays good elsewhere.
            String detail = "offline limit " + token.credential().offlineLimit() + " spent since the last sync";
            emit(ReaderEvent.Kind.TOKEN_REJECTED, detail, ReaderRefusal.OFFLINE_LIMIT_EXCEEDED);
            return new Heard(token, 0, ReaderRefusal.OFFLINE_LIMIT_EXCEEDED, detail);
        }
        // The counter is spent as soon as the token is accepted, so the same sound cannot open
        // a second session even if this one ends without a vend (DESIGN §5.1, replay) — nor after
        // a crash before any vend: the journal records the acceptance, durably, first. This runs
        // on the microphone thread, never the MDB one, so the fsync does not delay a bus answer.
        try {
            journal.accepted(token.credential().credentialId(), token.counter(), clock.instant());
        } catch (JournalException e) {
            String detail = "journal unavailable, not accepting: " + e.getMessage();
            emit(ReaderEvent.Kind.TOKEN_REJECTED, detail, ReaderRefusal.JOURNAL_UNAVAILABLE);
            return new Heard(token, 0, ReaderRefusal.JOURNAL_UNAVAILABLE, detail);
        }
        verifier.markAccepted(token);
        sessionToken = token;
        long funds = Math.min(maxSessionFunds, token.credential().offlineLimit() - offlineSpend.spent(token.credential()));
        emit(ReaderEvent.Kind.TOKEN_ACCEPTED, token + ", funds " + funds, null);
        return new Heard(token, Math.max(0, funds), null, "accepted");
    }

    /** Two-way mode: tokens must answer one of these challenges (DESIGN §5.1). */
    void useChallenges(ReaderChallenges challenges) {
        verifier.useChallenges(challenges);
    }

    synchronized VendAnswer authorizeVend(long price, int item) {
        if (sessionToken == null) {
            emit(ReaderEvent.Kind.VEND_DENIED, "vend request with no accepted token", null);
            return new VendAnswer(false, 0, -1, null, "no accepted token");
        }
        if (!offlineSpend.allows(sessionToken.credential(), price)) {
            emit(ReaderEvent.Kind.VEND_DENIED, "price " + price + " with " + offlineSpend.spent(sessionToken.credential()) + " of the offline limit "
                    + sessionToken.credential().offlineLimit() + " spent since the last sync", ReaderRefusal.OFFLINE_LIMIT_EXCEEDED);
            return new VendAnswer(false, 0, -1, ReaderRefusal.OFFLINE_LIMIT_EXCEEDED, ReaderRefusal.OFFLINE_LIMIT_EXCEEDED.description());
        }
        JournalEntry entry;
        try {
            entry = journal.authorize(sessionToken.credential().credentialId(), sessionToken.counter(), price, item, sessionToken.encode(), clock.instant());
        } catch (JournalException e) {
            // DESIGN §5.1: no approval that is not on stable storage first.
            emit(ReaderEvent.Kind.VEND_DENIED, "journal unavailable, not approving: " + e.getMessage(), ReaderRefusal.JOURNAL_UNAVAILABLE);
            return new VendAnswer(false, 0, -1, ReaderRefusal.JOURNAL_UNAVAILABLE, ReaderRefusal.JOURNAL_UNAVAILABLE.description());
        }
        offlineSpend.record(sessionToken.credential(), price);
        pendingSequence = entry.sequence();
        pendingToken = sessionToken;
        pendingAmount = price;
        emit(ReaderEvent.Kind.VEND_APPROVED, "item " + item + " for " + price + ", journal #" + entry.sequence(), null);
        return new VendAnswer(true, price, entry.sequence(), null, "approved");
    }

    /*
     * approvalGoingOut, vendSucceeded and vendFailed run on the MDB bus thread, inside the
     * peripheral's answer to a command: a JournalException let out of them would end the reader's
     * bus loop, and the reader would stop answering the VMC. A journal failure there is named
     * (a reader event with JOURNAL_UNAVAILABLE, logged) and the bus goes on.
     */

    /**
     * VEND APPROVED is about to go on the bus: recorded durably, it makes a crash from now on book a sale.
     * If the journal refuses, the approval still goes out (it is already on its way); the event
     * says a crash before the outcome would book this vend as not delivered.
     */
    synchronized void approvalGoingOut() {
        if (pendingSequence <= 0) return;
        try {
            journal.approvalGoingOut(pendingSequence, clock.instant());
        } catch (JournalException e) {
            journalFailed(ReaderEvent.Kind.VEND_APPROVED, "journal #" + pendingSequence
                    + ": approval going out NOT recorded, a crash before its outcome would book it NOT_DELIVERED", e);
        }
    }

    /** VEND SUCCESS, or (MDB 4.2 §7.4.7) a RESET after the approval: a sale. */
    synchronized void vendSucceeded(int item, VendOutcome how) {
        if (pendingSequence > 0) {
            try {
                journal.conclude(pendingSequence, how, clock.instant());
            } catch (JournalException e) {
                journalFailed(ReaderEvent.Kind.VEND_SUCCEEDED, "item " + item + ", journal #" + pendingSequence + " " + how + " NOT recorded", e);
                pendingSequence = -1;
                return;
            }
        }
        String detail = "item " + item + (pendingSequence > 0 ? ", journal #" + pendingSequence + " " + how : "");
        pendingSequence = -1;
        emit(ReaderEvent.Kind.VEND_SUCCEEDED, detail, null);
    }

    /**
     * Voids the pending authorization (VEND FAILURE: {@code VOIDED}; an approval the VMC never got:
     * {@code NOT_DELIVERED}): the shopper is refunded, and the amount counts no more against the
     * offline limit.
     */
    synchronized void vendFailed(VendOutcome how) {
        String detail = "";
        if (pendingSequence > 0) {
            JournalException notRecorded = null;
            try {
                journal.conclude(pendingSequence, how, clock.instant());
            } catch (JournalException e) {
                notRecorded = e;
            }
            offlineSpend.release(pendingToken.credential(), pendingAmount);
            detail = "journal #" + pendingSequence + " " + how + ", " + pendingAmount + " refunded";
            if (notRecorded != null) {
                journalFailed(ReaderEvent.Kind.VEND_FAILED, detail + "; outcome NOT recorded, the entry stays open in the journal", notRecorded);
                pendingSequence = -1;
                return;
            }
        }
        pendingSequence = -1;
        emit(ReaderEvent.Kind.VEND_FAILED, detail, null);
    }

    /** A journal write on the bus thread failed: named in a reader event and the log, never thrown onto the bus. */
    private void journalFailed(ReaderEvent.Kind kind, String what, JournalException e) {
        String detail = what + ": " + e.getMessage();
        LOG.warn("journal unavailable on the MDB bus thread: {}", detail, e);
        emit(kind, detail, ReaderRefusal.JOURNAL_UNAVAILABLE);
    }

    synchronized void sessionComplete() {
        sessionToken = null;
        emit(ReaderEvent.Kind.SESSION_COMPLETED, "", null);
    }

    synchronized Optional<PaymentToken> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    private void emit(ReaderEvent.Kind kind, String detail, ReaderRefusal reason) {
        events.accept(new ReaderEvent(clock.instant(), kind, detail, reason));
    }
}
