package io.wavebench.features.steps;

import io.cucumber.java.en.Given;

/**
 * Whole purchases used as a precondition, built from the same steps a scenario spells out.
 *
 * <p>Assumes what the steps it is built from assume: a vending machine ({@link
 * VendingMachineSteps}) and a phone holding a credential ({@link PhoneSteps}).
 */
public final class PurchaseSteps {

    private final VendingMachineSteps machine;
    private final PhoneSteps phone;

    public PurchaseSteps(VendingMachineSteps machine, PhoneSteps phone) {
        this.machine = machine;
        this.phone = phone;
    }

    /**
     * A whole purchase as a precondition: the shopper selects the slot, the phone plays a payment
     * token, and the step waits (up to 10 s each) for the machine to dispense that slot and for the
     * reader to end the session. Assumes a vending machine and a phone holding a credential.
     */
    @Given("the shopper has bought slot {int} by sound")
    public void theShopperHasBought(int slot) {
        machine.theShopperSelects(slot);
        phone.thePhonePlaysAPaymentToken();
        machine.theMachineDispenses(slot);
        machine.theSessionCompletes();
    }
}
