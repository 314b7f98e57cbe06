package com.acme.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.features.steps.PhoneSteps;
import io.wavebench.features.steps.VendingMachineSteps;
import io.wavebench.fixtures.observe.AnswerTimes;
import io.wavebench.fixtures.observe.Cursor;
import io.wavebench.fixtures.observe.Mark;
import io.wavebench.fixtures.scenario.Cursors;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;
import org.opentest4j.AssertionFailedError;

/**
 * Acme's own steps, beside wavebench's. PicoContainer builds this class for each scenario and hands
 * it the same scenario parts ({@link Cursors}) and wavebench step classes the scenario's wavebench
 * steps use, so a purchase here is the purchase wavebench's {@code Then} steps look at.
 *
 * <p>Acme's {@code Then} steps read the vending machine's side of the MDB bus, as wavebench's do:
 * only what came after Acme's {@code When}, so an answer to an earlier purchase never counts.
 */
public final class AcmeSteps {

    /** How long the reader has to answer a payment: wavebench's patience for a reader's answer. */
    private static final Duration ANSWER_WITHIN = AnswerTimes.PATIENCE;

    private final Cursors cursors;
    private final VendingMachineSteps machine;
    private final PhoneSteps phone;
    /** Taken as Acme's last When began, or null before one. */
    private Mark paid;

    public AcmeSteps(Cursors cursors, VendingMachineSteps machine, PhoneSteps phone) {
        this.cursors = cursors;
        this.machine = machine;
        this.phone = phone;
    }

    /** The shopper's whole gesture at an Acme machine: a button, then the phone held to the grille. */
    @When("the shopper pays for slot {int} by sound")
    public void theShopperPaysBySound(int slot) {
        paid = cursors.fromHere("the shopper pays for slot " + slot + " by sound");
        machine.theShopperSelects(slot);
        phone.thePhonePlaysAPaymentToken();
    }

    @Then("Acme is paid {money} for slot {int}")
    public void acmeIsPaid(long price, int slot) {
        VmcEvent approved = awaitAfterPayment("the reader approves the vend", Type.VEND_APPROVED);
        if (approved.amountMinorUnits() != price) {
            throw new AssertionFailedError("Acme's price for slot " + slot + ": the reader approved " + approved.amountMinorUnits()
                    + " minor units; bus since the payment: " + sincePayment(), price, approved.amountMinorUnits());
        }
        VmcEvent dispensed = awaitAfterPayment("the machine dispenses", Type.DISPENSED);
        if (dispensed.item() != slot) {
            throw new AssertionFailedError("the machine dispensed slot " + dispensed.item() + " after the payment; bus since the payment: "
                    + sincePayment(), slot, dispensed.item());
        }
    }

    /** The first text the reader put on Acme's 2 x 16 display after the payment, exactly. */
    @Then("Acme's display reads {string}")
    public void acmesDisplayReads(String text) {
        VmcEvent shown = awaitAfterPayment("the reader writes to Acme's display", Type.DISPLAYED);
        if (!text.equals(shown.detail())) {
            throw new AssertionFailedError("Acme's display after the payment read '" + shown.detail() + "'; bus since the payment: "
                    + sincePayment(), text, shown.detail());
        }
    }

    /** The first {@code type} on the bus after Acme's last When; fails naming what the bus carried and the machine's state. */
    private VmcEvent awaitAfterPayment(String alias, Type type) {
        return cursors.bus().await(alias, fromPayment(), Cursors.a(type), ANSWER_WITHIN, cursors.machineState()).event();
    }

    private String sincePayment() {
        return cursors.bus().shown(fromPayment());
    }

    private Cursor fromPayment() {
        if (paid == null) throw new IllegalStateException("no payment was made in this scenario (use 'When the shopper pays for slot N by sound')");
        return paid.on(cursors.bus());
    }
}
