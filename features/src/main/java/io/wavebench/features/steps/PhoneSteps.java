package io.wavebench.features.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.scenario.Phone;
import io.wavebench.fixtures.scenario.Cursors;

/**
 * The shopper's phone: credentials, and the sounds it plays.
 *
 * <p>Assumes of the rig: the phone is wavebench's simulated phone, its speaker on the air the
 * reader's microphone hears (a loopback cable, or a real speaker on a bench), and the reader
 * trusts the rig's issuer key. A team's step class gets these steps, or the {@link Phone} and
 * {@link Cursors} behind them, by constructor injection (PicoContainer).
 */
public final class PhoneSteps {

    private final Phone phone;
    private final Cursors cursors;

    public PhoneSteps(Phone phone, Cursors cursors) {
        this.phone = phone;
        this.cursors = cursors;
    }

    /**
     * The simulated phone goes online and fetches a credential for its account from the scenario's
     * issuer (7 days' validity, EUR, this offline limit), bound to its own device key. Nothing is
     * awaited: the rig's issuer answers at once. The reader must trust the rig's issuer key (the
     * rig provisions a simulated or process reader with it; a real one must have been given it).
     */
    @Given("a shopper's phone holding a credential from the issuer with an offline limit of {money}")
    public void aPhoneWithACredential(long limit) {
        phone.holdCredential(limit);
    }

    /**
     * The simulated phone goes offline: from here it pays with the credential it holds and reaches
     * no backend until a step brings it online again.
     */
    @Given("the phone has no network")
    public void thePhoneHasNoNetwork() {
        phone.goOffline();
    }

    /**
     * Replaces the phone's credential with one of the same offline limit signed by a counterfeit
     * issuer whose key no reader holds, as a fake wallet app would, and takes the phone offline
     * again. Assumes the phone already holds a credential.
     */
    @Given("the shopper's credential comes from an issuer the reader does not know")
    public void aCredentialFromAnUnknownIssuer() {
        phone.holdCredentialFromAnUnknownIssuer();
    }

    /**
     * The phone makes a fresh token from its credential (its own clock, its next counter) and plays
     * it on the rig's air; the step returns once the sound has left the speaker. Takes the mark the
     * following {@code Then}s look after; the sound is kept for a later replay and as the
     * scenario's evidence.
     */
    @When("the phone plays a payment token")
    public void thePhonePlaysAPaymentToken() {
        cursors.fromHere("the phone plays a payment token");
        phone.playPaymentToken();
    }

    /**
     * Plays a token whose credential is genuine but whose device signature was not made with the
     * phone's key, as a cloned credential would be. Takes the mark the following {@code Then}s look
     * after. Assumes the phone holds a credential.
     */
    @When("the phone plays a token whose device signature is forged")
    public void thePhonePlaysAForgedToken() {
        cursors.fromHere("the phone plays a token whose device signature is forged");
        phone.playTokenWithForgedDeviceSignature();
    }

    /**
     * Plays the exact samples of the last sound the phone played, again: a perfect recording, the
     * strongest replay. Takes the mark the following {@code Then}s look after; assumes an earlier
     * step played a token.
     */
    @When("someone plays a recording of the earlier payment sound")
    public void someonePlaysTheRecording() {
        float[] recording = phone.recordingOfTheLastPayment();
        cursors.fromHere("someone plays a recording of the earlier payment sound");
        phone.play(recording);
    }
}
