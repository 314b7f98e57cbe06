package io.wavebench.simulators.backend;

import static io.wavebench.simulators.TestKeys.key;
import static io.wavebench.simulators.backend.ReaderJournal.ended;
import static io.wavebench.simulators.backend.ReaderJournal.sold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.backend.api.DoubleSpend;
import io.wavebench.simulators.backend.api.JournalEntry;
import io.wavebench.simulators.backend.api.LedgerEntry;
import io.wavebench.simulators.backend.api.LedgerKind;
import io.wavebench.simulators.backend.api.Outcome;
import io.wavebench.simulators.backend.api.Revocation;
import io.wavebench.simulators.backend.api.RevocationList;
import io.wavebench.simulators.backend.api.SettlementReport;
import io.wavebench.simulators.backend.api.UploadReceipt;
import io.wavebench.simulators.backend.db.Migrations;
import io.wavebench.simulators.token.Credential;
import io.wavebench.simulators.token.Ed25519;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Settlement (DESIGN §5.1, §5.6) through the HTTP API, one contract run against every database
 * backing: {@link H2SettlementTest} always, {@link PostgresSettlementTest} whenever a PostgreSQL
 * is reachable.
 */
abstract class SettlementContract {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final int ISSUER_KEY_ID = 7;

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final KeyPair issuerKey = key(1);
    SimulatedBackend backend;
    BackendClient client;
    String url;

    /** A fresh, empty database for one test. */
    abstract String freshDatabase();

    /** Releases what {@link #freshDatabase} made. */
    void dropDatabase(String url) {}

    SimulatedBackend newBackend(String jdbcUrl) {
        return new SimulatedBackend(SimulatedBackend.Config.inMemory(ISSUER_KEY_ID, issuerKey).withJdbcUrl(jdbcUrl).withClock(clock));
    }

