package io.wavebench.simulators.reader.mdb;

import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.CashlessResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The cashless state machine's rules (MDB 4.2 §7.2–7.4), command by command, without a link: the
 * authorizer runs on the calling thread so each decision is there at the next POLL.
 */
class CashlessStateRulesTest {

    private static final CashlessResponse OOS = new CashlessResponse.CommandOutOfSequence();

    private final List<String> booked = new CopyOnWriteArrayList<>();
    private final AtomicReference<VendDecision> decision = new AtomicReference<>(VendDecision.approve(150));
    private final AtomicLong now = new AtomicLong();
    private CashlessPeripheral reader = reader(CashlessPeripheral.DEFAULT_CONFIG);

    private CashlessPeripheral reader(CashlessResponse.ReaderConfig config) {
        return new CashlessPeripheral(r -> decision.get(), new CashlessListener() {
            public void onVendSuccess(int item, long amount) { booked.add("sale item " + item + " " + amount); }
            public void onVendFailure(VendRequest r, long amount) { booked.add("void " + amount); }
            public void onResetAfterApproval(VendRequest r, long amount) { booked.add("sale by reset " + amount); }
            public void onApprovalNotDelivered(VendRequest r, long amount) { booked.add("void undelivered " + amount); }
            public void onVendCancelled(VendRequest r) { booked.add("cancelled " + r.priceMinorUnits()); }
            public void onCashSale(long price, int item) { booked.add("cash sale item " + item + " " + price); }
            public void onSessionTimeout(Duration after) { booked.add("session timeout"); }
            public void onOutOfSequence(CashlessCommand c, CashlessState s) { booked.add("out of sequence: " + c + " in " + s); }
        }, config, CashlessPeripheral.DEFAULT_ID, Runnable::run).nanoClock(now::get);
    }

    private Optional<CashlessResponse> send(CashlessCommand c) {
        return reader.onCommand(c);
    }

    /** Every response the reader has queued, as successive POLLs collect them. */
    private List<CashlessResponse> pollAll() {
        List<CashlessResponse> out = new ArrayList<>();
        for (Optional<CashlessResponse> r = send(new CashlessCommand.Poll()); r.isPresent(); r = send(new CashlessCommand.Poll())) out.add(r.get());
        return out;
    }

    private void enable() {
        send(new CashlessCommand.Reset());
        assertEquals(List.of(new CashlessResponse.JustReset()), pollAll());
        assertEquals(Optional.of(CashlessPeripheral.DEFAULT_CONFIG), send(new CashlessCommand.SetupConfig(1, 16, 2, 2)));
        assertEquals(Optional.empty(), send(new CashlessCommand.SetupPrices(300, 100)));
        send(new CashlessCommand.ExpansionRequestId("WVB", "1", "VMC", 0x0100));
        send(new CashlessCommand.ReaderEnable());
        assertEquals(CashlessState.ENABLED, reader.state());
    }

    private void openSession() {
        enable();
        assertTrue(reader.beginSession(1000));
        assertEquals(List.of(new CashlessResponse.BeginSession(1000)), pollAll());
    }

    @Test
    void the_reader_announces_eur_the_credentials_currency() {
        assertEquals(0x1978, CashlessPeripheral.DEFAULT_CONFIG.currencyCode(), "ISO 4217 978 in BCD with the leading 1");
    }

    @Test
    void expansion_request_id_is_answered_with_peripheral_id_before_and_after_setup_but_not_in_a_session() {
        assertEquals(Optional.of(CashlessPeripheral.DEFAULT_ID), send(new CashlessCommand.ExpansionRequestId("WVB", "1", "VMC", 1)));
        assertEquals("VMC", reader.vmcId().orElseThrow().model());
        openSession();
        assertEquals(Optional.empty(), send(new CashlessCommand.ExpansionRequestId("WVB", "1", "VMC", 1)));
        assertEquals(List.of(OOS), pollAll());
    }

    @Test
    void a_reader_that_powers_up_answers_the_first_poll_with_just_reset() {
        // MDB 4.2 §7.4.1: so a VMC still polling the reader it knew (one restarted after a crash) sets it up again.
        assertEquals(List.of(new CashlessResponse.JustReset()), pollAll());
        assertEquals(CashlessState.INACTIVE, reader.state());
    }

    @Test
    void setup_prices_before_setup_config_is_out_of_sequence() {
        send(new CashlessCommand.SetupPrices(300, 100));
        assertEquals(List.of(new CashlessResponse.JustReset(), OOS), pollAll(), "after the power-up's JUST RESET");
        assertTrue(reader.prices().isEmpty());
        assertEquals(CashlessState.INACTIVE, reader.state());
    }

