package io.wavebench.simulators.reader;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.phone.Wallet;
import io.wavebench.simulators.reader.journal.InMemoryAuthorizationJournal;
import io.wavebench.simulators.reader.journal.VendOutcome;
import io.wavebench.simulators.refusal.ReaderRefusal;
import io.wavebench.simulators.token.OfflineSpend;
import io.wavebench.simulators.token.PaymentToken;
import io.wavebench.simulators.token.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The last rule of DESIGN §5.1 in the reader: offline spend since the last sync plus price within the limit. */
class PaymentAcceptorLimitTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Issuer issuer = new Issuer(7, key(1), clock, 1000);
    private final Wallet wallet = new Wallet(key(2));
    private final List<ReaderEvent> events = new ArrayList<>();
    private final InMemoryAuthorizationJournal journal = new InMemoryAuthorizationJournal();
    private final PaymentAcceptor acceptor = new PaymentAcceptor(
            new TokenVerifier(Map.of(7, issuer.publicKey()), clock, ReaderPolicy.CLOCK_SKEW_ALLOWANCE, ReaderPolicy.TOKEN_FRESHNESS),
            new OfflineSpend(), journal, clock, 10_000, events::add);

    PaymentAcceptorLimitTest() {
        wallet.install(issuer.provision(42, wallet.devicePublicKey(), 300, 978, Duration.ofDays(7)));
    }

    private void buy(long price) {
        assertTrue(acceptor.heard(wallet.nextToken(clock).encode()).accepted());
        assertTrue(acceptor.authorizeVend(price, 1).approved());
        acceptor.approvalGoingOut();
        acceptor.vendSucceeded(1, VendOutcome.SOLD);
        acceptor.sessionComplete();
    }

    @Test
    void a_price_over_what_is_left_is_denied_with_the_offline_limit_code() {
        buy(200);
        PaymentAcceptor.Heard heard = acceptor.heard(wallet.nextToken(clock).encode());
        assertTrue(heard.accepted());
        assertEquals(100, heard.funds(), "the session offers what is left of the limit");
        PaymentAcceptor.VendAnswer answer = acceptor.authorizeVend(150, 1);
        assertFalse(answer.approved());
        assertEquals(ReaderRefusal.OFFLINE_LIMIT_EXCEEDED, answer.reason());
        assertTrue(events.stream().anyMatch(e -> e.kind() == ReaderEvent.Kind.VEND_DENIED && e.reason() == ReaderRefusal.OFFLINE_LIMIT_EXCEEDED), events::toString);
    }

    @Test
    void with_nothing_left_the_token_is_refused_before_a_session_and_its_counter_stays_unspent() {
        buy(300);
        PaymentToken token = wallet.nextToken(clock);
        PaymentAcceptor.Heard heard = acceptor.heard(token.encode());
        assertEquals(ReaderRefusal.OFFLINE_LIMIT_EXCEEDED, heard.reason());
        assertTrue(acceptor.sessionToken().isEmpty(), "no session for a spent limit");
        // After a sync (the backend holds the journal) the spend restarts, and the same token, whose
        // counter the refusal did not burn, opens a session.
        journal.markUploaded(1, NOW);
        acceptor.synced(new ReaderSync.Result(1, 1, List.of(), List.of()));
        PaymentAcceptor.Heard again = acceptor.heard(token.encode());
        assertTrue(again.accepted(), again::toString);
        assertEquals(300, again.funds());
    }
}
