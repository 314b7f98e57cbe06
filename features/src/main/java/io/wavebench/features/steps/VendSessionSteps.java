package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.observe.AnswerTimes;
import io.wavebench.fixtures.scenario.Cursors;
import io.wavebench.fixtures.scenario.VendingMachine;

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

    private final VendingMachine machine;
    private final Cursors cursors;

    public VendSessionSteps(VendingMachine machine, Cursors cursors) {
        this.machine = machine;
        this.cursors = cursors;
    }

    /**
     * The session the last {@code When}'s payment opened, with the funds the reader offers in it.
     *
     * <p>Waits up to 10 s after the last {@code When} for BEGIN SESSION on the machine's bus and
     * checks the funds it offers.
     */
    @Then("the reader opens a session with {money} available")
    public void theReaderOpensASession(long funds) {
        assertEquals(funds, machine.awaitSessionBegan(), () -> "funds in BEGIN SESSION, minor units; " + machine.shownSinceTheLastWhen());
    }

    /**
     * The shopper presses the machine's cancel button during a session: the machine asks the reader
     * to end it. Takes the mark the following {@code Then}s look after; nothing is awaited here.
     */
    @When("the shopper presses cancel")
    public void theShopperPressesCancel() {
        machine.pressCancel();
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
        assertEquals(0, machine.vendsBeforeTheSessionEnded(), () -> "a vend was requested before the session ended; " + machine.shownSinceTheLastWhen());
    }

    /**
     * The simulated vending machine's next dispense fails (a jammed spiral): after VEND APPROVED it
     * drops nothing and sends VEND FAILURE. Assumes the machine is the rig's simulated one; nothing
     * is awaited.
     */
    @Given("the machine will fail to dispense the next vend")
    public void theMachineWillFailToDispense() {
        machine.failTheNextDispense();
    }

    /**
     * VEND FAILURE is what the machine sends when its dispense failed (MDB 4.2 §7.4.8): nothing dropped before it.
     *
     * <p>Waits up to 10 s after the last {@code When} for it on the machine's bus.
     */
    @Then("the machine tells the reader the vend failed")
    public void theMachineSendsVendFailure() {
        assertEquals(0, machine.dispensedBeforeVendFailure(), () -> "the machine dispensed before it said the vend failed; " + machine.shownSinceTheLastWhen());
    }

    /**
     * The simulated vending machine's controller restarts during its next vend, after the motor ran
     * and before VEND SUCCESS: it sends RESET where VEND SUCCESS was due (MDB 4.2 §7.4.7, a sale).
     * Assumes the machine is the rig's simulated one; nothing is awaited.
     */
    @Given("the machine's controller will restart during the next vend")
    public void theControllerWillRestart() {
        machine.restartDuringTheNextVend();
    }

    /**
     * MDB 4.2 §7.4.7: the controller restarts after the motor ran and sends RESET where VEND SUCCESS
     * was due (its CONTROLLER_RESTARTED), so no session is completed in between.
     *
     * <p>Waits up to 10 s after the last {@code When} for the restart on the machine's bus.
     */
    @Then("the machine resets the reader before saying VEND SUCCESS")
    public void theMachineResetsTheReader() {
        assertEquals(0, machine.sessionsCompletedBeforeTheRestart(),
                () -> "the machine completed the session (VEND SUCCESS) before it restarted; " + machine.shownSinceTheLastWhen());
    }

    /**
     * Waits up to 10 s, after the controller's restart (or after the last {@code When}), for the
     * machine to set up and enable the reader again over MDB.
     */
    @Then("the reader is set up and enabled again")
    public void theReaderIsEnabledAgain() {
        machine.awaitReaderEnabledAgain();
    }

    /**
     * Waits, from the last {@code When}, up to the reader's session timeout (as the rig's answer
     * times state it, {@code AnswerTimes.afterIdleSession}) for the reader's SESSION CANCEL REQUEST
     * on the machine's bus.
     */
    @Then("the reader asks the machine to end the session within its session timeout")
    public void theReaderTimesOutTheSession() {
        machine.awaitSessionCancelRequest();
    }

    /**
     * The machine sends READER DISABLE (staff took the reader out of service) and waits up to 10 s
     * for the reader to acknowledge it on the bus. A precondition: it takes no mark.
     */
    @Given("the machine has taken the reader out of service")
    public void theMachineDisablesTheReader() {
        machine.takeTheReaderOutOfService();
    }

    /**
     * The machine sends READER ENABLE and waits up to 10 s for the reader to acknowledge it on the
     * bus. Takes the mark the following {@code Then}s look after.
     */
    @When("the machine puts the reader back in service")
    public void theMachineEnablesTheReader() {
        machine.putTheReaderBackInService();
    }

    /** A disabled reader does nothing instead that could settle it early: it holds after the reader's full answer time. */
    @Then("no session opens on the MDB bus")
    public void noSessionOpens() {
        machine.awaitNoSessionOpens();
    }

    /**
     * From here, the MDB line between machine and reader corrupts and drops that share of its
     * bytes, at random (seeded). Needs a rig whose machine port is a virtual (pty) line that faults
     * can be put on; on a rig with a UART machine port the scenario is ABORTED, naming why.
     */
    @Given("the MDB cable corrupts {int} % and drops {double} % of its bytes")
    public void theCableIsNoisy(int corruptPercent, double dropPercent) {
        machine.faultTheCable(corruptPercent / 100.0, dropPercent / 100.0);
    }

    /**
     * From the machine ready for shoppers to the end of the session the last {@code When} began:
     * no RESET (no JUST RESET answered) and no loss of the reader. The session's end closes the window.
     *
     * <p>Waits up to 10 s after the last {@code When} for the session's end.
     */
    @Then("the machine never had to reset the reader")
    public void theMachineNeverResetTheReader() {
        assertEquals(0, machine.resetsOrLossesSinceReady(),
                () -> "the machine reset or lost the reader; " + machine.shownSinceReady() + "; line faults: " + machine.lineFaults());
    }

    /**
     * Unplugs the reader's MDB cable: the machine's port stays open but nothing reaches the reader
     * or comes back. Takes the mark the following {@code Then}s look after. Needs a rig that can
     * pull it: a virtual cable of the rig's, or a bench whose rig file names {@code mdb.cable}
     * unplug and replug commands (else the step fails naming what the rig lacks).
     */
    @When("the reader's MDB cable is unplugged")
    public void theReadersCableIsUnplugged() {
        machine.unplugTheReadersCable();
    }

    /**
     * MDB 4.2 §2.2: the machine repeats its command while the reader is silent, and calls it lost
     * only once the non-response time (the reader's READER CONFIG DATA says it) has passed since
     * its last valid answer.
     */
    @Then("the machine reports the reader lost after its non-response time, naming the port")
    public void theMachineReportsTheReaderLost() {
        VendingMachine.ReaderLost lost = machine.awaitReaderLost();
        assertTrue(lost.after().compareTo(lost.earliest()) >= 0, () -> "the machine gave up " + lost.after().toMillis()
                + " ms after the cable was pulled, before its non-response time of " + lost.nonResponse().toMillis() + " ms; " + machine.shownSinceTheLastWhen());
        await("the machine is in NO_READER").atMost(AnswerTimes.PATIENCE).until(machine::hasNoReader);
        assertTrue(lost.report().contains(lost.port()), () -> "the report names the port " + lost.port() + ": " + lost.report());
        assertTrue(lost.report().contains("non-response time"), () -> "the report says the non-response time ran out: " + lost.report());
    }

    /**
     * No item drops after the last {@code When}: holds after the reader's full answer time, or once
     * the machine has seen the vend end otherwise — the reader lost or reset, the session ended,
     * the vend denied or failed.
     */
    @Then("nothing is dispensed")
    public void nothingIsDispensed() {
        machine.awaitNothingDispensed();
    }
}
