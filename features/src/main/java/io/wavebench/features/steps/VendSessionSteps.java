package io.wavebench.features.steps;

import static io.wavebench.fixtures.scenario.Cursors.a;
import static io.wavebench.fixtures.scenario.Cursors.nothing;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.drivers.serial.FaultySerialLink;
import io.wavebench.fixtures.observe.AnswerTimes;
import io.wavebench.fixtures.observe.Cursor;
import io.wavebench.fixtures.observe.EventLog;
import io.wavebench.fixtures.observe.Seen;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import io.wavebench.simulators.vmc.VmcState;
import io.wavebench.fixtures.scenario.ScenarioRig;
import io.wavebench.fixtures.scenario.Cursors;
import java.time.Duration;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * The vend session's other paths (vend_session.feature), judged on the vending machine's view of
 * the bus after the last {@code When}'s cursor ({@link Cursors}). A negative ("no session opens",
 * "nothing is dispensed") holds only after the reader's full answer time, or once what it did
 * instead was seen; a check over a window is made only once an event has closed the window.
 *
 * <p>Assumes of the rig: the machine is wavebench's simulated VMC (it fails, restarts and disables
 * on request); line faults and an unplugged cable need an MDB line the rig controls, else the
 * scenario is ABORTED or the step names what the rig lacks.
 */
public final class VendSessionSteps {

    private final ScenarioRig rig;
    private final Cursors cursors;
    /** Just after the controller's restart, once seen: where "set up and enabled again" looks from. */
    private Cursor afterRestart;

    public VendSessionSteps(ScenarioRig rig, Cursors cursors) {
        this.rig = rig;
        this.cursors = cursors;
    }

    private SimulatedVmc vmc() {
        return rig.session().vmc();
    }

    private EventLog<VmcEvent> bus() {
        return cursors.bus();
    }

    /**
     * The session the last {@code When}'s payment opened, with the funds the reader offers in it.
     *
     * <p>Waits up to 10 s after the last {@code When} for BEGIN SESSION on the machine's bus and
     * checks the funds it offers.
     */
    @Then("the reader opens a session with {money} available")
    public void theReaderOpensASession(long funds) {
        VmcEvent began = cursors.awaitOnBus("the reader sends BEGIN SESSION", Type.SESSION_BEGAN).event();
        assertEquals(funds, began.amountMinorUnits(), () -> "funds in BEGIN SESSION, minor units; " + bus().shown(cursors.onBus()));
    }

    /**
     * The shopper presses the machine's cancel button during a session: the machine asks the reader
     * to end it. Takes the mark the following {@code Then}s look after; nothing is awaited here.
     */
    @When("the shopper presses cancel")
    public void theShopperPressesCancel() {
        cursors.fromHere("the shopper presses cancel");
        vmc().cancel();
    }

    /**
     * Nothing is done: the session a payment opened is left without a selection. Takes the mark the
     * following {@code Then}s look after (the reader's session timeout runs from here).
     */
    @When("the shopper walks away without choosing")
    public void theShopperWalksAway() {
        cursors.fromHere("the shopper walks away without choosing"); // nothing to do: the session is left open
    }

    /**
     * The session ends after the last {@code When}, and nothing was asked to vend before it ended.
     *
     * <p>Waits up to the reader's session timeout plus 10 s for the session's end.
     */
    @Then("the session ends with no vend requested")
    public void theSessionEndsWithNoVend() {
        Cursor from = cursors.onBus();
        Seen<VmcEvent> ended = bus().await("the reader answers END SESSION", from, a(Type.SESSION_ENDED),
                cursors.times().afterIdleSession().plus(AnswerTimes.PATIENCE), cursors.machineState());
        List<Seen<VmcEvent>> session = bus().between(from, ended);
        assertTrue(session.stream().noneMatch(s -> a(Type.VEND_REQUESTED, Type.DISPENSED).test(s.event())),
                () -> "a vend was requested before the session ended; " + bus().shown(from));
    }

    /**
     * The simulated vending machine's next dispense fails (a jammed spiral): after VEND APPROVED it
     * drops nothing and sends VEND FAILURE. Assumes the machine is the rig's simulated one; nothing
     * is awaited.
     */
    @Given("the machine will fail to dispense the next vend")
    public void theMachineWillFailToDispense() {
        vmc().failNextDispense();
    }