    @Test
    void reader_cancel_in_enabled_is_answered_cancelled_and_out_of_sequence_in_a_session() {
        enable();
        send(new CashlessCommand.ReaderCancel());
        assertEquals(List.of(new CashlessResponse.Cancelled()), pollAll());
        openSession();
        send(new CashlessCommand.ReaderCancel());
        assertEquals(List.of(OOS), pollAll());
        assertEquals(CashlessState.SESSION_IDLE, reader.state());
    }

    @Test
    void cash_sale_is_booked_for_the_audit_and_refused_before_setup() {
        send(new CashlessCommand.CashSale(150, 12));
        assertEquals(List.of(new CashlessResponse.JustReset(), OOS), pollAll(), "after the power-up's JUST RESET");
        enable();
        send(new CashlessCommand.CashSale(150, 12));
        assertEquals(List.of(), pollAll());
        assertEquals("cash sale item 12 150", booked.get(booked.size() - 1));
    }

    @Test
    void session_complete_ends_the_session_with_end_session_and_returns_to_enabled() {
        openSession();
        send(new CashlessCommand.SessionComplete());
        assertEquals(List.of(new CashlessResponse.EndSession()), pollAll());
        assertEquals(CashlessState.ENABLED, reader.state());
        send(new CashlessCommand.SessionComplete()); // no session any more
        assertEquals(List.of(OOS), pollAll());
    }

    @Test
    void reader_disable_during_a_vend_waits_for_the_session_to_end() {
        openSession();
        send(new CashlessCommand.VendRequest(150, 12));
        send(new CashlessCommand.ReaderDisable());
        assertEquals(CashlessState.VEND, reader.state(), "the vend is not interrupted");
        assertEquals(List.of(new CashlessResponse.VendApproved(150)), pollAll());
        send(new CashlessCommand.VendSuccess(12));
        send(new CashlessCommand.SessionComplete());
        assertEquals(List.of(new CashlessResponse.EndSession()), pollAll());
        assertEquals(CashlessState.DISABLED, reader.state());
        assertFalse(reader.beginSession(500), "a disabled reader opens no session");
    }

    @Test
    void the_vend_cannot_be_interrupted_by_other_commands() {
        openSession();
        send(new CashlessCommand.VendRequest(150, 12));
        for (CashlessCommand c : List.of(new CashlessCommand.SessionComplete(), new CashlessCommand.ReaderEnable(), new CashlessCommand.CashSale(1, 1),
                new CashlessCommand.SetupPrices(1, 1), new CashlessCommand.SetupConfig(1, 0, 0, 0), new CashlessCommand.VendRequest(150, 12))) {
            send(c);
        }
        assertEquals(CashlessState.VEND, reader.state());
        List<CashlessResponse> answers = pollAll();
        assertEquals(new CashlessResponse.VendApproved(150), answers.get(0));
        assertEquals(6, answers.stream().filter(OOS::equals).count(), "each interrupting command is refused: " + answers);
        send(new CashlessCommand.VendSuccess(12));
        assertEquals(CashlessState.SESSION_IDLE, reader.state());
        assertEquals("sale item 12 150", booked.get(booked.size() - 1));
    }

    @Test
    void vend_success_before_the_approval_reached_the_vmc_is_out_of_sequence() {
        openSession();
        send(new CashlessCommand.VendRequest(150, 12)); // approved at once, but not yet POLLed
        send(new CashlessCommand.VendSuccess(12));
        assertEquals(CashlessState.VEND, reader.state());
        assertEquals(List.of(new CashlessResponse.VendApproved(150), OOS), pollAll());
    }

    @Test
    void vend_failure_after_approval_voids_the_authorization() {
        openSession();
        send(new CashlessCommand.VendRequest(150, 12));
        assertEquals(List.of(new CashlessResponse.VendApproved(150)), pollAll());
        send(new CashlessCommand.VendFailure());
        assertEquals(CashlessState.SESSION_IDLE, reader.state());
        assertEquals(List.of("void 150"), booked);
    }

    @Test
    void reset_between_approval_and_success_is_a_sale_but_before_delivery_it_is_a_void() {
        openSession();
        send(new CashlessCommand.VendRequest(150, 12));
        assertEquals(List.of(new CashlessResponse.VendApproved(150)), pollAll());
        send(new CashlessCommand.Reset());
        assertEquals(List.of("sale by reset 150"), booked);

        booked.clear();
        openSession();
        send(new CashlessCommand.VendRequest(150, 12)); // approved, but the POLL that would carry it never comes
        send(new CashlessCommand.Reset());
        assertEquals(List.of("void undelivered 150"), booked);
        assertEquals(List.of(new CashlessResponse.JustReset()), pollAll(), "a RESET drops the undelivered approval");
    }

