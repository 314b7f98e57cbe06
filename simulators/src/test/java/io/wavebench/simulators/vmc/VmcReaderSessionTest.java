package io.wavebench.simulators.vmc;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.drivers.mdb.PtyMdbTransport;
import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.simulators.reader.mdb.CashlessListener;
import io.wavebench.simulators.reader.mdb.CashlessPeripheral;
import io.wavebench.simulators.reader.mdb.CashlessState;
import io.wavebench.simulators.reader.mdb.PeripheralServer;
import io.wavebench.simulators.reader.mdb.VendDecision;
import io.wavebench.simulators.reader.mdb.VendRequest;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SimulatedVmc and CashlessPeripheral talking real MDB framing over an in-memory serial pair. */
class VmcReaderSessionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final Catalog CATALOG = Catalog.of(new Catalog.Item(12, "cola", 150), new Catalog.Item(7, "water", 100));

    private final List<String> booked = new CopyOnWriteArrayList<>();
    private final AtomicReference<VendDecision> decision = new AtomicReference<>(VendDecision.approve(150));
    private PtyMdbTransport vmcSide;
    private PtyMdbTransport readerSide;
    private CashlessPeripheral reader;
    private PeripheralServer server;
    private SimulatedVmc vmc;

    @BeforeEach
    void wire() {
        InMemorySerialLink[] links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/reader");
        vmcSide = new PtyMdbTransport(links[0]);
        readerSide = new PtyMdbTransport(links[1]);
        vmcSide.open();
        readerSide.open();
        reader = new CashlessPeripheral(request -> decision.get(), new CashlessListener() {
            public void onVendSuccess(int item, long amount) { booked.add("success item=" + item + " amount=" + amount); }
            public void onVendFailure(VendRequest request, long amount) { booked.add("failure " + request + " amount=" + amount); }
            public void onSessionComplete() { booked.add("session complete"); }
            public void onResetAfterApproval(VendRequest request, long amount) { booked.add("reset after approval " + request + " amount=" + amount); }
            public void onOutOfSequence(CashlessCommand command, CashlessState state) { booked.add("out of sequence " + command + " in " + state); }
        });
        PeripheralPort port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace(), Duration.ofMillis(200), Duration.ofMillis(100));
        server = new PeripheralServer(port, reader);
        server.start();
        vmc = new SimulatedVmc(vmcSide, CATALOG, Duration.ofMillis(25), Duration.ofMillis(200));
    }

    @AfterEach
    void unwire() {
        vmc.close();
        server.close();
        vmcSide.close();
        readerSide.close();
    }

    @Test
    void a_paid_selection_is_dispensed_and_the_session_ends_with_the_reader_enabled() {
        vmc.start();
        vmc.awaitEvent(Type.READER_ENABLED, DEADLINE);
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
        assertEquals(new CashlessCommand.SetupPrices(150, 100), reader.prices().orElseThrow());

        vmc.select(12);
        assertTrue(reader.beginSession(500));
        assertEquals(12, vmc.awaitEvent(Type.DISPENSED, DEADLINE).item());
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
        assertEquals(VmcState.READY, vmc.state());

        assertEquals(List.of(Type.SESSION_BEGAN, Type.VEND_REQUESTED, Type.VEND_APPROVED, Type.DISPENSED, Type.SESSION_COMPLETE, Type.SESSION_ENDED),
                sessionEvents());
        assertEquals(500, vmc.awaitEvent(Type.SESSION_BEGAN, DEADLINE).amountMinorUnits());
        assertEquals(150, vmc.awaitEvent(Type.VEND_APPROVED, DEADLINE).amountMinorUnits());
        assertEquals(List.of("success item=12 amount=150", "session complete"), booked);
        assertTraceDecodesEveryBlock("VEND REQUEST price=150 item=12", "VEND APPROVED amount=150", "VEND SUCCESS item=12", "END SESSION");
    }

    @Test
    void a_denied_vend_dispenses_nothing_and_completes_the_session() {
        decision.set(VendDecision.deny("token replayed"));
        vmc.start();
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
        assertTrue(reader.beginSession(500)); // session first, selection after: the VMC vends when both are there
        vmc.awaitEvent(Type.SESSION_BEGAN, DEADLINE);
        vmc.select(7);
        assertEquals(7, vmc.awaitEvent(Type.VEND_DENIED, DEADLINE).item());
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
        assertEquals(List.of(Type.SESSION_BEGAN, Type.VEND_REQUESTED, Type.VEND_DENIED, Type.SESSION_COMPLETE, Type.SESSION_ENDED), sessionEvents());
        assertEquals(List.of("session complete"), booked);
        assertTraceDecodesEveryBlock("VEND DENIED");
    }

    @Test
    void a_failed_dispense_after_approval_tells_the_reader_to_void() {
        vmc.start();
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
        vmc.failNextDispense();
        vmc.select(12);
        reader.beginSession(500);
        vmc.awaitEvent(Type.DISPENSE_FAILED, DEADLINE);
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        assertEquals(List.of("failure VendRequest[price=150 item=12] amount=150", "session complete"), booked);
    }

    @Test
    void a_session_cannot_begin_before_the_vmc_enables_the_reader() {
        assertEquals(CashlessState.INACTIVE, reader.state());
        assertFalse(reader.beginSession(500));
    }

    @Test
    void close_stops_the_poll_thread_promptly_and_leaves_the_transport_open() {
        vmc.start();
        vmc.awaitEvent(Type.READER_ENABLED, DEADLINE);
        long t0 = System.nanoTime();
        vmc.close();
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(1).toNanos(), "close took too long");
        assertEquals(VmcState.STOPPED, vmc.state());
        vmcSide.send(0x112, 0x12); // still open: the caller owns it
    }

    @Test
    void a_silent_reader_is_reported_once_with_the_port() {
        server.close();
        vmc.start();
        VmcEvent e = vmc.awaitEvent(Type.NO_RESPONSE, DEADLINE);
        assertTrue(e.detail().contains("/dev/pts/vmc") && e.detail().contains("RESET"), e.detail());
        assertEquals(VmcState.NO_READER, vmc.state());
    }

    private List<Type> sessionEvents() {
        return vmc.events().stream().map(VmcEvent::type)
                .filter(t -> t.ordinal() >= Type.SESSION_BEGAN.ordinal() && t != Type.SELECTED).toList();
    }

    private void assertTraceDecodesEveryBlock(String... mustContain) {
        String text = vmc.trace().toText();
        for (String s : mustContain) assertTrue(text.contains(s), "trace lacks '" + s + "':\n" + text);
        for (MdbTrace.Entry e : vmc.trace().entries()) {
            assertFalse(e.meaning().isBlank() || e.meaning().startsWith("undecodable"), "undecoded: " + e.toText());
            assertNotEquals(MdbTrace.Checksum.BAD, e.checksum(), e.toText());
        }
        assertFalse(vmc.trace().responseTimes().isEmpty());
    }
}
