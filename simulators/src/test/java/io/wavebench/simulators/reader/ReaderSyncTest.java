package io.wavebench.simulators.reader;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.SimulatedBackend;
import io.wavebench.simulators.backend.api.LedgerEntry;
import io.wavebench.simulators.backend.api.LedgerKind;
import io.wavebench.simulators.reader.journal.InMemoryAuthorizationJournal;
import io.wavebench.simulators.reader.journal.VendOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader's sync against the real backend (HTTP, H2): uploads, the upload mark, revocations. */
class ReaderSyncTest {

    private static final byte[] TOKEN = {1, 2, 3};
    private final Clock clock = Clock.systemUTC();

    @Test
    void open_vends_stay_in_the_batch_until_they_end_and_each_sale_is_booked_once() {
        try (SimulatedBackend backend = new SimulatedBackend(SimulatedBackend.Config.inMemory(7, key(1)))) {
            backend.start();
            BackendClient client = backend.client();
            InMemoryAuthorizationJournal journal = new InMemoryAuthorizationJournal();
            ReaderSync sync = new ReaderSync("vm-sync", journal, clock);
            Instant t = Instant.now();
            long sold = journal.authorize(5000, 1, 150, 12, TOKEN, t).sequence();
            journal.conclude(sold, VendOutcome.SOLD, t);
            long open = journal.authorize(5000, 2, 200, 13, TOKEN, t).sequence();
            long notDelivered = journal.authorize(5000, 3, 250, 14, TOKEN, t).sequence();
            journal.conclude(notDelivered, VendOutcome.NOT_DELIVERED, t);

            ReaderSync.Result first = sync.sync(client);
            assertEquals(3, first.uploaded());
            assertEquals(sold, first.uploadedThrough(), "the mark stops before the open vend");

            journal.conclude(open, VendOutcome.SOLD_ON_RESET, t.plusSeconds(1));
            ReaderSync.Result second = sync.sync(client);
            assertEquals(2, second.uploaded(), "the open vend and the one after it go again");
            assertEquals(notDelivered, second.uploadedThrough());
            assertEquals(0, sync.sync(client).uploaded(), "nothing left to send");

            List<LedgerEntry> ledger = client.ledgerOfReader("vm-sync");
            assertEquals(List.of(LedgerKind.SALE, LedgerKind.VOID, LedgerKind.SALE), ledger.stream().map(LedgerEntry::kind).toList(),
                    () -> "one booking per authorization, as each ended: " + ledger);
            assertEquals(350, ledger.stream().mapToLong(LedgerEntry::charged).sum(), () -> "150 sold + 200 sold on reset; the undelivered 250 voided: " + ledger);
        }
    }

    @Test
    void revocations_issued_since_the_last_sync_come_down_once() {
        try (SimulatedBackend backend = new SimulatedBackend(SimulatedBackend.Config.inMemory(7, key(1)))) {
            backend.start();
            BackendClient client = backend.client();
            ReaderSync sync = new ReaderSync("vm-rev", new InMemoryAuthorizationJournal(), clock);
            assertEquals(List.of(), sync.sync(client).revocations());
            client.revoke(4242, "phone reported stolen");
            assertEquals(List.of(4242L), sync.sync(client).revocations().stream().map(r -> r.credentialId()).toList());
            assertEquals(List.of(), sync.sync(client).revocations(), "the cursor moved on");
        }
    }
}
