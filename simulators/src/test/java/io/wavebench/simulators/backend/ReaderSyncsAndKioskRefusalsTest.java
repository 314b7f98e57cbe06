package io.wavebench.simulators.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.TestKeys;
import io.wavebench.simulators.backend.api.JournalEntry;
import io.wavebench.simulators.backend.api.KioskRefusal;
import io.wavebench.simulators.backend.api.ReaderStatus;
import io.wavebench.simulators.backend.api.RefusalReport;
import io.wavebench.simulators.backend.api.SoldTicket;
import io.wavebench.simulators.backend.api.TicketOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What migration V6 adds, over real HTTP and H2: a reader's sync in one request, stamped with the
 * time it reached the backend; kiosks' refusal reports, stored once per report id; ticket ids
 * handed out above a base the rig sets.
 */
class ReaderSyncsAndKioskRefusalsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T18:00:10Z"));
    private final Clock clock = new Clock() {
        public ZoneId getZone() { return ZoneId.of("UTC"); }
        public Clock withZone(ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };
    private SimulatedBackend backend;

    private BackendClient start(SimulatedBackend.Config config) {
        backend = new SimulatedBackend(config.withClock(clock)).ticketingKey(3, TestKeys.key(63));
        backend.start();
        return backend.client();
    }

    @AfterEach
    void stop() {
        if (backend != null) backend.close();
    }

    @Test
    void a_sync_is_one_request_and_the_backend_keeps_when_the_last_one_arrived() {
        BackendClient client = start(SimulatedBackend.Config.inMemory(1, TestKeys.key(1)));
        client.registerReader("vm-1");
        ReaderStatus before = client.readerStatus("vm-1");
        assertNull(before.lastSyncAt(), "no sync yet");
        assertEquals(0, before.syncs());

        client.revoke(77, "lost phone");
        now.set(Instant.parse("2026-03-01T18:01:00Z"));
        JournalEntry entry = JournalEntry.pending(1, now.get(), 77, 3, 150, 12);
        BackendClient.Sync sync = client.sync("vm-1", List.of(entry), 0);
        assertEquals(1, sync.upload().recorded());
        assertEquals(List.of(77L), sync.revocations().revocations().stream().map(r -> r.credentialId()).toList());

        ReaderStatus after = client.readerStatus("vm-1");
        assertEquals(Instant.parse("2026-03-01T18:01:00Z"), after.lastSyncAt(), "stamped with the backend's clock as the sync arrived");
        assertEquals(1, after.syncs());
        assertEquals(BackendError.UNKNOWN_READER, assertThrows(BackendException.class, () -> client.readerStatus("vm-9")).error());
        assertEquals(BackendError.UNKNOWN_READER, assertThrows(BackendException.class, () -> client.sync("vm-9", List.of(), 0)).error(),
                "an unregistered reader's sync is refused whole");
    }

    @Test
    void a_kiosk_refusal_is_stored_once_per_report_and_read_back_by_kiosk_and_ticket() {
        BackendClient client = start(SimulatedBackend.Config.inMemory(1, TestKeys.key(1)));
        SoldTicket ticket = client.buyTicket(new TicketOrder(4242L, 7L, now.get().plusSeconds(7200), List.of("G12")));
        RefusalReport report = new RefusalReport("kiosk-1.r1", ticket.ticketId(), "PRINTER_NOT_READY", 0x37, "COVER OPEN", now.get());

        KioskRefusal stored = client.reportRefusal("kiosk-1", report);
        now.set(now.get().plusSeconds(5));
        assertEquals(stored, client.reportRefusal("kiosk-1", report), "the same report after a lost answer changes nothing");
        client.reportRefusal("kiosk-1", new RefusalReport("kiosk-1.r2", null, "MALFORMED", 0x30, "MALFORMED", now.get()));
        client.reportRefusal("kiosk-2", new RefusalReport("kiosk-2.r1", ticket.ticketId(), "ALREADY_REDEEMED", 0x35, "ALREADY REDEEMED", now.get()));

        List<KioskRefusal> atKiosk1 = client.kioskRefusals("kiosk-1");
        assertEquals(List.of("kiosk-1.r1", "kiosk-1.r2"), atKiosk1.stream().map(KioskRefusal::reportId).toList());
        assertEquals("COVER OPEN", atKiosk1.get(0).said());
        assertNull(atKiosk1.get(1).ticketId(), "what was shown was no ticket");
        assertEquals(List.of(stored), client.kioskRefusals("kiosk-1", ticket.ticketId()));
        assertEquals(BackendError.INVALID_REQUEST, assertThrows(BackendException.class, () -> client.reportRefusal("kiosk-2", report)).error(),
                "another kiosk cannot take over a report id");
        var silent = client.raw("POST", "v1/kiosks/kiosk-1/refusals",
                "{\"reportId\":\"x\",\"refusal\":\"SHOW_OVER\",\"code\":52,\"said\":\"\",\"refusedAt\":\"2026-03-01T18:00:00Z\"}");
        assertEquals(400, silent.statusCode(), "a refusal that says nothing is refused: " + silent.body());
        assertTrue(silent.body().contains("INVALID_REQUEST") && silent.body().contains("said must be"), silent.body());
    }

    @Test
    void ticket_ids_start_where_a_rig_sets_them() {
        backend = new SimulatedBackend(SimulatedBackend.Config.inMemory(1, TestKeys.key(1)).withClock(clock)).ticketingKey(3, TestKeys.key(63))
                .idsFrom(SimulatedBackend.IdCounter.TICKET_ID, 88_000_000_001L);
        backend.start();
        BackendClient client = backend.client();
        SoldTicket first = client.buyTicket(new TicketOrder(4242L, 7L, now.get().plusSeconds(7200), List.of("A1")));
        SoldTicket second = client.buyTicket(new TicketOrder(4242L, 7L, now.get().plusSeconds(7200), List.of("A2")));
        assertEquals(88_000_000_001L, first.ticketId());
        assertEquals(88_000_000_002L, second.ticketId());
    }
}
