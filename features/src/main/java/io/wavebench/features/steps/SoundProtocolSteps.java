package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.scenario.Codes;
import io.wavebench.fixtures.scenario.Cursors;
import io.wavebench.fixtures.scenario.Phone;
import io.wavebench.fixtures.scenario.ScenarioRig;
import io.wavebench.fixtures.scenario.VendingMachine;

/**
 * Payments in another sound protocol than wavebench's own (DESIGN §4: a protocol is a plug-in;
 * ggwave is one). A protocol whose messages are too short for a token carries the 18-digit one-time
 * payment code (DESIGN §5.2), which the reader verifies online as it does a barcode. Outcomes are
 * read on the MDB bus from the moment the sound began, and in the backend's records.
 *
 * <p>Assumes of the rig: a reader listening for the protocol (the simulated reader listens for any;
 * a process or real reader for the one its rig file states), the rig's backend, a vending machine.
 */
public final class SoundProtocolSteps {

    private final ScenarioRig rig;
    private final Cursors cursors;
    private final Codes codes;
    private final Phone phone;
    private final VendingMachine machine;
    /** The code's outcome at the backend is a barcode's: the same code, heard instead of seen. */
    private final CodeSteps barcodes;

    public SoundProtocolSteps(ScenarioRig rig, Cursors cursors, Codes codes, Phone phone, VendingMachine machine, CodeSteps barcodes) {
        this.rig = rig;
        this.cursors = cursors;
        this.codes = codes;
        this.phone = phone;
        this.machine = machine;
        this.barcodes = barcodes;
    }

    /**
     * Puts the phone and the reader on the named sound protocol (one on the class path, e.g.
     * {@code ggwave}; {@code wavebench modem protocols} lists them), in its default mode. Must come
     * before any step that assembles the rig (first in the scenario). A reader the rig does not
     * assemble keeps the protocol its rig file states; a scenario for another is ABORTED there.
     */
    @Given("the reader listens for {word} sound")
    public void theReaderListensFor(String protocol) {
        rig.useSoundProtocol(protocol);
    }

    /**
     * The phone sounds this minute's 18-digit payment code in its protocol and returns once the
     * sound has left its speaker; later steps look from here. Assumes a protocol that carries codes
     * and "the phone has a barcode key from the backend".
     */
    @When("the phone sounds a payment code")
    public void thePhoneSoundsAPaymentCode() {
        codes.soundPaymentCode();
    }

    /** The code sounded last, sounded again (a recording of it, or a second press): later steps look from here. */
    @When("the phone sounds the same payment code again")
    public void thePhoneSoundsTheSameCodeAgain() {
        codes.soundTheSameCodeAgain();
    }

    /** This minute's payment code in the named protocol's sound, whatever the reader listens for; later steps look from here. */
    @When("the phone sounds a payment code in {word} sound")
    public void thePhoneSoundsAPaymentCodeIn(String protocol) {
        codes.soundPaymentCodeIn(protocol);
    }

    /** A fresh payment token in the named protocol's sound, whatever the reader listens for; later steps look from here. */
    @When("the phone plays a payment token in {word} sound")
    public void thePhonePlaysAPaymentTokenIn(String protocol) {
        cursors.fromHere("the phone plays a payment token in " + protocol + " sound");
        phone.playPaymentTokenIn(protocol);
    }

    /**
     * Waits up to 15 s after the code was sounded for the reader's refusal on the machine's display,
     * and checks it names this reason and its code.
     */
    @Then("the reader declines the payment code: {codeRefusal}")
    public void theReaderDeclinesThePaymentCode(String refusal) {
        assertEquals(Codes.declinedText(refusal), codes.awaitRefusal(), "the display names the refusal and its code");
    }

    /**
     * Waits up to 15 s for the backend's authorization of the sounded code to be CAPTURED for this
     * amount; fails at once, with what the display said, if the reader declined the code instead.
     */
    @Then("the backend has charged {money} for the payment code")
    public void theBackendHasChargedForTheCode(long amount) {
        barcodes.theBackendHasCharged(amount);
    }

    /**
     * Settled by the reader's answer to the code: declined on the display, or a session begun on the
     * bus; then the backend must hold no authorization of it. Waits up to 15 s for that answer.
     */
    @Then("the backend has not seen the payment code")
    public void theBackendHasNotSeenTheCode() {
        barcodes.theBackendHasNotSeenTheBarcode();
    }

    /**
     * Nothing on the machine's display from the reader after the sound, over the reader's full time
     * to answer it: what it heard was neither paid with nor refused as a payment.
     */
    @Then("the machine's display shows nothing from the reader")
    public void theDisplayShowsNothing() {
        machine.awaitNothingDisplayed();
    }
}