    /** Which database each contract class really ran on, for its closing line. */
    static final Map<Class<?>, String> PRODUCTS = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        url = freshDatabase();
        backend = newBackend(url);
        backend.start();
        PRODUCTS.putIfAbsent(getClass(), backend.database());
        client = backend.client();
        client.registerReader("vm-a");
        client.registerReader("vm-b");
    }

    @AfterEach
    void stop() {
        if (backend != null) backend.close();
        if (url != null) dropDatabase(url);
    }

    @Test
    void sales_are_charged_once_and_uploading_the_same_batch_again_changes_nothing() {
        ReaderJournal vm = new ReaderJournal("vm-a", NOW);
        List<JournalEntry> batch = List.of(sold(vm.authorize(1001, 1, 150)), sold(vm.authorize(1001, 2, 200)), sold(vm.authorize(1002, 1, 90)));

        UploadReceipt first = client.upload("vm-a", batch);
        assertEquals(3, first.recorded());
        UploadReceipt again = client.upload("vm-a", batch);

        assertEquals(new UploadReceipt("vm-a", 3, 0, 0, 3, List.of()), again);
        List<LedgerEntry> ledger = client.ledger();
        assertEquals(3, ledger.size(), ledger.toString());
        assertTrue(ledger.stream().allMatch(e -> e.kind() == LedgerKind.SALE && e.charged() == e.amount()), ledger.toString());
        SettlementReport report = client.report("vm-a");
        assertEquals(440, report.chargedAmount());
        assertEquals(3, report.sales());
        assertEquals(0, report.missingSequences());
        assertEquals(0, client.revocations(0).revocations().size());
    }

    @Test
    void an_outcome_appended_after_a_pending_upload_is_booked_once() {
        ReaderJournal vm = new ReaderJournal("vm-a", NOW);
        JournalEntry pending = vm.authorize(1001, 1, 150);

        client.upload("vm-a", List.of(pending));
        assertEquals(1, client.report("vm-a").pending());
        assertEquals(List.of(), client.ledger(), "nothing is booked before the vend ends");

        UploadReceipt outcome = client.upload("vm-a", List.of(pending, sold(pending)));
        assertEquals(1, outcome.outcomesRecorded());
        client.upload("vm-a", List.of(pending));
        client.upload("vm-a", List.of(sold(pending)));

        assertEquals(1, client.ledger().size());
        assertEquals(0, client.report("vm-a").pending());
        assertEquals(150, client.report("vm-a").chargedAmount());
    }

    @Test
    void a_vend_failure_voids_and_a_reset_after_approval_is_a_sale() {
        ReaderJournal vm = new ReaderJournal("vm-a", NOW);
        client.upload("vm-a", List.of(ended(vm.authorize(1001, 1, 150), Outcome.FAILURE), ended(vm.authorize(1001, 2, 120), Outcome.RESET_AS_SALE)));

        Map<LedgerKind, LedgerEntry> byKind = client.ledgerOfReader("vm-a").stream().collect(Collectors.toMap(LedgerEntry::kind, e -> e));
        assertEquals(0, byKind.get(LedgerKind.VOID).charged());
        assertEquals("VEND_FAILURE", byKind.get(LedgerKind.VOID).reason());
        assertEquals(120, byKind.get(LedgerKind.SALE).charged());
        assertEquals("RESET_AFTER_APPROVAL", byKind.get(LedgerKind.SALE).reason());
        SettlementReport report = client.report("vm-a");
        assertEquals(new SettlementReport("vm-a", 2, 2, 0, 0, 1, 1, 1, 0, 0, 120, 150), report);
    }

    @Test
    void a_sequence_uploaded_again_with_other_contents_is_refused_and_the_whole_batch_with_it() {
        ReaderJournal vm = new ReaderJournal("vm-a", NOW);
        JournalEntry first = sold(vm.authorize(1001, 1, 150));
        client.upload("vm-a", List.of(first));
        JournalEntry tampered = new JournalEntry(first.sequence(), first.authorizedAt(), first.credentialId(), first.counter(), 15L,
                first.item(), first.outcome(), first.outcomeAt());
        JournalEntry newcomer = sold(vm.authorize(1001, 2, 80));

        BackendException e = assertThrows(BackendException.class, () -> client.upload("vm-a", List.of(newcomer, tampered)));

        assertEquals(BackendError.SEQUENCE_CONFLICT, e.error());
        assertTrue(e.getMessage().contains("sequence 1") && e.getMessage().contains("amount 150") && e.getMessage().contains("amount 15,"), e.getMessage());
        assertEquals(1, client.report("vm-a").entries(), "the newcomer in the refused batch was not written");
        assertEquals(1, client.ledger().size());
    }

    @Test
    void a_settled_outcome_cannot_be_changed_by_a_later_upload() {
        ReaderJournal vm = new ReaderJournal("vm-a", NOW);
        JournalEntry pending = vm.authorize(1001, 1, 150);
        client.upload("vm-a", List.of(sold(pending)));

        BackendException e = assertThrows(BackendException.class, () -> client.upload("vm-a", List.of(ended(pending, Outcome.FAILURE))));

        assertEquals(BackendError.OUTCOME_CONFLICT, e.error());
        assertEquals(150, client.report("vm-a").chargedAmount());
    }

    @Test
    void the_same_token_at_two_readers_is_charged_once_flagged_and_its_credential_revoked() {
        ReaderJournal a = new ReaderJournal("vm-a", NOW);
        ReaderJournal b = new ReaderJournal("vm-b", NOW.plusSeconds(30));
        a.authorize(1001, 1, 150); // sequence 1 at vm-a stays on the reader: a gap the report shows
        JournalEntry atA = sold(a.authorize(1001, 2, 150));
        JournalEntry atB = sold(b.authorize(1001, 2, 150));

        client.upload("vm-a", List.of(atA));
        UploadReceipt receipt = client.upload("vm-b", List.of(atB));

        assertEquals(List.of(new DoubleSpend("vm-b", 1, 1001, 2, "vm-a", 2, NOW)), receipt.doubleSpends());
        assertEquals(receipt.doubleSpends(), client.doubleSpends());
        assertEquals(150, client.ledger().stream().mapToLong(LedgerEntry::charged).sum(), "charged once");
        assertEquals(LedgerKind.NOT_CHARGED, client.ledgerOfReader("vm-b").get(0).kind());
        RevocationList revoked = client.revocations(0);
        assertEquals(1, revoked.revocations().size());
        assertEquals(1001, revoked.revocations().get(0).credentialId());
        assertEquals("DOUBLE_SPEND", revoked.revocations().get(0).reason());
        assertEquals(1, client.report("vm-b").doubleSpendsFlagged());
        assertEquals(1, client.report("vm-a").missingSequences());
        // Re-uploading either side flags nothing new.
        assertEquals(List.of(), client.upload("vm-b", List.of(atB)).doubleSpends());
        assertEquals(1, client.doubleSpends().size());
    }

    @Test
    void when_the_first_authorization_of_a_token_is_voided_the_other_sale_is_the_one_charged() {
        JournalEntry atA = ended(new ReaderJournal("vm-a", NOW).authorize(1001, 5, 150), Outcome.FAILURE);
        JournalEntry atB = sold(new ReaderJournal("vm-b", NOW).authorize(1001, 5, 150));

        client.upload("vm-a", List.of(atA));
        client.upload("vm-b", List.of(atB));

        assertEquals(150, client.report("vm-b").chargedAmount());
        assertEquals(1, client.report("vm-b").doubleSpendsFlagged());
        assertEquals(150, client.ledger().stream().mapToLong(LedgerEntry::charged).sum());
    }

    @Test
    void revocations_reach_a_reader_at_its_next_sync_from_its_cursor() {
        RevocationList empty = client.revocations(0);
        assertEquals(0, empty.cursor());
        Revocation lost = client.revoke(2001, "phone reported lost");
        assertEquals(lost, client.revoke(2001, "reported again"), "revoking twice keeps the first revocation");

        BackendClient.Sync sync = client.sync("vm-a", List.of(), empty.cursor());
        assertEquals(List.of(lost), sync.revocations().revocations());
        assertEquals(lost.version(), sync.revocations().cursor());

        client.upload("vm-a", List.of(sold(new ReaderJournal("vm-a", NOW).authorize(3001, 1, 100))));
        client.upload("vm-b", List.of(sold(new ReaderJournal("vm-b", NOW).authorize(3001, 1, 100))));
        RevocationList next = client.revocations(sync.revocations().cursor());
        assertEquals(List.of(3001L), next.revocations().stream().map(Revocation::credentialId).toList(), "only what is new since the cursor");
        assertEquals(List.of(), client.revocations(next.cursor()).revocations());
    }

    @Test
    void an_unknown_reader_cannot_upload_or_be_reported() {
        JournalEntry entry = sold(new ReaderJournal("vm-x", NOW).authorize(1001, 1, 150));

        BackendException upload = assertThrows(BackendException.class, () -> client.upload("vm-x", List.of(entry)));
        BackendException report = assertThrows(BackendException.class, () -> client.report("vm-x"));

        assertEquals(BackendError.UNKNOWN_READER, upload.error());
        assertTrue(upload.getMessage().contains("vm-x") && upload.getMessage().contains("HTTP 404"), upload.getMessage());
        assertEquals(BackendError.UNKNOWN_READER, report.error());
        assertTrue(client.registerReader("vm-a").readerId().equals("vm-a") && !client.registerReader("vm-a").created());
    }

    @Test
    void a_phone_enrols_online_and_refreshes_with_proof_of_its_device_key() {
        KeyPair device = key(20);
        Credential first = client.enroll(42, Ed25519.rawPublicKey(device.getPublic()), 2000, 978);
        assertTrue(Ed25519.verify(issuerKey.getPublic(), first.signedPart(), first.issuerSignature()));
        assertEquals(NOW.plus(Duration.ofDays(7)), first.validUntil());

        Credential fresh = client.refresh(first, device.getPrivate(), NOW);

        assertTrue(fresh.credentialId() != first.credentialId(), "a new credential id");
        assertEquals(first.accountId(), fresh.accountId());
        assertEquals(first.offlineLimit(), fresh.offlineLimit());
        assertTrue(Ed25519.verify(issuerKey.getPublic(), fresh.signedPart(), fresh.issuerSignature()));
    }

    @Test
    void a_refresh_is_refused_for_a_forged_credential_a_wrong_device_key_a_stale_proof_and_a_revoked_credential() {
        KeyPair device = key(20);
        Credential issued = client.enroll(42, Ed25519.rawPublicKey(device.getPublic()), 2000, 978);
        byte[] flipped = issued.issuerSignature();
        flipped[3] ^= 1;

        assertRefused(BackendError.BAD_CREDENTIAL_SIGNATURE, () -> client.refresh(issued.withIssuerSignature(flipped), device.getPrivate(), NOW));
        assertRefused(BackendError.BAD_DEVICE_SIGNATURE, () -> client.refresh(issued, key(21).getPrivate(), NOW));
        assertRefused(BackendError.STALE_PROOF, () -> client.refresh(issued, device.getPrivate(), NOW.minus(Duration.ofHours(1))));
        Credential stranger = new Issuer(ISSUER_KEY_ID, issuerKey, clock, 999)
                .provision(42, Ed25519.rawPublicKey(device.getPublic()), 2000, 978, Duration.ofDays(1));
        assertRefused(BackendError.UNKNOWN_CREDENTIAL, () -> client.refresh(stranger, device.getPrivate(), NOW));

        client.revoke(issued.credentialId(), "double spend at vm-a and vm-b");
        BackendException revoked = assertRefused(BackendError.CREDENTIAL_REVOKED, () -> client.refresh(issued, device.getPrivate(), NOW));
        assertTrue(revoked.getMessage().contains("double spend at vm-a and vm-b"), revoked.getMessage());
    }

    @Test
    void ledger_entries_carry_the_account_of_credentials_this_issuer_signed() {
        KeyPair device = key(20);
        Credential credential = client.enroll(42, Ed25519.rawPublicKey(device.getPublic()), 2000, 978);
        client.upload("vm-a", List.of(sold(new ReaderJournal("vm-a", NOW).authorize(credential.credentialId(), 1, 150))));
        client.upload("vm-b", List.of(sold(new ReaderJournal("vm-b", NOW).authorize(555, 1, 70))));

        assertEquals(List.of(150L), client.ledgerOfAccount(42).stream().map(LedgerEntry::charged).toList());
        assertEquals(null, client.ledgerOfReader("vm-b").get(0).accountId(), "a credential from another issuer has no account here");
    }

    @Test
    void a_restarted_backend_keeps_its_settlement_and_applies_no_migration_twice() {
        client.upload("vm-a", List.of(sold(new ReaderJournal("vm-a", NOW).authorize(1001, 1, 150))));
        backend.close();

        backend = newBackend(url);
        backend.start();
        client = backend.client();

        assertEquals(Migrations.bundled().latestVersion(), client.health().schemaVersion());
        assertEquals(150, client.report("vm-a").chargedAmount());
        assertEquals(0, client.upload("vm-a", List.of(sold(new ReaderJournal("vm-a", NOW).authorize(1001, 1, 150)))).recorded());
    }

    @Test
    void two_backends_starting_at_once_on_one_new_database_migrate_it_once_and_both_serve() throws Exception {
        String shared = freshDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<SimulatedBackend> started = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SimulatedBackend>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(pool.submit(() -> {
                    go.await();
                    SimulatedBackend b = newBackend(shared);
                    b.start();
                    return b;
                }));
            }
            go.countDown();
            for (Future<SimulatedBackend> f : both) started.add(f.get(60, TimeUnit.SECONDS));
            started.get(0).client().registerReader("vm-z");
            assertEquals(Migrations.bundled().latestVersion(), started.get(1).client().health().schemaVersion());
            assertTrue(!started.get(1).client().registerReader("vm-z").created(), "both serve the same database");
        } finally {
            pool.shutdownNow();
            started.forEach(SimulatedBackend::close);
            dropDatabase(shared);
        }
    }

    /**
     * Two readers upload the same token at the same moment, round after round: the database's keys
     * decide, not Java locks, so exactly one charge and one flag per token.
     */
    @Test
    void two_readers_uploading_the_same_token_at_once_charge_it_once_and_flag_it_once() throws Exception {
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= rounds; round++) {
                long credential = 4000 + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<UploadReceipt>> both = new ArrayList<>();
                for (String reader : List.of("vm-a", "vm-b")) {
                    JournalEntry entry = sold(JournalEntry.pending(round, NOW.plusSeconds(round), credential, 1, 100, 1));
                    both.add(pool.submit(() -> {
                        go.await();
                        return client.upload(reader, List.of(entry));
                    }));
                }
                go.countDown();
                int flags = 0;
                for (Future<UploadReceipt> f : both) flags += f.get(30, TimeUnit.SECONDS).doubleSpends().size();
                assertEquals(1, flags, "round " + round + ": one of the two uploads is the double spend");
            }
        } finally {
            pool.shutdownNow();
        }
        assertSettledOnce(rounds, 2);
    }

    /**
     * Four readers each journal the same 40 tokens in their own order and upload at once; their
     * transactions lock token claims in different orders, so deadlocks and collisions happen and
     * are retried. Every token is charged once and flagged three times; revocation versions have
     * no gap.
     */
    @Test
    void four_readers_racing_over_forty_tokens_in_different_orders_still_charge_each_once() throws Exception {
        int tokens = 40;
        List<String> readers = List.of("vm-a", "vm-b", "vm-c", "vm-d");
        readers.forEach(client::registerReader);
        List<Callable<UploadReceipt>> uploads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        Random random = new Random(2026);
        for (String reader : readers) {
            List<Integer> order = new ArrayList<>();
            for (int t = 1; t <= tokens; t++) order.add(t);
            Collections.shuffle(order, random);
            List<JournalEntry> batch = new ArrayList<>();
            for (int s = 0; s < tokens; s++) batch.add(sold(JournalEntry.pending(s + 1, NOW.plusSeconds(s), 4000 + order.get(s), 1, 100, 1)));
            uploads.add(() -> {
                go.await();
                return client.upload(reader, batch);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(readers.size());
        try {
            List<Future<UploadReceipt>> results = new ArrayList<>();
            for (Callable<UploadReceipt> u : uploads) results.add(pool.submit(u));
            go.countDown();
            int flags = 0;
            for (Future<UploadReceipt> f : results) flags += f.get(60, TimeUnit.SECONDS).doubleSpends().size();
            assertEquals(tokens * (readers.size() - 1), flags);
        } finally {
            pool.shutdownNow();
        }
        assertSettledOnce(tokens, readers.size());
    }

    private void assertSettledOnce(int tokens, int readers) {
        List<LedgerEntry> ledger = client.ledger();
        assertEquals(tokens * readers, ledger.size(), "every authorization booked once");
        Map<Long, Long> chargesPerCredential = ledger.stream().filter(e -> e.kind() == LedgerKind.SALE)
                .collect(Collectors.groupingBy(LedgerEntry::credentialId, Collectors.counting()));
        assertEquals(tokens, chargesPerCredential.size(), "every token charged");
        assertTrue(chargesPerCredential.values().stream().allMatch(n -> n == 1), "no token charged twice: " + chargesPerCredential);
        assertEquals(tokens * (readers - 1), client.doubleSpends().size());
        List<Revocation> revoked = client.revocations(0).revocations();
        assertEquals(tokens, revoked.size(), "each double-spent credential revoked once");
        for (int i = 0; i < revoked.size(); i++) assertEquals(i + 1, revoked.get(i).version(), "revocation versions run without a gap");
    }

    static BackendException assertRefused(BackendError expected, Executable call) {
        BackendException e = assertThrows(BackendException.class, call);
        assertEquals(expected, e.error(), e.getMessage());
        return e;
    }
}
