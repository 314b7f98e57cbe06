package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.simulators.token.RejectionReason;
import io.wavebench.simulators.vmc.Catalog;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcState;
import java.time.Duration;
import java.util.List;

/**
 * The vending machine side. Every assertion reads the VMC's view of the MDB bus — what a real
 * reader shows too — never the simulated reader's insides (DESIGN §3, sim/bench parity).
 */
public final class VendingMachineSteps {

    /** Reset, setup and enable over MDB at 50 ms polls take well under a second. */
    private static final Duration READER_ENABLED_WITHIN = Duration.ofSeconds(10);
    /** From the end of the sound to the reader's answer on the bus; DESIGN §6 targets 300 ms, measured elsewhere. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private final ScenarioRig rig;
    /** VEND APPROVED events before the shopper's last choice, and the event index at that moment. */
    private int approvalsBefore;
    private int choiceFrom;

    public VendingMachineSteps(ScenarioRig rig) {
        this.rig = rig;
    }

    private SimulatedVmc vmc() {
        return rig.session().vmc();
    }

    @Given("a vending machine selling {string} at {money} from slot {int}")
    public void aVendingMachine(String name, long price, int slot) {
        SimulatedVmc vmc = rig.session().startVendingMachine(Catalog.of(new Catalog.Item(slot, name, price)));
        awaitEvent("the reader is enabled over MDB", VmcEvent.Type.READER_ENABLED, 0, READER_ENABLED_WITHIN);
        markChoice(vmc);
    }

    @When("the shopper selects slot {int}")
    public void theShopperSelects(int slot) {
        markChoice(vmc());
        vmc().select(slot);
    }

    private void markChoice(SimulatedVmc vmc) {
        List<VmcEvent> events = vmc.events();
        approvalsBefore = (int) events.stream().filter(e -> e.type() == VmcEvent.Type.VEND_APPROVED).count();
        choiceFrom = events.size();
    }

    @Then("the reader approves a vend of {money} on the MDB bus")
    public void theReaderApproves(long amount) {
        VmcEvent approved = awaitEvent("the reader sends VEND APPROVED", VmcEvent.Type.VEND_APPROVED, choiceFrom, ANSWER_WITHIN);
        assertEquals(amount, approved.amountMinorUnits(), "approved amount in minor units");
    }

    @Then("the machine dispenses slot {int}")
    public void theMachineDispenses(int slot) {
        VmcEvent dispensed = awaitEvent("the machine dispenses", VmcEvent.Type.DISPENSED, 0, ANSWER_WITHIN);
        assertEquals(slot, dispensed.item(), "dispensed slot");
    }

    @Then("the session completes")
    public void theSessionCompletes() {
        awaitEvent("the reader ends the session", VmcEvent.Type.SESSION_ENDED, 0, ANSWER_WITHIN);
    }

    @Then("the reader declines the token: {reason}")
    public void theReaderDeclines(RejectionReason reason) {
        VmcEvent shown = awaitEvent("the machine's display shows the reader's refusal", VmcEvent.Type.DISPLAYED, 0, ANSWER_WITHIN);
        assertEquals(reason.displayText(), shown.detail(), "the display text names the refusal and its code");
    }

    @Then("no vend is approved")
    public void noVendIsApproved() {
        // The refusal on the display is the reader's answer to the token: nothing may follow it.
        List<VmcEvent> events = vmc().events();
        assertEquals(approvalsBefore, vmc().eventCount(VmcEvent.Type.VEND_APPROVED), () -> "VEND APPROVED after a refusal; bus events: " + events);
        assertEquals(VmcState.READY, vmc().state(), () -> "a refused token must not open a session; bus events: " + events);
    }

    /** {@link VmcEvents#await}: the first {@code type} event at index {@code from} or later, and what the code camera saw if it fails. */
    VmcEvent awaitEvent(String alias, VmcEvent.Type type, int from, Duration within) {
        return VmcEvents.await(vmc(), alias, type, from, within, this::codeCamera);
    }

    /** Where the payment was a code on the screen: what the reader's camera made of it, for the failure message. */
    private String codeCamera() {
        return rig.session().codesIfStarted().filter(codes -> codes.readerCamera().isPresent())
                .map(codes -> "; the reader's code camera: " + codes.codeReader().scanner().summary()).orElse("");
    }
}
