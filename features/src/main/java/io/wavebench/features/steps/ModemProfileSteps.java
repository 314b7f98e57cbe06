package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.wavebench.fixtures.evidence.BandEnergy;
import io.wavebench.fixtures.scenario.Phone;
import io.wavebench.fixtures.scenario.ScenarioRig;

/**
 * The modem profile a scenario pays in (DESIGN §4), and what its sound was like on the air.
 *
 * <p>Assumes of the rig: a reader listening for the chosen profile (a simulated reader listens for
 * any; a process or real reader for those its rig file lists).
 */
public final class ModemProfileSteps {

    private final ScenarioRig rig;
    private final Phone phone;

    public ModemProfileSteps(ScenarioRig rig, Phone phone) {
        this.rig = rig;
        this.phone = phone;
    }

    /**
     * Chooses the modem profile ({@code robust}, {@code fast} or {@code ultrasonic}, DESIGN §4) the
     * phone plays and the simulated reader listens for. Must come before any step that assembles
     * the rig (first in the scenario). A reader the rig does not assemble (process or real) keeps
     * the profiles its rig file states; a scenario that needs another one is ABORTED there, not
     * failed.
     */
    @Given("the reader listens for the {string} modem profile")
    public void theReaderListensFor(String profile) {
        rig.useModemProfile(profile);
    }

    /**
     * DESIGN §6 airtime targets, and the profile's band: what a phone played, not what the rig file says.
     *
     * <p>Measures the samples of the last sound the phone played (nothing is awaited), at the rig's
     * sample rate.
     */
    @Then("the payment sound lasted at most {double} s, with at least {int} % of its energy between {double} and {double} kHz")
    public void thePaymentSoundLasted(double seconds, int percent, double lowKhz, double highKhz) {
        float[] samples = phone.recordingOfTheLastPayment();
        float rate = phone.sampleRate();
        double lasted = samples.length / (double) rate;
        assertTrue(lasted <= seconds, () -> String.format("the payment sound lasted %.3f s; at most %.2f s", lasted, seconds));
        double share = BandEnergy.share(samples, rate, lowKhz * 1000, highKhz * 1000);
        assertTrue(share * 100 >= percent, () -> String.format("%.1f %% of the sound's energy lies between %.1f and %.1f kHz; at least %d %%",
                share * 100, lowKhz, highKhz, percent));
    }
}
