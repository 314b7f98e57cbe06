package io.wavebench.simulators.vmc;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.MdbFault;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.drivers.mdb.PtyMdbTransport;
import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.drivers.serial.SerialLink;
import io.wavebench.drivers.serial.SerialSettings;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MDB soak's stuck vend (VMC VENDING, reader VEND, the approval journaled and never
 * concluded), made to happen once, exactly: VEND APPROVED reaches the VMC with a bad checksum,
 * the VMC asks for it again with RET, and the line turns that RET (AA) into 00, which the reader
 * takes for the ACK of its approval (MDB 4.2 §2.2). The vend must still be dispensed, booked
 * once, and the session end.
 */
class VmcCorruptedRetTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Catalog CATALOG = Catalog.of(new Catalog.Item(12, "cola", 150));

    /** The VMC's end of the cable: turns the next RET it writes into 00 once armed. */
    static final class RetTurnedIntoAck implements SerialLink {
        private final SerialLink inner;
        volatile boolean armed;

        RetTurnedIntoAck(SerialLink inner) {
            this.inner = inner;
        }

        @Override public String name() { return inner.name(); }
        @Override public void open(SerialSettings settings) { inner.open(settings); }
        @Override public boolean isOpen() { return inner.isOpen(); }
        @Override public int read(byte[] buffer, Duration timeout) { return inner.read(buffer, timeout); }
        @Override public void close() { inner.close(); }

        @Override
        public void write(byte[] bytes) {
            // A bus word on a pty is two bytes, mode then data (DESIGN §5.3): RET is 00 AA.
            if (armed && bytes.length == 2 && bytes[0] == 0 && (bytes[1] & 0xFF) == 0xAA) {
                armed = false;
                inner.write(new byte[] {0, 0});
                return;
            }
            inner.write(bytes);
        }
    }

    private final List<String> booked = new CopyOnWriteArrayList<>();
    private final CountDownLatch decide = new CountDownLatch(1);
    private RetTurnedIntoAck vmcEnd;
    private PtyMdbTransport vmcSide;
    private PtyMdbTransport readerSide;
    private PeripheralPort port;
    private CashlessPeripheral reader;
    private PeripheralServer server;
    private SimulatedVmc vmc;

    @BeforeEach
    void wire() {
        InMemorySerialLink[] links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/reader");
        vmcEnd = new RetTurnedIntoAck(links[0]);
        vmcSide = new PtyMdbTransport(vmcEnd);
        readerSide = new PtyMdbTransport(links[1]);
        vmcSide.open();
        readerSide.open();
        reader = new CashlessPeripheral(request -> {
            try {
                assertTrue(decide.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return VendDecision.approve(150);
        }, new CashlessListener() {
            public void onVendSuccess(int item, long amount) { booked.add("success item=" + item + " amount=" + amount); }
            public void onVendFailure(VendRequest request, long amount) { booked.add("failure"); }
            public void onApprovalNotDelivered(VendRequest request, long amount) { booked.add("not delivered"); }
            public void onResetAfterApproval(VendRequest request, long amount) { booked.add("reset after approval"); }
            public void onSessionComplete() { booked.add("session complete"); }
        });
        port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace());
        server = new PeripheralServer(port, reader);
        server.start();
        vmc = new SimulatedVmc(vmcSide, CATALOG, Duration.ofMillis(25), Duration.ofMillis(20));
        vmc.start(SimulatedVmc.readerEnabled().withStartupTimeout(DEADLINE));
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
    }

    @AfterEach
    void unwire() {
        decide.countDown();
        vmc.close();
        server.close();
        vmcSide.close();
        readerSide.close();
    }

    @Test
    void an_approval_whose_ret_the_line_turned_into_an_ack_is_still_dispensed_and_booked_once() {
        vmc.select(12);
        assertTrue(reader.beginSession(500));
        vmc.awaitEvent(Type.VEND_REQUESTED, DEADLINE);
        port.inject(MdbFault.BAD_CHECKSUM); // VEND APPROVED goes out with a wrong CHK: the VMC sends RET
        vmcEnd.armed = true; // ... which arrives as 00
        decide.countDown();
        assertTrue(vmc.observeEvent("DISPENSED", e -> e.type() == Type.DISPENSED, DEADLINE, 0).happened(),
                () -> "the approval never reached the VMC; VMC " + vmc.state() + ", reader " + reader.state() + "\nVMC's bus:\n"
                        + vmc.trace().toText() + "\nreader's bus:\n" + port.trace().toText());
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
        assertFalse(vmcEnd.armed, "the RET was turned into 00");
        assertEquals(1, vmc.eventCount(Type.DISPENSED));
        assertEquals(List.of("success item=12 amount=150", "session complete"), booked);
    }
}
