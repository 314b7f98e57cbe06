package io.wavebench.features.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.data.Forgeries;
import io.wavebench.fixtures.data.Money;
import io.wavebench.simulators.phone.SimulatedPhone;
import java.time.Duration;

/** The shopper's phone: credentials, and the sounds it plays. */
public final class PhoneSteps {

    private static final long ACCOUNT = 4242;
    private static final Duration CREDENTIAL_VALIDITY = Duration.ofDays(7);

    private final ScenarioRig rig;
    private final Cursors cursors;

    public PhoneSteps(ScenarioRig rig, Cursors cursors) {
        this.rig = rig;
        this.cursors = cursors;
    }

    private SimulatedPhone phone() {
        return rig.session().phone();
    }

    @Given("a shopper's phone holding a credential from the issuer with an offline limit of {money}")
    public void aPhoneWithACredential(long limit) {
        phone().setOnline(true);
        phone().refreshCredential(rig.session().issuer(), ACCOUNT, limit, Money.EUR, CREDENTIAL_VALIDITY);
    }

    @Given("the phone has no network")
    public void thePhoneHasNoNetwork() {
        phone().setOnline(false);
    }

    @Given("the shopper's credential comes from an issuer the reader does not know")
    public void aCredentialFromAnUnknownIssuer() {
        // A counterfeit wallet app: its "issuer" signs credentials with a key no reader holds.
        long limit = phone().wallet().credential().offlineLimit();
        phone().setOnline(true);
        phone().refreshCredential(rig.session().unknownIssuer(), ACCOUNT, limit, Money.EUR, CREDENTIAL_VALIDITY);
        phone().setOnline(false);
    }

    @When("the phone plays a payment token")
    public void thePhonePlaysAPaymentToken() {
        cursors.fromHere("the phone plays a payment token");
        rig.remember(phone().pay());
    }

    @When("the phone plays a token whose device signature is forged")
    public void thePhonePlaysAForgedToken() {
        cursors.fromHere("the phone plays a token whose device signature is forged");
        rig.remember(phone().sound(Forgeries.withForgedDeviceSignature(phone().wallet().nextToken(rig.session().clock()))));
    }

    @When("someone plays a recording of the earlier payment sound")
    public void someonePlaysTheRecording() {
        float[] recording = rig.lastSounded().samples();
        cursors.fromHere("someone plays a recording of the earlier payment sound");
        // A perfect recording (the exact samples the phone played) is the strongest replay.
        phone().play(recording);
        rig.soundEnded();
    }
}
