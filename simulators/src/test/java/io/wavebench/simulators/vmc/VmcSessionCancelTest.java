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
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The VMC believes a command reached the reader that never did (on a noisy bus it can read
 * another answer as its ACK): the reader, left in a session of its own, gives it up after its
 * session timeout with SESSION CANCEL REQUEST, and the VMC must answer it with SESSION COMPLETE
 * (MDB 4.2 §7.4.4) also while it awaits the END SESSION of a SESSION COMPLETE the reader never
 * had, and cancel the vend (§7.4.6) while it awaits the answer to a VEND REQUEST the reader
 * never had. Otherwise neither side ends the session (the MDB soak's sessions stuck in VENDING
 * and ENDING_SESSION).
 *
 * <p>The lost command is exact: the reader's bus handler ACKs it without passing it on.
 */
class VmcSessionCancelTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration SESSION_TIMEOUT = Duration.ofMillis(300);
    private static final Catalog CATALOG = Catalog.of(new Catalog.Item(12, "cola", 150));

    private final List<String> booked = new CopyOnWriteArrayList<>();
    /** The next command of this type is ACKed on the bus but never reaches the reader. */
    private final AtomicReference<Class<? extends CashlessCommand>> lostOnce = new AtomicReference<>();
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
        reader = new CashlessPeripheral(request -> VendDecision.approve(150), new CashlessListener() {
            public void onVendSuccess(int item, long amount) { booked.add("success item=" + item); }
            public void onSessionComplete() { booked.add("session complete"); }
        }).sessionTimeout(SESSION_TIMEOUT);
        PeripheralPort.CommandHandler handler = command -> {
            Class<? extends CashlessCommand> lost = lostOnce.get();
            if (lost != null && lost.isInstance(command) && lostOnce.compareAndSet(lost, null)) return Optional.empty();
            return reader.onCommand(command);
        };
        server = new PeripheralServer(new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace()), handler);
        server.start();
        vmc = new SimulatedVmc(vmcSide, CATALOG, Duration.ofMillis(25), Duration.ofMillis(200));
        vmc.start(SimulatedVmc.readerEnabled().withStartupTimeout(DEADLINE));
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
    }

    @AfterEach
    void unwire() {
        vmc.close();
        server.close();
        vmcSide.close();
        readerSide.close();
    }

    @Test
    void a_vend_request_the_reader_never_had_is_cancelled_and_nothing_is_dispensed_or_booked() {
        lostOnce.set(CashlessCommand.VendRequest.class);
        vmc.select(12);
        assertTrue(reader.beginSession(500));
        vmc.awaitEvent(Type.VEND_REQUESTED, DEADLINE);
        int from = vmc.eventCount();
        // The reader, in a session of its own, asks to end it; the VMC cancels the vend it is
        // waiting on (MDB 4.2 §7.4.6), which a reader with no vend refuses as out of sequence,
        // and the VMC resets it (§7.3): the session is over on both sides.
        vmc.awaitEvent("READER_ENABLED again", e -> e.type() == Type.READER_ENABLED, DEADLINE, from);
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
        assertEquals(VmcState.READY, vmc.state());
        assertEquals(1, vmc.eventCount(Type.SESSION_CANCEL_REQUESTED));
        assertEquals(1, vmc.eventCount(Type.OUT_OF_SEQUENCE), "VEND CANCEL with no vend");
        assertEquals(0, vmc.eventCount(Type.VEND_APPROVED));
        assertEquals(0, vmc.eventCount(Type.DISPENSED));
        assertEquals(List.of(), booked, "nothing sold");
    }

    @Test
    void a_session_complete_the_reader_never_had_is_sent_again_when_it_asks_to_end_the_session() {
        lostOnce.set(CashlessCommand.SessionComplete.class);
        vmc.select(12);
        assertTrue(reader.beginSession(500));
        vmc.awaitEvent(Type.DISPENSED, DEADLINE);
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
        assertEquals(VmcState.READY, vmc.state());
        assertEquals(1, vmc.eventCount(Type.SESSION_CANCEL_REQUESTED));
        assertEquals(2, vmc.eventCount(Type.SESSION_COMPLETE), "SESSION COMPLETE sent again");
        assertEquals(List.of("success item=12", "session complete"), booked);
    }
}
