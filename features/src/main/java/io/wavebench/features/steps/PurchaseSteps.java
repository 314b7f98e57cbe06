package io.wavebench.features.steps;

import io.cucumber.java.en.Given;

/** Whole purchases used as a precondition, built from the same steps a scenario spells out. */
public final class PurchaseSteps {

    private final VendingMachineSteps machine;
    private final PhoneSteps phone;

    public PurchaseSteps(VendingMachineSteps machine, PhoneSteps phone) {
        this.machine = machine;
        this.phone = phone;
    }

    @Given("the shopper has bought slot {int} by sound")
    public void theShopperHasBought(int slot) {
        machine.theShopperSelects(slot);
        phone.thePhonePlaysAPaymentToken();
        machine.theMachineDispenses(slot);
        machine.theSessionCompletes();
    }
}
