package io.wavebench.features.steps;

import static io.wavebench.features.steps.Cursors.a;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.observe.AnswerTimes;
import io.wavebench.fixtures.observe.Cursor;
import io.wavebench.fixtures.observe.EventLog;
import io.wavebench.fixtures.observe.Seen;
import io.wavebench.simulators.token.RejectionReason;
import io.wavebench.simulators.vmc.Catalog;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;

/**
 * The vending machine side. Every assertion reads the VMC's view of the MDB bus — what a real
 * reader shows too — never the simulated reader's insides (DESIGN §3, sim/bench parity), and only
 * what came after the last {@code When}'s cursor ({@link Cursors}).
 *
 * <p>Assumes of the rig: the machine is wavebench's simulated VMC on the reader's MDB port (a pty
 * pair, or a UART on a bench), and the reader answers its polls.
 */
public final class VendingMachineSteps {

    /** Reset, setup and enable over MDB at 50 ms polls take well under a second. */
    private static final Duration READER_ENABLED_WITHIN = Duration.ofSeconds(10);

    private final ScenarioRig rig;
    private final Cursors cursors;

    public VendingMachineSteps(ScenarioRig rig, Cursors cursors) {
        this.rig = rig;
        this.cursors = cursors;
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
        rig.session().startVendingMachine(Catalog.of(new Catalog.Item(slot, name, price)));
        EventLog<VmcEvent> bus = cursors.bus();
        Seen<VmcEvent> enabled = bus.await("the reader is enabled over MDB", bus.start("the machine is switched on"), a(Type.READER_ENABLED),
                READER_ENABLED_WITHIN, cursors.machineState());
        cursors.machineReady(bus.cursorAfter(enabled, "the machine enabled its reader"));
        cursors.fromHere("the machine is ready for shoppers");
    }

    /**
     * The shopper presses the machine's button for a slot: the machine starts a purchase and waits
     * for the reader to be paid. Takes the mark the following {@code Then}s look after. Assumes a
     * machine from "a vending machine selling …"; nothing is awaited here.
     */
    @When("the shopper selects slot {int}")
    public void theShopperSelects(int slot) {
        cursors.fromHere("the shopper selects slot " + slot);
        rig.session().vmc().select(slot);
    }

    /**
     * Waits up to 10 s ({@code AnswerTimes.PATIENCE}) after the last {@code When} for the reader's
     * VEND APPROVED on the machine's bus, and checks the amount it approved (in minor units: 1.50
     * is 150).
     */
    @Then("the reader approves a vend of {money} on the MDB bus")
    public void theReaderApproves(long amount) {
        VmcEvent approved = cursors.awaitOnBus("the reader sends VEND APPROVED", Type.VEND_APPROVED).event();
        assertEquals(amount, approved.amountMinorUnits(), "approved amount in minor units");
    }

    /**
     * Waits up to 10 s after the last {@code When} for the machine to drop an item, and checks it
     * came from this slot.
     */
    @Then("the machine dispenses slot {int}")
    public void theMachineDispenses(int slot) {
        VmcEvent dispensed = cursors.awaitOnBus("the machine dispenses", Type.DISPENSED).event();
        assertEquals(slot, dispensed.item(), "dispensed slot");
    }

    /**
     * The session ends after the last {@code When}: the reader answers END SESSION. A refused token
     * opens no session, so after one nothing ends (an earlier purchase's end is before the cursor).
     *
     * <p>Waits up to 10 s after the last {@code When} for END SESSION on the machine's bus.
     */
    @Then("the session completes")
    public void theSessionCompletes() {
        cursors.awaitOnBus("the reader ends the session", Type.SESSION_ENDED);
    }

    /**
     * Waits up to 10 s after the last {@code When} for the machine's display to show the reader's
     * refusal, and checks that the text names this reason and its code (the reason as DESIGN §5.1
     * names it, e.g. "replay").
     */
    @Then("the reader declines the token: {reason}")
    public void theReaderDeclines(RejectionReason reason) {
        VmcEvent shown = cursors.awaitOnBus("the machine's display shows the reader's refusal", Type.DISPLAYED).event();
        assertEquals(reason.displayText(), shown.detail(), "the display text names the refusal and its code");
    }

    /**
     * No VEND APPROVED after the last {@code When}: holds once the reader has had its full time to
     * answer, or as soon as its refusal is seen (a refusal on the display, or VEND DENIED, is its
     * answer); a VEND APPROVED fails it at once.
     */
    @Then("no vend is approved")
    public void noVendIsApproved() {
        cursors.bus().awaitNone("no vend is approved", cursors.onBus(), a(Type.VEND_APPROVED), a(Type.DISPLAYED, Type.VEND_DENIED),
                cursors.readerAnswerTime(), cursors.machineState());
    }

    /**
     * The first {@code type} event at bus event index {@code from} or later, and what the code
     * camera saw if it fails.
     *
     * @deprecated an index says nothing of when: look after a {@code When}'s cursor ({@link Cursors});
     *     kept for the code steps until they take cursors of their own
     */
    @Deprecated
    VmcEvent awaitEvent(String alias, Type type, int from, Duration within) {
        EventLog<VmcEvent> bus = cursors.bus();
        Cursor at = new Cursor(bus.name(), Math.max(0, from), bus.start("the machine is switched on").atNanos(), "bus event #" + Math.max(0, from));
        return bus.await(alias, at, a(type), within, () -> cursors.machineState().get() + codeCamera()).event();
    }

    /** Where the payment was a code on the screen: what the reader's camera made of it, for the failure message. */
    private String codeCamera() {
        return rig.session().codesIfStarted().filter(codes -> codes.readerCamera().isPresent())
                .map(codes -> "; the reader's code camera: " + codes.codeReader().scanner().summary()).orElse("");
    }
}
