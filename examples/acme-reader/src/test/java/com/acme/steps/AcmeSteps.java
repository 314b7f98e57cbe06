package com.acme.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.features.steps.PhoneSteps;
import io.wavebench.fixtures.scenario.ScenarioRig;
import io.wavebench.features.steps.VendingMachineSteps;
import io.wavebench.fixtures.observe.AnswerTimes;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/**
 * Acme's own steps, beside wavebench's. PicoContainer builds this class for each scenario and hands
 * it the same {@link ScenarioRig} and wavebench step classes the scenario's wavebench steps use, so
 * a purchase here is the purchase wavebench's {@code Then} steps look at.
 *
 * <p>Acme's {@code Then} steps read the vending machine's side of the MDB bus, as wavebench's do:
 * only what came after Acme's {@code When}, so an answer to an earlier purchase never counts.
 */
public final class AcmeSteps {

    /** How long the reader has to answer a payment: wavebench's patience for a reader's answer. */
    private static final Duration ANSWER_WITHIN = AnswerTimes.PATIENCE;

    private final ScenarioRig rig;
    private final VendingMachineSteps machine;
    private final PhoneSteps phone;
    /** The bus event index when Acme's last When began, or -1 before one. */
    private int paidFrom = -1;

    public AcmeSteps(ScenarioRig rig, VendingMachineSteps machine, PhoneSteps phone) {
        this.rig = rig;
        this.machine = machine;
        this.phone = phone;
    }

    /** The shopper's whole gesture at an Acme machine: a button, then the phone held to the grille. */
    @When("the shopper pays for slot {int} by sound")
    public void theShopperPaysBySound(int slot) {
        paidFrom = vmc().eventCount();
        machine.theShopperSelects(slot);
        phone.thePhonePlaysAPaymentToken();
    }

    @Then("Acme is paid {money} for slot {int}")
    public void acmeIsPaid(long price, int slot) {
        VmcEvent approved = awaitAfterPayment("the reader approves the vend", e -> e.type() == Type.VEND_APPROVED);
        if (approved.amountMinorUnits() != price) {
            throw new AssertionFailedError("Acme's price for slot " + slot + ": the reader approved " + approved.amountMinorUnits()
                    + " minor units; bus since the payment: " + sincePayment(), price, approved.amountMinorUnits());
        }
        VmcEvent dispensed = awaitAfterPayment("the machine dispenses", e -> e.type() == Type.DISPENSED);
        if (dispensed.item() != slot) {
            throw new AssertionFailedError("the machine dispensed slot " + dispensed.item() + " after the payment; bus since the payment: "
                    + sincePayment(), slot, dispensed.item());
        }
    }

    /** The first text the reader put on Acme's 2 x 16 display after the payment, exactly. */
    @Then("Acme's display reads {string}")
    public void acmesDisplayReads(String text) {
        VmcEvent shown = awaitAfterPayment("the reader writes to Acme's display", e -> e.type() == Type.DISPLAYED);
        if (!text.equals(shown.detail())) {
            throw new AssertionFailedError("Acme's display after the payment read '" + shown.detail() + "'; bus since the payment: "
                    + sincePayment(), text, shown.detail());
        }
    }

    private VmcEvent awaitAfterPayment(String alias, Predicate<VmcEvent> matching) {
        if (paidFrom < 0) throw new IllegalStateException(alias + ": no payment was made in this scenario (use 'When the shopper pays for slot N by sound')");
        return vmc().observeEvent(alias, matching, ANSWER_WITHIN, paidFrom).found().orElseThrow(() -> new AssertionFailedError(alias + ": not seen on the MDB bus within "
                + ANSWER_WITHIN.toSeconds() + " s of the payment; bus since the payment: " + sincePayment() + "; VMC state " + vmc().state()));
    }

    private List<String> sincePayment() {
        List<VmcEvent> events = vmc().events();
        return events.subList(Math.min(paidFrom, events.size()), events.size()).stream().map(VmcEvent::toString).toList();
    }

    private SimulatedVmc vmc() {
        return rig.session().vmc();
    }
}
