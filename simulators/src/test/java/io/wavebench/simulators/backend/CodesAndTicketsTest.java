package io.wavebench.simulators.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.TestKeys;
import io.wavebench.simulators.backend.api.BarcodeAuthorization;
import io.wavebench.simulators.backend.api.BarcodeKey;
import io.wavebench.simulators.backend.api.SoldTicket;
import io.wavebench.simulators.backend.api.TicketOrder;
import io.wavebench.simulators.backend.api.TicketRedemption;
import io.wavebench.simulators.ticket.TicketCode;
import io.wavebench.simulators.token.Ed25519;
import io.wavebench.simulators.token.PaymentBarcode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Barcode payments and ticketing over real HTTP and H2 (migration V2), with a clock the test moves. */
class CodesAndTicketsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T18:00:10Z"));
    private final Clock clock = new Clock() {
        public ZoneId getZone() { return ZoneId.of("UTC"); }
        public Clock withZone(ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };
    private SimulatedBackend backend;
    private BackendClient client;

    @BeforeEach
    void start() {
        backend = new SimulatedBackend(SimulatedBackend.Config.inMemory(1, TestKeys.key(1)).withClock(clock)).ticketingKey(3, TestKeys.key(63));
        backend.start();
        client = backend.client();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void a_barcode_pays_once_within_its_minute() {
        BarcodeKey key = client.enrollBarcode(4242);
        String code = PaymentBarcode.code(key.slot(), key.secret(), now.get());
        assertEquals(18, code.length());
        assertTrue(code.startsWith("28"));
        BarcodeAuthorization hold = client.authorizeBarcode(code, "vm-1", 500);
        assertEquals("HELD", hold.status());
        assertEquals(4242, hold.accountId());
        assertEquals(BackendError.BARCODE_ALREADY_USED, assertThrows(BackendException.class, () -> client.authorizeBarcode(code, "vm-2", 500)).error());
        BarcodeAuthorization captured = client.captureBarcode(hold.authorizationId(), 150, 12);
        assertEquals("CAPTURED", captured.status());
        assertEquals(150L, captured.captured());
        assertEquals(BackendError.AUTHORIZATION_UNKNOWN, assertThrows(BackendException.class, () -> client.releaseBarcode(hold.authorizationId())).error());
    }

    @Test
    void an_old_or_wrong_barcode_is_refused_by_name() {
        BarcodeKey key = client.enrollBarcode(4242);
        String code = PaymentBarcode.code(key.slot(), key.secret(), now.get());
        now.set(now.get().plusSeconds(150));
        assertEquals(BackendError.BARCODE_EXPIRED, assertThrows(BackendException.class, () -> client.authorizeBarcode(code, "vm-1", 500)).error());
        String wrong = code.substring(0, 17) + (char) ('0' + (code.charAt(17) - '0' + 1) % 10);
        assertEquals(BackendError.BARCODE_UNKNOWN, assertThrows(BackendException.class, () -> client.authorizeBarcode(wrong, "vm-1", 500)).error());
        assertEquals(BackendError.BARCODE_UNKNOWN, assertThrows(BackendException.class, () -> client.authorizeBarcode("123", "vm-1", 500)).error());
        String fresh = PaymentBarcode.code(key.slot(), key.secret(), now.get());
        BarcodeAuthorization hold = client.authorizeBarcode(fresh, "vm-1", 500);
        assertEquals(BackendError.OVER_HOLD, assertThrows(BackendException.class, () -> client.captureBarcode(hold.authorizationId(), 501, 1)).error());
        assertEquals("RELEASED", client.releaseBarcode(hold.authorizationId()).status());
    }

    @Test
    void a_ticket_is_signed_and_a_second_kiosk_is_a_conflict() throws Exception {
        SoldTicket sold = client.buyTicket(new TicketOrder(4242L, 7L, now.get().plus(Duration.ofHours(2)), List.of("G12", "G13")));
        TicketCode ticket = TicketCode.parse(sold.code());
        assertEquals(sold.ticketId(), ticket.ticketId());
        assertEquals(3, ticket.keyId());
        assertTrue(Ed25519.verify(Ed25519.publicKey(client.ticketingKey().publicKey()), ticket.signedPart(), ticket.signature()));
        assertTrue(client.ticket(sold.ticketId()).redemptions().isEmpty());

        TicketRedemption first = client.reportRedemption(sold.ticketId(), "kiosk-1", now.get());
        assertFalse(first.conflict());
        assertEquals(first, client.reportRedemption(sold.ticketId(), "kiosk-1", now.get()), "a repeated report changes nothing");
        assertTrue(client.ticketConflicts().isEmpty());
        TicketRedemption second = client.reportRedemption(sold.ticketId(), "kiosk-2", now.get());
        assertTrue(second.conflict());
        assertEquals(1, client.ticketConflicts().size());
        assertEquals(2, client.ticketConflicts().get(0).redemptions().size());
        assertEquals(BackendError.UNKNOWN_TICKET, assertThrows(BackendException.class, () -> client.ticket(1)).error());
    }
}
