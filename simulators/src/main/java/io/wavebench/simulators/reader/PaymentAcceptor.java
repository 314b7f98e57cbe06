package io.wavebench.simulators.reader;

import io.wavebench.simulators.token.OfflineSpend;
import io.wavebench.simulators.token.PaymentToken;
import io.wavebench.simulators.token.RejectionReason;
import io.wavebench.simulators.token.TokenVerifier;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The reader's payment logic, free of audio and MDB: a token heard becomes a session offer or a
 * refusal with its reason; a vend request against the session's token becomes an approval written
 * to the log first (DESIGN §5.1: journaled before VEND APPROVED), or a denial.
 */
final class PaymentAcceptor {

    /** What to do about a heard frame. {@code reason} is null when a session may begin. */
    record Heard(PaymentToken token, long funds, RejectionReason reason, String detail) {
        boolean accepted() {
            return reason == null;
        }
    }

    /** The answer to a vend request; {@code logSequence} ties later outcomes to the log entry. */
    record VendAnswer(boolean approved, long amount, long logSequence, RejectionReason reason) {}

    private final TokenVerifier verifier;
    private final OfflineSpend offlineSpend;
    private final AuthorizationLog log;
    private final Clock clock;
    private final long maxSessionFunds;
    private final Consumer<ReaderEvent> events;

    private PaymentToken sessionToken;
    private long pendingSequence = -1;
    private PaymentToken pendingToken;
    private long pendingAmount;

    PaymentAcceptor(TokenVerifier verifier, OfflineSpend offlineSpend, AuthorizationLog log, Clock clock, long maxSessionFunds, Consumer<ReaderEvent> events) {
        this.verifier = verifier;
        this.offlineSpend = offlineSpend;
        this.log = log;
        this.clock = clock;
        this.maxSessionFunds = maxSessionFunds;
        this.events = events;
    }

    synchronized Heard heard(byte[] payload) {
        TokenVerifier.Verdict verdict = verifier.verify(payload);
        if (!verdict.isAccepted()) {
            emit(ReaderEvent.Kind.TOKEN_REJECTED, verdict.detail(), verdict.rejection());
            return new Heard(verdict.token(), 0, verdict.rejection(), verdict.detail());
        }
        PaymentToken token = verdict.token();
        // The counter is spent as soon as the token is accepted, so the same sound cannot open
        // a second session even if this one ends without a vend (DESIGN §5.1, replay).
        verifier.markAccepted(token);
        sessionToken = token;
        long funds = Math.min(maxSessionFunds, token.credential().offlineLimit() - offlineSpend.spent(token.credential()));
        emit(ReaderEvent.Kind.TOKEN_ACCEPTED, token + ", funds " + funds, null);
        return new Heard(token, Math.max(0, funds), null, "accepted");
    }

    synchronized VendAnswer authorizeVend(long price, int item) {
        if (sessionToken == null) {
            emit(ReaderEvent.Kind.VEND_DENIED, "vend request with no accepted token", null);
            return new VendAnswer(false, 0, -1, null);
        }
        if (!offlineSpend.allows(sessionToken.credential(), price)) {
            emit(ReaderEvent.Kind.VEND_DENIED, "price " + price + " over the offline limit", RejectionReason.OFFLINE_LIMIT_EXCEEDED);
            return new VendAnswer(false, 0, -1, RejectionReason.OFFLINE_LIMIT_EXCEEDED);
        }
        AuthorizationLog.Entry entry = log.authorize(sessionToken, price, item, clock.instant());
        offlineSpend.record(sessionToken.credential(), price);
        pendingSequence = entry.sequence();
        pendingToken = sessionToken;
        pendingAmount = price;
        emit(ReaderEvent.Kind.VEND_APPROVED, "item " + item + " for " + price + ", log #" + entry.sequence(), null);
        return new VendAnswer(true, price, entry.sequence(), null);
    }

    synchronized void vendSucceeded(int item) {
        if (pendingSequence > 0) log.settle(pendingSequence, AuthorizationLog.Outcome.SUCCESS);
        pendingSequence = -1;
        emit(ReaderEvent.Kind.VEND_SUCCEEDED, "item " + item, null);
    }

    /** Voids the pending authorization: the shopper is refunded, and the amount counts no more against the offline limit. */
    synchronized void vendFailed() {
        String detail = "";
        if (pendingSequence > 0) {
            log.settle(pendingSequence, AuthorizationLog.Outcome.FAILURE);
            offlineSpend.release(pendingToken.credential(), pendingAmount);
            detail = "log #" + pendingSequence + " voided, " + pendingAmount + " refunded";
        }
        pendingSequence = -1;
        emit(ReaderEvent.Kind.VEND_FAILED, detail, null);
    }

    synchronized void sessionComplete() {
        sessionToken = null;
        emit(ReaderEvent.Kind.SESSION_COMPLETED, "", null);
    }

    synchronized Optional<PaymentToken> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    private void emit(ReaderEvent.Kind kind, String detail, RejectionReason reason) {
        events.accept(new ReaderEvent(clock.instant(), kind, detail, reason));
    }
}
