package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.wavebench.fixtures.scenario.BusRepair;
import io.wavebench.fixtures.scenario.VendingMachine;

/**
 * Named MDB link faults (MDB 4.2 §2.2, {@code MdbFault}) made to happen once, and how the bus
 * repaired them, read from the vending machine's own trace of the bus — what a bus analyser
 * between a real reader and its machine would show too — from the fault's cursor on.
 *
 * <p>Assumes of the rig: the machine is wavebench's simulated VMC (it keeps the trace and makes
 * its own faults); a fault of the reader's needs a reader this rig can make misbehave (its
 * insides), else the scenario is ABORTED.
 */
public final class BusFaultSteps {

    private final VendingMachine machine;

    public BusFaultSteps(VendingMachine machine) {
        this.machine = machine;
    }

    /** An MDB fault by its name ({@code MdbFault}); the machine or the reader parses it. */
    @ParameterType("NO_ACK|BAD_CHECKSUM|SILENCE|OUT_OF_SEQUENCE")
    public String mdbFault(String name) {
        return name;
    }

    @ParameterType("no answer to a command, sent it again, and got the answer|a reply with a bad checksum, did not take it, and got it again"
            + "|the reader repeat a reply it had not acknowledged at the next POLL|its next command taken for the acknowledgement it had not sent"
            + "|the reader NAK a command with a bad checksum, and sent it again")
    public BusRepair busSight(String words) {
        return BusRepair.inWords(words);
    }

    /** From here: the fault is asked for now, and what the bus does from now on answers it. */
    @Given("the reader will misbehave once on the bus: {mdbFault}")
    public void theReaderWillMisbehave(String fault) {
        machine.readerMisbehavesOnce(fault);
    }

    /**
     * From here: the vending machine controller misbehaves once in the way named (no ACK, a bad
     * checksum, silence, a command out of sequence), and what the bus does from now on answers it.
     * Works with any reader, simulated or real, since the fault is the machine's own.
     */
    @Given("the machine will misbehave once on the bus: {mdbFault}")
    public void theMachineWillMisbehave(String fault) {
        machine.misbehavesOnce(fault);
    }

    /**
     * How the link repaired the fault, read from the machine's trace of the wire after the fault's
     * cursor. Asked once the purchase has ended (the steps before saw its session end), so the
     * window is closed: this looks for a repair that happened, it does not wait for one.
     */
    @Then("the machine saw {busSight}")
    public void theMachineSaw(BusRepair sight) {
        assertTrue(machine.sawRepair(sight), () -> "the bus since the fault was asked for shows no sign of it being repaired as \""
                + sight.words() + "\":\n" + machine.wireTextSinceTheFault());
    }

    /**
     * From the fault on, one session, one approval, one item — counted up to the end of the session
     * the last {@code When} led to: a vend acted on twice (a repeated VEND REQUEST taken again)
     * shows before that session ends, so its end closes the window.
     */
    @Then("the machine approved and dispensed exactly once")
    public void approvedAndDispensedOnce() {
        VendingMachine.PurchaseCounts counts = machine.awaitPurchaseSinceTheFault();
        assertEquals(1, counts.sessions(), () -> "SESSION_BEGAN on the bus since the fault; " + machine.shownSinceTheFault());
        assertEquals(1, counts.approvals(), () -> "VEND_APPROVED on the bus since the fault; " + machine.shownSinceTheFault());
        assertEquals(1, counts.dispenses(), () -> "DISPENSED on the bus since the fault; " + machine.shownSinceTheFault());
    }

    /**
     * MDB 4.2 §7.3: COMMAND OUT OF SEQUENCE, then the machine's RESET, then setup and READER ENABLE.
     *
     * <p>Waits up to 10 s for each in turn, after the last {@code When}, on the machine's bus.
     */
    @Then("the machine resets the reader after COMMAND OUT OF SEQUENCE, and sets it up and enables it again")
    public void theMachineResetsTheReaderAfterOutOfSequence() {
        machine.awaitResetAfterOutOfSequence();
    }
}
