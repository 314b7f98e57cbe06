package io.wavebench.simulators.reader;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.phone.Wallet;
import io.wavebench.simulators.reader.journal.AuthorizationJournal;
import io.wavebench.simulators.reader.journal.JournalEntry;
import io.wavebench.simulators.reader.journal.SqliteAuthorizationJournal;
import io.wavebench.simulators.reader.journal.VendOutcome;
import io.wavebench.simulators.refusal.ReaderRefusal;
import io.wavebench.simulators.token.OfflineSpend;
import io.wavebench.simulators.token.PaymentToken;
import io.wavebench.simulators.token.TokenVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader that dies and restarts on the same durable journal (DESIGN §5.1): the acceptor of the
 * second life knows what the first one approved. Each "life" is a fresh acceptor and verifier,
 * as after a process restart; only the journal file is shared.
 */
class PaymentAcceptorRecoveryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Issuer issuer = new Issuer(7, key(1), clock, 1000);
    private final Wallet wallet = new Wallet(key(2));
    private final List<ReaderEvent> events = new ArrayList<>();

    @TempDir
    Path dir;

    PaymentAcceptorRecoveryTest() {
        wallet.install(issuer.provision(42, wallet.devicePublicKey(), 500, 978, Duration.ofDays(7)));
    }

    private PaymentAcceptor life(AuthorizationJournal journal) {
        TokenVerifier verifier = new TokenVerifier(Map.of(7, issuer.publicKey()), clock, ReaderPolicy.CLOCK_SKEW_ALLOWANCE, ReaderPolicy.TOKEN_FRESHNESS);
        PaymentAcceptor acceptor = new PaymentAcceptor(verifier, new OfflineSpend(), journal, clock, 10_000, events::add);
        acceptor.recover();
        return acceptor;
    }

    @Test
    void open_vends_are_booked_by_whether_their_approval_went_out_and_counters_and_spend_survive() {
        Path file = dir.resolve("journal.sqlite");
        byte[] sold = wallet.nextToken(clock).encode();
        byte[] approvedOnTheBus = wallet.nextToken(clock).encode();
        byte[] approvedNotSent = wallet.nextToken(clock).encode();
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            PaymentAcceptor first = life(journal);
            assertTrue(first.heard(sold).accepted());
            assertTrue(first.authorizeVend(100, 1).approved());
            first.approvalGoingOut();
            first.vendSucceeded(1, VendOutcome.SOLD);
            first.sessionComplete();
            assertTrue(first.heard(approvedOnTheBus).accepted());
            assertTrue(first.authorizeVend(150, 2).approved());
            first.approvalGoingOut();
            // the reader dies here: the VMC has VEND APPROVED and may dispense
        }
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            PaymentAcceptor second = life(journal);
            assertTrue(second.heard(approvedNotSent).accepted());
            assertTrue(second.authorizeVend(200, 3).approved());
            // dies again, this time before the approval left
        }
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            PaymentAcceptor third = life(journal);
            List<JournalEntry> entries = journal.entries();
            assertEquals(List.of(VendOutcome.SOLD, VendOutcome.SOLD_ON_RESET, VendOutcome.NOT_DELIVERED),
                    entries.stream().map(JournalEntry::outcome).toList(), entries::toString);

            for (byte[] old : List.of(sold, approvedOnTheBus, approvedNotSent)) {
                PaymentAcceptor.Heard again = third.heard(old);
                assertEquals(ReaderRefusal.REPLAY, again.reason(), "a token the journal holds is a replay after restarts");
            }
            // 100 + 150 sold of a 500 offline limit; the undelivered 200 was released.
            PaymentToken next = wallet.nextToken(clock);
            PaymentAcceptor.Heard heard = third.heard(next.encode());
            assertTrue(heard.accepted());
            assertEquals(250, heard.funds(), "offline spend since sync recovered from the journal");
            assertFalse(third.authorizeVend(251, 4).approved(), "over what is left of the offline limit");
        }
        assertTrue(events.stream().anyMatch(e -> e.kind() == ReaderEvent.Kind.RECOVERED), events::toString);
    }

    /**
     * DESIGN §5.1, replay: the reader accepted a token (its session open, funds offered) and died
     * before any vend request. The restarted reader must refuse the same sound: the journal
     * recorded the acceptance before the session opened.
     */
    @Test
    void a_token_accepted_before_a_crash_with_no_vend_is_a_replay_after_the_restart() {
        Path file = dir.resolve("accepted-then-crash.sqlite");
        byte[] token = wallet.nextToken(clock).encode();
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            PaymentAcceptor first = life(journal);
            assertTrue(first.heard(token).accepted());
            // the reader dies here: session open, no vend requested, nothing authorized
        }
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            PaymentAcceptor second = life(journal);
            assertTrue(journal.entries().isEmpty(), "nothing was authorized");
            PaymentAcceptor.Heard again = second.heard(token);
            assertEquals(ReaderRefusal.REPLAY, again.reason(), again.detail());
            assertTrue(second.heard(wallet.nextToken(clock).encode()).accepted(), "the phone's next token is taken");
        }
    }

    /** A journal that cannot record the acceptance: the token is refused by name, no session, its counter not spent. */
    @Test
    void a_token_whose_acceptance_cannot_be_journaled_is_refused_and_not_burnt() {
        Path file = dir.resolve("failing.sqlite");
        byte[] token = wallet.nextToken(clock).encode();
        PaymentAcceptor acceptor;
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            acceptor = life(journal);
        } // closed under the acceptor: every write fails, as on a dead disk
        PaymentAcceptor.Heard heard = acceptor.heard(token);
        assertEquals(ReaderRefusal.JOURNAL_UNAVAILABLE, heard.reason(), heard.detail());
        assertTrue(heard.detail().contains(file.toString()), "names the journal: " + heard.detail());
        assertEquals("DECLINED 0C JOURNAL FAULT", heard.reason().displayText());
        assertTrue(acceptor.sessionToken().isEmpty(), "no session");
        assertTrue(events.stream().anyMatch(e -> e.kind() == ReaderEvent.Kind.TOKEN_REJECTED && e.reason() == ReaderRefusal.JOURNAL_UNAVAILABLE), events::toString);
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            assertTrue(life(journal).heard(token).accepted(), "with a working journal the same token is good: its counter was not spent");
        }
    }
}