    /**
     * VEND FAILURE is what the machine sends when its dispense failed (MDB 4.2 §7.4.8): nothing dropped before it.
     *
     * <p>Waits up to 10 s after the last {@code When} for it on the machine's bus.
     */
    @Then("the machine tells the reader the vend failed")
    public void theMachineSendsVendFailure() {
        Cursor from = cursors.onBus();
        Seen<VmcEvent> failed = cursors.awaitOnBus("the machine sends VEND FAILURE", Type.DISPENSE_FAILED);
        assertTrue(bus().between(from, failed).stream().noneMatch(s -> s.event().type() == Type.DISPENSED),
                () -> "the machine dispensed before it said the vend failed; " + bus().shown(from));
    }

    /**
     * The simulated vending machine's controller restarts during its next vend, after the motor ran
     * and before VEND SUCCESS: it sends RESET where VEND SUCCESS was due (MDB 4.2 §7.4.7, a sale).
     * Assumes the machine is the rig's simulated one; nothing is awaited.
     */
    @Given("the machine's controller will restart during the next vend")
    public void theControllerWillRestart() {
        vmc().resetDuringNextVend();
    }

    /**
     * MDB 4.2 §7.4.7: the controller restarts after the motor ran and sends RESET where VEND SUCCESS
     * was due (its CONTROLLER_RESTARTED), so no session is completed in between.
     *
     * <p>Waits up to 10 s after the last {@code When} for the restart on the machine's bus.
     */
    @Then("the machine resets the reader before saying VEND SUCCESS")
    public void theMachineResetsTheReader() {
        Cursor from = cursors.onBus();
        Seen<VmcEvent> restarted = cursors.awaitOnBus("the controller restarts", Type.CONTROLLER_RESTARTED);
        assertTrue(bus().between(from, restarted).stream().noneMatch(s -> s.event().type() == Type.SESSION_COMPLETE),
                () -> "the machine completed the session (VEND SUCCESS) before it restarted; " + bus().shown(from));
        afterRestart = bus().cursorAfter(restarted, "the controller restarted");
    }

    /**
     * Waits up to 10 s, after the controller's restart (or after the last {@code When}), for the
     * machine to set up and enable the reader again over MDB.
     */
    @Then("the reader is set up and enabled again")
    public void theReaderIsEnabledAgain() {
        Cursor from = afterRestart != null ? afterRestart : cursors.onBus();
        bus().await("the reader is reset, set up and enabled again", from, a(Type.READER_ENABLED), AnswerTimes.PATIENCE, cursors.machineState());
    }

    /**
     * Waits, from the last {@code When}, up to the reader's session timeout (as the rig's answer
     * times state it, {@code AnswerTimes.afterIdleSession}) for the reader's SESSION CANCEL REQUEST
     * on the machine's bus.
     */
    @Then("the reader asks the machine to end the session within its session timeout")
    public void theReaderTimesOutTheSession() {
        bus().await("the reader sends SESSION CANCEL REQUEST", cursors.onBus(), a(Type.SESSION_CANCEL_REQUESTED), cursors.times().afterIdleSession(),
                cursors.machineState());
    }

    /**
     * The machine sends READER DISABLE (staff took the reader out of service) and waits up to 10 s
     * for the reader to acknowledge it on the bus. A precondition: it takes no mark.
     */
    @Given("the machine has taken the reader out of service")
    public void theMachineDisablesTheReader() {
        Cursor before = bus().cursor("the machine takes the reader out of service");
        vmc().disableReader();
        bus().await("the reader ACKs READER DISABLE", before, a(Type.READER_DISABLED), AnswerTimes.PATIENCE, cursors.machineState());
    }

    /**
     * The machine sends READER ENABLE and waits up to 10 s for the reader to acknowledge it on the
     * bus. Takes the mark the following {@code Then}s look after.
     */
    @When("the machine puts the reader back in service")
    public void theMachineEnablesTheReader() {
        Cursor before = cursors.fromHere("the machine puts the reader back in service").on(bus());
        vmc().enableReader();
        bus().await("the reader ACKs READER ENABLE", before, a(Type.READER_ENABLED), AnswerTimes.PATIENCE, cursors.machineState());
    }

    /** A disabled reader does nothing instead that could settle it early: it holds after the reader's full answer time. */
    @Then("no session opens on the MDB bus")
    public void noSessionOpens() {
        bus().awaitNone("no session opens on the MDB bus", cursors.onBus(), a(Type.SESSION_BEGAN), nothing(), cursors.readerAnswerTime(),
                cursors.machineState());
    }

