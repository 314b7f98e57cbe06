package io.wavebench.simulators.vmc;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.CashlessResponse;
import io.wavebench.drivers.mdb.MdbFault;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.drivers.mdb.PtyMdbTransport;
import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.drivers.wait.DeviceNotReadyException;
import io.wavebench.simulators.reader.mdb.CashlessListener;
import io.wavebench.simulators.reader.mdb.CashlessPeripheral;
import io.wavebench.simulators.reader.mdb.CashlessState;
import io.wavebench.simulators.reader.mdb.PeripheralServer;
import io.wavebench.simulators.reader.mdb.VendDecision;
import io.wavebench.simulators.reader.mdb.VendRequest;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the machine's keypad and controller do besides a paid selection, and the VMC's named faults. */
class VmcOperationsTest {

    // A deadline, not a timing check: a loaded CI host can take seconds for a reset cycle.
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Catalog CATALOG = Catalog.of(new Catalog.Item(12, "cola", 150));

    private final List<String> booked = new CopyOnWriteArrayList<>();
    private PtyMdbTransport vmcSide;
    private PtyMdbTransport readerSide;
    private CashlessPeripheral reader;
    private PeripheralPort port;
    private PeripheralServer server;
    private SimulatedVmc vmc;

    @BeforeEach
    void wire() {
        InMemorySerialLink[] links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/reader");
        vmcSide = new PtyMdbTransport(links[0]);
        readerSide = new PtyMdbTransport(links[1]);
        vmcSide.open();
        readerSide.open();
        reader = new CashlessPeripheral(r -> VendDecision.approve(r.priceMinorUnits()), new CashlessListener() {
            public void onVendSuccess(int item, long amount) { booked.add("sale " + amount); }
            public void onVendFailure(VendRequest r, long amount) { booked.add("void " + amount); }
            public void onResetAfterApproval(VendRequest r, long amount) { booked.add("sale by reset " + amount); }
            public void onVendCancelled(VendRequest r) { booked.add("vend cancelled"); }
            public void onCashSale(long price, int item) { booked.add("cash sale " + price); }
            public void onOutOfSequence(CashlessCommand c, CashlessState s) { booked.add("out of sequence: " + c); }
        });
        port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace(), Duration.ofMillis(100), Duration.ofMillis(100));
        server = new PeripheralServer(port, reader);
        server.start();
        vmc = new SimulatedVmc(vmcSide, CATALOG, Duration.ofMillis(25), Duration.ofMillis(50));
        vmc.start();
        vmc.awaitEvent(Type.READER_ENABLED, DEADLINE);
    }

    @AfterEach
    void unwire() {
        vmc.close();
        server.close();
        vmcSide.close();
        readerSide.close();
    }

    private long count(Type type) {
        return vmc.events().stream().filter(e -> e.type() == type).count();
    }

    @Test
    void a_listener_gets_every_event_so_far_and_each_new_one_in_order_once() {
        List<VmcEvent> heard = new CopyOnWriteArrayList<>();
        vmc.listen(heard::add); // the reader was enabled before: those events come first
        vmc.select(12);
        reader.beginSession(500);
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        assertEquals(vmc.events(), heard);
    }

    @Test
    void the_non_response_time_is_what_the_reader_configured() {
        // The peripheral's READER CONFIG DATA states its application maximum response time (MDB 4.2 §7.4.2).
        assertEquals(Duration.ofSeconds(CashlessPeripheral.DEFAULT_CONFIG.maxResponseTimeSeconds()), vmc.nonResponseTime());
    }

    @Test
    void cancel_with_a_session_open_completes_it_and_charges_nothing() {
        assertTrue(reader.beginSession(500));
        vmc.awaitEvent(Type.SESSION_BEGAN, DEADLINE);
        vmc.cancel();
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
        assertEquals(0, count(Type.VEND_REQUESTED));
        assertEquals(List.of(), booked);
    }

    @Test
    void a_cash_sale_is_reported_to_the_reader() {
        vmc.cashSale(12);
        vmc.awaitEvent(Type.CASH_SALE, DEADLINE);
        Awaitility.await("reader books the cash sale").atMost(DEADLINE).until(() -> booked.contains("cash sale 150"));
    }

    @Test
    void a_disabled_reader_opens_no_session_until_enabled_again() {
        vmc.disableReader();
        vmc.awaitEvent(Type.READER_DISABLED, DEADLINE);
        reader.awaitState(CashlessState.DISABLED, DEADLINE);
        assertFalse(reader.beginSession(500));
        vmc.enableReader();
        reader.awaitState(CashlessState.ENABLED, DEADLINE);
        assertTrue(reader.beginSession(500));
    }

    @Test
    void a_controller_restart_after_approval_is_booked_as_a_sale() {
        int from = vmc.eventCount(); // before the fault: the re-initialization can finish before this thread looks again
        vmc.resetDuringNextVend();
        vmc.select(12);
        reader.beginSession(500);
        vmc.awaitEvent("CONTROLLER_RESTARTED", e -> e.type() == Type.CONTROLLER_RESTARTED, DEADLINE, from);
        vmc.awaitEvent("READER_ENABLED", e -> e.type() == Type.READER_ENABLED, DEADLINE, from);
        assertEquals(List.of("sale by reset 150"), booked);
        assertEquals(1, count(Type.DISPENSED));
    }

    @Test
    void the_vmc_repeats_a_command_the_reader_did_not_answer_instead_of_resetting_it() {
        port.inject(MdbFault.SILENCE);
        port.inject(MdbFault.SILENCE);
        port.inject(MdbFault.SILENCE);
        port.inject(MdbFault.SILENCE); // more than one transaction's three attempts
        vmc.select(12);
        reader.beginSession(500);
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        assertEquals(1, count(Type.DISPENSED));
        assertEquals(0, count(Type.NO_RESPONSE));
        assertEquals(1, count(Type.READER_JUST_RESET), "no RESET before the non-response time");
    }

    @Test
    void a_lost_ack_on_vend_request_does_not_make_the_vmc_reset_the_reader() {
        vmc.select(12);
        reader.beginSession(500);
        vmc.awaitEvent(Type.SESSION_BEGAN, DEADLINE);
        port.inject(MdbFault.NO_ACK); // the next non-POLL command is VEND REQUEST
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        assertEquals(1, count(Type.DISPENSED));
        assertEquals(0, count(Type.OUT_OF_SEQUENCE), () -> "events: " + vmc.events() + "\n" + vmc.trace().toText());
        assertEquals(List.of("sale 150"), booked);
    }

    @Test
    void vmc_faults_no_ack_and_bad_checksum_are_survived() {
        vmc.inject(MdbFault.BAD_CHECKSUM);
        vmc.inject(MdbFault.NO_ACK);
        vmc.select(12);
        reader.beginSession(500);
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        assertEquals(1, count(Type.DISPENSED));
        assertEquals(List.of("sale 150"), booked);
        assertTrue(vmc.trace().toText().contains("fault BAD_CHECKSUM"), vmc.trace().toText());
    }

    /**
     * MDB 4.2 §2.2: a reply the VMC did not ACK is repeated at the next POLL. A VMC that had nothing
     * else to send when the reply came POLLs next, even if the shopper chooses in that instant; a
     * selection made earlier would have been the next command instead (the test above).
     */
    @Test
    void an_unacknowledged_reply_is_polled_for_next_even_when_the_shopper_chooses_at_once() {
        vmc.inject(MdbFault.NO_ACK);
        reader.beginSession(500);
        vmc.awaitEvent(Type.SESSION_BEGAN, DEADLINE);
        vmc.select(12);
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        List<String> wire = vmc.trace().toText().lines().toList();
        int withheld = IntStream.range(0, wire.size()).filter(i -> wire.get(i).contains("fault NO_ACK")).findFirst()
                .orElseThrow(() -> new AssertionError("no ACK was withheld:\n" + String.join("\n", wire)));
        String next = wire.stream().skip(withheld + 1).filter(l -> l.contains("VMC>RDR")).findFirst().orElseThrow();
        assertTrue(next.contains("POLL"), () -> "the command after the withheld ACK: " + next + "\n" + String.join("\n", wire));
        assertEquals(1, count(Type.DISPENSED));
        assertEquals(1, count(Type.SESSION_BEGAN), "the repeated BEGIN SESSION is the same session");
    }

    @Test
    void vmc_fault_out_of_sequence_is_refused_and_the_vmc_resets_the_reader() {
        int from = vmc.eventCount(); // before the fault: the reset and set-up take a few ms, often less than this thread's next turn
        vmc.inject(MdbFault.OUT_OF_SEQUENCE);
        vmc.awaitEvent("OUT_OF_SEQUENCE", e -> e.type() == Type.OUT_OF_SEQUENCE, DEADLINE, from);
        vmc.awaitEvent("READER_ENABLED", e -> e.type() == Type.READER_ENABLED, DEADLINE, from);
        assertEquals(List.of("out of sequence: VEND SUCCESS item=0"), booked);
    }

    @Test
    void an_idle_session_is_timed_out_by_the_reader_and_completed_by_the_vmc() {
        reader.sessionTimeout(Duration.ofMillis(100));
        reader.beginSession(500);
        vmc.awaitEvent(Type.SESSION_CANCEL_REQUESTED, DEADLINE);
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        assertEquals(0, count(Type.VEND_REQUESTED));
        assertEquals(VmcState.READY, vmc.state());
    }

    /**
     * A reader that answered late sends its reply once per POLL it missed; a copy of VEND APPROVED
     * can come back as the answer to VEND SUCCESS, while the machine is still in the vend. Seen on a
     * loaded host: the machine dispensed twice for one approval. One approval is one item.
     */
    @Test
    void a_late_copy_of_vend_approved_answering_vend_success_dispenses_nothing_more() {
        // This test's own wiring: the reader answers VEND SUCCESS once with a copy of its approval.
        unwire();
        InMemorySerialLink[] links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/reader");
        vmcSide = new PtyMdbTransport(links[0]);
        readerSide = new PtyMdbTransport(links[1]);
        vmcSide.open();
        readerSide.open();
        reader = new CashlessPeripheral(r -> VendDecision.approve(r.priceMinorUnits()), new CashlessListener() {
            public void onVendSuccess(int item, long amount) { booked.add("sale " + amount); }
        });
        AtomicBoolean copied = new AtomicBoolean();
        PeripheralPort.CommandHandler late = command -> {
            var answer = reader.onCommand(command);
            if (command instanceof CashlessCommand.VendSuccess && copied.compareAndSet(false, true)) {
                return Optional.of(new CashlessResponse.VendApproved(150));
            }
            return answer;
        };
        port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace(), Duration.ofMillis(100), Duration.ofMillis(100));
        server = new PeripheralServer(port, late);
        server.start();
        vmc = new SimulatedVmc(vmcSide, CATALOG, Duration.ofMillis(25), Duration.ofMillis(50));
        vmc.start();
        vmc.awaitEvent(Type.READER_ENABLED, DEADLINE);

        vmc.select(12);
        reader.beginSession(500);
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
        assertTrue(copied.get(), "the copy went out");
        assertEquals(1, count(Type.VEND_APPROVED), () -> "events " + vmc.events());
        assertEquals(1, count(Type.DISPENSED), () -> "events " + vmc.events());
        assertTrue(vmc.events().stream().anyMatch(e -> e.type() == Type.PROTOCOL_ERROR && e.detail().contains("late copy")), () -> "events " + vmc.events());
    }

    @Test
    void an_event_that_does_not_come_fails_its_wait_naming_the_port_the_alias_the_deadline_and_the_last_events() {
        int from = vmc.eventCount();
        long t0 = System.nanoTime();
        DeviceNotReadyException e = assertThrows(DeviceNotReadyException.class,
                () -> vmc.awaitEvent("a VEND APPROVED nobody asked for", ev -> ev.type() == Type.VEND_APPROVED, Duration.ofMillis(300), from));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(tookMs >= 300 && tookMs < 3_000, "within its deadline: " + tookMs + " ms");
        assertTrue(e.getMessage().startsWith("VMC on /dev/pts/vmc: did not reach a VEND APPROVED nobody asked for within 300 ms; last seen: state READY, last events ["),
                e.getMessage());
        assertTrue(e.getMessage().contains("READER_ENABLED"), "the last events: " + e.getMessage());
    }

    @Test
    void asking_whether_an_event_came_answers_after_the_full_time_and_looks_only_from_the_index_given() {
        int from = vmc.eventCount();
        long t0 = System.nanoTime();
        var enabledAgain = vmc.observeEvent("READER_ENABLED again", ev -> ev.type() == Type.READER_ENABLED, Duration.ofMillis(300), from);
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300, "waited the full time");
        assertFalse(enabledAgain.happened(), "the READER_ENABLED before the index does not count: " + enabledAgain);
        assertTrue(vmc.observeEvent("READER_ENABLED", ev -> ev.type() == Type.READER_ENABLED, Duration.ZERO, 0).happened());

        reader.beginSession(500);
        assertEquals(500, vmc.awaitEvent("SESSION BEGAN", ev -> ev.type() == Type.SESSION_BEGAN, DEADLINE, from).amountMinorUnits());
        vmc.cancel();
        vmc.awaitEvent(Type.SESSION_ENDED, DEADLINE);
    }
}