    @Test
    void vend_cancel_after_the_approval_went_out_is_out_of_sequence() {
        openSession();
        send(new CashlessCommand.VendRequest(150, 12));
        assertEquals(List.of(new CashlessResponse.VendApproved(150)), pollAll());
        send(new CashlessCommand.VendCancel());
        assertEquals(List.of(OOS), pollAll());
        assertEquals(CashlessState.VEND, reader.state());
    }

    @Test
    void a_denial_ends_the_vend_and_books_nothing() {
        decision.set(VendDecision.deny("over the offline limit"));
        openSession();
        send(new CashlessCommand.VendRequest(150, 12));
        assertEquals(List.of(new CashlessResponse.VendDenied()), pollAll());
        assertEquals(CashlessState.SESSION_IDLE, reader.state());
        assertEquals(List.of(), booked);
    }

    @Test
    void money_on_the_bus_is_scaled_by_the_readers_config() {
        // Scale factor 5, 2 decimals: a bus value of 30 is 150 minor units (MDB 4.2 §7.4.2 Z5/Z6).
        reader = reader(new CashlessResponse.ReaderConfig(1, 0x1978, 5, 2, 2, 0));
        openSessionScaled();
        send(new CashlessCommand.VendRequest(30, 12));
        assertEquals(List.of(new CashlessResponse.VendApproved(30)), pollAll());
        send(new CashlessCommand.VendSuccess(12));
        assertEquals("sale item 12 150", booked.get(booked.size() - 1));
    }

    @Test
    void an_approval_the_bus_cannot_state_is_denied_rather_than_charged_differently() {
        reader = reader(new CashlessResponse.ReaderConfig(1, 0x1978, 5, 2, 2, 0));
        decision.set(VendDecision.approve(151)); // not a multiple of the scale factor
        openSessionScaled();
        send(new CashlessCommand.VendRequest(30, 12));
        assertEquals(List.of(new CashlessResponse.VendDenied()), pollAll());
    }

    private void openSessionScaled() {
        send(new CashlessCommand.Reset());
        pollAll();
        send(new CashlessCommand.SetupConfig(1, 0, 0, 0));
        send(new CashlessCommand.ReaderEnable());
        assertTrue(reader.beginSession(1003));
        assertEquals(List.of(new CashlessResponse.BeginSession(200)), pollAll(), "funds are rounded down to the scale");
    }

    @Test
    void an_idle_session_times_out_with_session_cancel_request_once() {
        reader.sessionTimeout(Duration.ofMillis(30));
        openSession();
        assertEquals(List.of(), pollAll());
        now.addAndGet(Duration.ofMillis(30).toNanos());
        assertEquals(List.of(new CashlessResponse.SessionCancelRequest()), pollAll());
        assertEquals(List.of(), pollAll(), "asked once, not at every POLL");
        send(new CashlessCommand.SessionComplete());
        assertEquals(List.of(new CashlessResponse.EndSession()), pollAll());
        assertEquals(CashlessState.ENABLED, reader.state());
        assertTrue(booked.contains("session timeout"));
    }

    @Test
    void a_vend_restarts_the_session_timeout() {
        reader.sessionTimeout(Duration.ofMillis(60));
        openSession();
        now.addAndGet(Duration.ofMillis(40).toNanos());
        send(new CashlessCommand.VendRequest(150, 12));
        pollAll();
        send(new CashlessCommand.VendSuccess(12));
        now.addAndGet(Duration.ofMillis(40).toNanos());
        assertEquals(List.of(), pollAll(), "40 ms since the vend ended is inside the 60 ms timeout");
    }

    @Test
    void commands_before_setup_are_out_of_sequence_and_change_nothing() {
        for (CashlessCommand c : List.of(new CashlessCommand.ReaderEnable(), new CashlessCommand.VendRequest(1, 1), new CashlessCommand.SessionComplete(),
                new CashlessCommand.VendSuccess(1), new CashlessCommand.VendFailure(), new CashlessCommand.VendCancel(), new CashlessCommand.ReaderCancel())) {
            send(c);
        }
        assertEquals(7, pollAll().stream().filter(OOS::equals).count());
        assertEquals(CashlessState.INACTIVE, reader.state());
    }
}
