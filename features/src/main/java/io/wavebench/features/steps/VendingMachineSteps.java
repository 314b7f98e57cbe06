package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.scenario.Cursors;
import io.wavebench.fixtures.scenario.TokenRefusal;
import io.wavebench.fixtures.scenario.VendingMachine;


/**
 * The vending machine side. Every assertion reads the VMC's view of the MDB bus — what a real
 * reader shows too — never the simulated reader's insides (DESIGN §3, sim/bench parity), and only
 * what came after the last {@code When}'s cursor ({@link Cursors}).
 *
 * <p>Assumes of the rig: the machine is wavebench's simulated VMC on the reader's MDB port (a pty
 * pair, or a UART on a bench), and the reader answers its polls.
 */
public final class VendingMachineSteps {

    private final VendingMachine machine;

    public VendingMachineSteps(VendingMachine machine) {
        this.machine = machine;
    }

    /**
     * Switches on the scenario's vending machine controller with one item in its catalogue, and
     * waits up to 10 s for it to reset, set up and enable the reader over MDB. Assumes a reader on
     * the rig's MDB port that answers the machine's polls; a reader that never gets enabled fails
     * here, with the machine's state.
     *
     * <p>The machine is then ready for shoppers: the steps after it look only at what happens from
     * here on.
     */
    @Given("a vending machine selling {string} at {money} from slot {int}")
    public void aVendingMachine(String name, long price, int slot) {
        machine.switchOn(slot, name, price);
    }

    /**
     * The shopper presses the machine's button for a slot: the machine starts a purchase and waits
     * for the reader to be paid. Takes the mark the following {@code Then}s look after. Assumes a
     * machine from "a vending machine selling …"; nothing is awaited here.
     */
    @When("the shopper selects slot {int}")
    public void theShopperSelects(int slot) {
        machine.select(slot);
    }

    /**
     * Waits up to 10 s ({@code AnswerTimes.PATIENCE}) after the last {@code When} for the reader's
     * VEND APPROVED on the machine's bus, and checks the amount it approved (in minor units: 1.50
     * is 150).
     */
    @Then("the reader approves a vend of {money} on the MDB bus")
    public void theReaderApproves(long amount) {
        assertEquals(amount, machine.awaitVendApproved(), "approved amount in minor units");
    }

    /**
     * Waits up to 10 s after the last {@code When} for the machine to drop an item, and checks it
     * came from this slot.
     */
    @Then("the machine dispenses slot {int}")
    public void theMachineDispenses(int slot) {
        assertEquals(slot, machine.awaitDispensed(), "dispensed slot");
    }

    /**
     * The session ends after the last {@code When}: the reader answers END SESSION. A refused token
     * opens no session, so after one nothing ends (an earlier purchase's end is before the cursor).
     *
     * <p>Waits up to 10 s after the last {@code When} for END SESSION on the machine's bus.
     */
    @Then("the session completes")
    public void theSessionCompletes() {
        machine.awaitSessionEnded();
    }

    /**
     * Waits up to 10 s after the last {@code When} for the machine's display to show the reader's
     * refusal, and checks that the text names this reason and its code (the reason as DESIGN §5.1
     * names it, e.g. "replay").
     */
    @Then("the reader declines the token: {reason}")
    public void theReaderDeclines(TokenRefusal reason) {
        assertEquals(reason.displayText(), machine.awaitDisplayed(), "the display text names the refusal and its code");
    }

    /**
     * No VEND APPROVED after the last {@code When}: holds once the reader has had its full time to
     * answer, or as soon as its refusal is seen (a refusal on the display, or VEND DENIED, is its
     * answer); a VEND APPROVED fails it at once.
     */
    @Then("no vend is approved")
    public void noVendIsApproved() {
        machine.awaitNoVendApproved();
    }
}
