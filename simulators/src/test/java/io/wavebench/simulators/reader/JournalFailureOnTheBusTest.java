package io.wavebench.simulators.reader;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.mdb.PtyMdbTransport;
import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.phone.Wallet;
import io.wavebench.simulators.reader.journal.AuthorizationJournal;
import io.wavebench.simulators.reader.journal.InMemoryAuthorizationJournal;
import io.wavebench.simulators.reader.journal.JournalEntry;
import io.wavebench.simulators.reader.journal.JournalException;
import io.wavebench.simulators.reader.journal.JournalState;
import io.wavebench.simulators.reader.journal.VendOutcome;
import io.wavebench.simulators.refusal.ReaderRefusal;
import io.wavebench.simulators.token.TokenVerifier;
import io.wavebench.simulators.vmc.Catalog;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A journal that fails on the MDB bus thread (approval going out, an outcome) must not end the
 * reader's bus loop: the failure is named in a reader event and the reader keeps answering.
 */
class JournalFailureOnTheBusTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    /** Authorizes (so vends are approved) but refuses every write made on the bus thread. */
    private static final class FailingOnTheBusJournal implements AuthorizationJournal {
        private final InMemoryAuthorizationJournal inner = new InMemoryAuthorizationJournal();

        @Override public void accepted(long credentialId, long counter, Instant at) { inner.accepted(credentialId, counter, at); }
        @Override public JournalEntry authorize(long c, long n, long amount, int item, byte[] token, Instant at) { return inner.authorize(c, n, amount, item, token, at); }
        @Override public void conclude(long sequence, VendOutcome outcome, Instant at) { throw new JournalException("test journal: disk full (conclude #" + sequence + ")"); }
        @Override public void approvalGoingOut(long sequence, Instant at) { throw new JournalException("test journal: disk full (approval #" + sequence + ")"); }
        @Override public List<JournalEntry> entries() { return inner.entries(); }
        @Override public List<JournalEntry> notUploaded() { return inner.notUploaded(); }
        @Override public void markUploaded(long sequence, Instant at) { inner.markUploaded(sequence, at); }
        @Override public JournalState recover() { return inner.recover(); }
        @Override public void close() { inner.close(); }
    }

    @Test
    void a_journal_failure_on_the_bus_thread_is_recorded_and_the_reader_keeps_answering() {
        Clock clock = Clock.systemUTC();
        Issuer issuer = new Issuer(1, key(1), clock, 1000);
        TokenVerifier verifier = new TokenVerifier(Map.of(1, issuer.publicKey()), clock, ReaderPolicy.CLOCK_SKEW_ALLOWANCE, ReaderPolicy.TOKEN_FRESHNESS);
        Wallet wallet = new Wallet(key(2));
        wallet.install(issuer.provision(7, wallet.devicePublicKey(), 10_000, 978, Duration.ofDays(1)));
        InMemorySerialLink[] cable = InMemorySerialLink.pair("journal-fail-vmc", "journal-fail-reader");
        PtyMdbTransport vmcSide = new PtyMdbTransport(cable[0]);
        vmcSide.open();
        ReaderPayments reader = new ReaderPayments("journal-fail", null, null, new PtyMdbTransport(cable[1]), verifier, clock, 10_000,
                new FailingOnTheBusJournal());
        SimulatedVmc vmc = new SimulatedVmc(vmcSide, Catalog.of(new Catalog.Item(12, "Sparkling water", 150)), Duration.ofMillis(25), Duration.ofMillis(20));
        try {
            reader.start();
            vmc.start();
            vmc.awaitEvent(Type.READER_ENABLED, WITHIN);
            for (int session = 0; session < 2; session++) { // the second session: the bus still answers after the failures
                int from = vmc.eventCount();
                vmc.select(12);
                reader.heard(wallet.nextToken(clock).encode());
                assertTrue(vmc.observeEvent("VEND_APPROVED", e -> e.type() == Type.VEND_APPROVED, WITHIN, from).happened(), "session " + session + " approved");
                assertTrue(vmc.observeEvent("DISPENSED", e -> e.type() == Type.DISPENSED, WITHIN, from).happened(), "session " + session + " dispensed");
                assertTrue(vmc.observeEvent("SESSION_ENDED", e -> e.type() == Type.SESSION_ENDED, WITHIN, from).happened(), "session " + session + " ended");
            }
            assertTrue(reader.busFailure().isEmpty(), "the bus loop is still running: " + reader.busFailure());
            List<ReaderEvent> named = reader.events().stream().filter(e -> e.reason() == ReaderRefusal.JOURNAL_UNAVAILABLE).toList();
            assertEquals(2, named.stream().filter(e -> e.kind() == ReaderEvent.Kind.VEND_APPROVED && e.detail().contains("disk full")).count(), named.toString());
            assertEquals(2, named.stream().filter(e -> e.kind() == ReaderEvent.Kind.VEND_SUCCEEDED && e.detail().contains("NOT recorded")).count(), named.toString());
        } finally {
            vmc.close();
            vmcSide.close();
            reader.close();
        }
    }
}