    /**
     * From here, the MDB line between machine and reader corrupts and drops that share of its
     * bytes, at random (seeded). Needs a rig whose machine port is a virtual (pty) line that faults
     * can be put on; on a rig with a UART machine port the scenario is ABORTED, naming why.
     */
    @Given("the MDB cable corrupts {int} % and drops {double} % of its bytes")
    public void theCableIsNoisy(int corruptPercent, double dropPercent) {
        FaultySerialLink line = rig.session().vmcLine().orElseThrow(() -> new TestAbortedException("ABORTED: needs line faults, which rig '"
                + rig.session().rig().name() + "' does not have: its VMC port is a UART (mdb.transport: uart), whose parity bits the adapter makes"));
        line.corrupt(corruptPercent / 100.0).drop(dropPercent / 100.0);
    }

    /**
     * From the machine ready for shoppers to the end of the session the last {@code When} began:
     * no RESET (no JUST RESET answered) and no loss of the reader. The session's end closes the window.
     *
     * <p>Waits up to 10 s after the last {@code When} for the session's end.
     */
    @Then("the machine never had to reset the reader")
    public void theMachineNeverResetTheReader() {
        Seen<VmcEvent> ended = cursors.awaitOnBus("the purchase's session ends", Type.SESSION_ENDED);
        Cursor ready = cursors.machineReady();
        List<Seen<VmcEvent>> purchase = bus().between(ready, ended);
        assertTrue(purchase.stream().noneMatch(s -> a(Type.READER_JUST_RESET, Type.NO_RESPONSE).test(s.event())),
                () -> "the machine reset or lost the reader; " + bus().shown(ready)
                        + "; line faults: " + rig.session().vmcLine().map(FaultySerialLink::counts).orElse(null));
    }

    /**
     * Unplugs the reader's MDB cable: the machine's port stays open but nothing reaches the reader
     * or comes back. Takes the mark the following {@code Then}s look after. Needs a rig that can
     * pull it: a virtual cable of the rig's, or a bench whose rig file names {@code mdb.cable}
     * unplug and replug commands (else the step fails naming what the rig lacks).
     */
    @When("the reader's MDB cable is unplugged")
    public void theReadersCableIsUnplugged() {
        cursors.fromHere("the reader's MDB cable is unplugged");
        rig.session().unplugReaderCable();
    }

    /**
     * MDB 4.2 §2.2: the machine repeats its command while the reader is silent, and calls it lost
     * only once the non-response time (the reader's READER CONFIG DATA says it) has passed since
     * its last valid answer.
     */
    @Then("the machine reports the reader lost after its non-response time, naming the port")
    public void theMachineReportsTheReaderLost() {
        Cursor from = cursors.onBus();
        Duration nonResponse = vmc().nonResponseTime();
        Seen<VmcEvent> lost = bus().await("the machine gives up on the silent reader", from, a(Type.NO_RESPONSE),
                cursors.times().nonResponse(nonResponse), cursors.machineState());
        Duration after = Duration.ofNanos(lost.atNanos() - from.atNanos());
        // The last valid answer came up to a poll and a response time before the cable went; twice
        // that leaves room for a loaded host, and still fails a machine that gives up at a missed POLL.
        Duration earliest = nonResponse.minus(cursors.times().busRoundTrip().multipliedBy(2));
        assertTrue(after.compareTo(earliest) >= 0, () -> "the machine gave up " + after.toMillis() + " ms after the cable was pulled, before its non-response time of "
                + nonResponse.toMillis() + " ms; " + bus().shown(from));
        await("the machine is in NO_READER").atMost(AnswerTimes.PATIENCE).until(() -> vmc().state() == VmcState.NO_READER);
        String port = rig.session().vmcLine().map(FaultySerialLink::name).orElse(rig.session().rig().roles().vmc().mdbPort());
        String report = lost.event().detail();
        assertTrue(report.contains(port), () -> "the report names the port " + port + ": " + report);
        assertTrue(report.contains("non-response time"), () -> "the report says the non-response time ran out: " + report);
    }

    /**
     * No item drops after the last {@code When}: holds after the reader's full answer time, or once
     * the machine has seen the vend end otherwise — the reader lost or reset, the session ended,
     * the vend denied or failed.
     */
    @Then("nothing is dispensed")
    public void nothingIsDispensed() {
        bus().awaitNone("nothing is dispensed", cursors.onBus(), a(Type.DISPENSED),
                a(Type.NO_RESPONSE, Type.READER_JUST_RESET, Type.SESSION_ENDED, Type.VEND_DENIED, Type.DISPENSE_FAILED),
                cursors.readerAnswerTime(), cursors.machineState());
    }
}
