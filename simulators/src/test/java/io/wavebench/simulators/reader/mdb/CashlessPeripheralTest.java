package io.wavebench.simulators.reader.mdb;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.CashlessResponse;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.drivers.mdb.PtyMdbTransport;
import io.wavebench.drivers.mdb.VmcMaster;
import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.drivers.wait.DeviceNotReadyException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader's state machine driven command by command by a VmcMaster over the pty framing. */
class CashlessPeripheralTest {

    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private PtyMdbTransport vmcSide;
    private PtyMdbTransport readerSide;
    private CashlessPeripheral reader;
    private PeripheralServer server;
    private VmcMaster vmc;
    private final MdbTrace trace = new MdbTrace();

    @BeforeEach
    void wire() {
        InMemorySerialLink[] links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/reader");
        vmcSide = new PtyMdbTransport(links[0]);
        readerSide = new PtyMdbTransport(links[1]);
        vmcSide.open();
        readerSide.open();
        reader = new CashlessPeripheral(r -> VendDecision.approve(r.priceMinorUnits()), new CashlessListener() {
            public void onOutOfSequence(CashlessCommand command, CashlessState state) { calls.add("out of sequence: " + command + " in " + state); }
            public void onResetAfterApproval(VendRequest request, long amount) { calls.add("sale by reset: " + request + " " + amount); }
        });
        server = new PeripheralServer(new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace(), Duration.ofMillis(200), Duration.ofMillis(100)), reader);
        server.start();
        vmc = new VmcMaster(vmcSide, trace, Duration.ofMillis(200));
    }

    @AfterEach
    void unwire() {
        server.close();
        vmcSide.close();
        readerSide.close();
    }

    private void enable() {
        assertEquals(List.of(), vmc.transact(new CashlessCommand.Reset()));
        assertEquals(List.of(new CashlessResponse.JustReset()), vmc.transact(new CashlessCommand.Poll()));
        assertEquals(List.of(CashlessPeripheral.DEFAULT_CONFIG), vmc.transact(new CashlessCommand.SetupConfig(1, 0, 0, 0)));
        assertEquals(CashlessState.DISABLED, reader.state());
        assertEquals(List.of(), vmc.transact(new CashlessCommand.SetupPrices(300, 100)));
        assertEquals(List.of(CashlessPeripheral.DEFAULT_ID), vmc.transact(new CashlessCommand.ExpansionRequestId("WVB", "1", "T", 1)));
        assertEquals(List.of(), vmc.transact(new CashlessCommand.ReaderEnable()));
        assertEquals(CashlessState.ENABLED, reader.state());
    }

    /** Polls until a response arrives; the authorizer answers on its own thread. */
    private CashlessResponse pollForResponse() {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            List<CashlessResponse> r = vmc.transact(new CashlessCommand.Poll());
            if (!r.isEmpty()) return r.get(0);
        }
        throw new AssertionError("no response to POLL within " + DEADLINE + "; reader " + reader + "\n" + trace.toText());
    }

    @Test
    void vend_request_outside_a_session_is_command_out_of_sequence() {
        enable();
        assertEquals(List.of(), vmc.transact(new CashlessCommand.VendRequest(150, 12)));
        assertEquals(List.of(new CashlessResponse.CommandOutOfSequence()), vmc.transact(new CashlessCommand.Poll()));
        assertEquals(CashlessState.ENABLED, reader.state());
        assertEquals(List.of("out of sequence: VEND REQUEST price=150 item=12 in ENABLED"), calls);
        assertTrue(trace.toText().contains("COMMAND OUT OF SEQUENCE"), trace.toText());
    }

    @Test
    void reset_between_approval_and_success_counts_as_a_sale() {
        enable();
        assertTrue(reader.beginSession(1000));
        assertEquals(new CashlessResponse.BeginSession(1000), pollForResponse());
        assertEquals(CashlessState.SESSION_IDLE, reader.state());
        vmc.transact(new CashlessCommand.VendRequest(150, 12));
        assertEquals(CashlessState.VEND, reader.state());
        assertEquals(new CashlessResponse.VendApproved(150), pollForResponse());
        vmc.transact(new CashlessCommand.Reset());
        reader.awaitState(CashlessState.INACTIVE, DEADLINE);
        assertEquals(List.of("sale by reset: VendRequest[price=150 item=12] 150"), calls);
    }

    @Test
    void vend_cancel_before_the_decision_is_denied() {
        CashlessPeripheral slow = new CashlessPeripheral(r -> VendDecision.approve(r.priceMinorUnits()), new CashlessListener() {},
                CashlessPeripheral.DEFAULT_CONFIG, CashlessPeripheral.DEFAULT_ID, command -> { /* decision never comes */ });
        server.close();
        server = new PeripheralServer(new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace(), Duration.ofMillis(200), Duration.ofMillis(100)), slow);
        server.start();
        reader = slow;
        enable();
        slow.beginSession(500);
        pollForResponse();
        vmc.transact(new CashlessCommand.VendRequest(150, 12));
        vmc.transact(new CashlessCommand.VendCancel());
        assertEquals(new CashlessResponse.VendDenied(), pollForResponse());
        assertEquals(CashlessState.SESSION_IDLE, slow.state());
    }

    @Test
    void await_state_names_the_state_it_is_in_when_it_times_out() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.awaitState(CashlessState.ENABLED, Duration.ofMillis(10)));
        assertTrue(e.getMessage().contains("it is INACTIVE"), e.getMessage());
    }

    @Test
    void answers_nobody_collected_fail_the_delivery_wait_naming_the_reader_the_deadline_and_what_is_still_queued() {
        enable();
        assertTrue(reader.beginSession(1000)); // BEGIN SESSION queued; the VMC never polls for it
        long t0 = System.nanoTime();
        DeviceNotReadyException e = assertThrows(DeviceNotReadyException.class,
                () -> reader.awaitDelivered(Duration.ofMillis(300), Duration.ofMillis(100)));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(tookMs >= 300 && tookMs < 3_000, "within its deadline: " + tookMs + " ms");
        assertEquals("cashless reader (MDB address 0x10): did not reach every queued answer collected by a POLL within 300 ms; last seen: state SESSION_IDLE, still queued ["
                + new CashlessResponse.BeginSession(1000) + "]", e.getMessage());

        var observed = reader.observeDelivered(Duration.ofMillis(100), Duration.ofMillis(100));
        assertFalse(observed.happened(), "the non-throwing form answers 'not collected'");
        assertTrue(observed.lastSeen().contains("still queued"), observed.lastSeen());

        assertEquals(new CashlessResponse.BeginSession(1000), pollForResponse());
        reader.awaitDelivered(DEADLINE, Duration.ofMillis(100));
    }
}
