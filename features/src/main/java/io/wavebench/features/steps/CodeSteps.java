package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.scenario.Codes;
import io.wavebench.fixtures.scenario.Phone;
import java.time.Duration;
import org.awaitility.core.TerminalFailureException;
import org.opentest4j.AssertionFailedError;

/**
 * Paying with a code on the phone's screen (DESIGN §5.2). The phone draws its code on its screen;
 * the reader sees only what its camera sees. Outcomes are read on the MDB bus (the VMC's view,
 * from the moment the phone was held over the reader) and in the backend's records, as on a bench.
 *
 * <p>Assumes of the rig: a reader with a camera that sees the phone's screen ({@code codes} in the
 * rig file), the rig's backend for barcodes, and a vending machine; cutting the reader's network
 * needs a reader whose network is the rig's.
 */
public final class CodeSteps {

    private final Codes codes;
    private final Phone phone;

    public CodeSteps(Codes codes, Phone phone) {
        this.codes = codes;
        this.phone = phone;
    }

    @ParameterType("reader offline|unknown barcode|expired barcode|barcode already used|refused by the backend")
    public String codeRefusal(String description) {
        return description;
    }

    /**
     * The phone, online, enrols with the rig's backend for payment barcodes (DESIGN §5.2): the key
     * its time-based 18-digit codes are made with. Fails at once when the phone has no network.
     * Returns once the backend has answered.
     */
    @Given("the phone has a barcode key from the backend")
    public void thePhoneHasABarcodeKey() {
        assertTrue(phone.isOnline(), "a barcode key is fetched online; the phone has no network");
        codes.enrollForBarcodes();
    }

    /**
     * The rig cuts the reader's one network to the backend (DESIGN §1): the reader finds the
     * backend unreachable for everything — barcodes, cards, its own syncs. A reader whose network is
     * not the rig's cannot be cut from here: the scenario is ABORTED, naming what the rig lacks.
     */
    @Given("the reader has no network")
    public void theReaderHasNoNetwork() {
        codes.cutReaderNetwork();
    }

    /**
     * From now on, every camera sees the phone's screen in one of the rig file's {@code
     * codes.conditions} (tilt, distance, glare, blur); an unknown name fails with the ones the rig
     * file has. Nothing is awaited.
     */
    @Given("the phone is held {string}")
    public void thePhoneIsHeld(String condition) {
        codes.holdPhone(condition);
    }

    /**
     * The phone shows a QR code of a fresh offline token (DESIGN §5.2) on its screen and is held
     * over the reader's camera. Later code steps look at the machine's display and bus from here.
     * Assumes a rig whose reader has a camera (the code rig parts) and a phone holding a
     * credential.
     */
    @When("the phone shows a payment QR code to the reader")
    public void thePhoneShowsAQrCode() {
        codes.showPaymentQr();
    }

    /**
     * The phone shows a fresh Code 128 payment barcode on its screen and is held over the reader's
     * camera; the reader must verify it online with the backend. Later code steps look from here.
     * Assumes "the phone has a barcode key from the backend".
     */
    @When("the phone shows a payment barcode to the reader")
    public void thePhoneShowsABarcode() {
        codes.showPaymentBarcode();
    }

    /**
     * Waits up to 15 s after the code was shown for the reader's refusal on the machine's display,
     * and checks it names this reason and its code (e.g. "reader offline", "barcode already used").
     */
    @Then("the reader declines the barcode: {codeRefusal}")
    public void theReaderDeclinesTheBarcode(String refusal) {
        assertEquals(Codes.declinedText(refusal), codes.awaitRefusal(), "the display names the refusal and its code");
    }

    /**
     * Waits up to 15 s for the backend's authorization of the shown barcode to be CAPTURED for this
     * amount; fails at once, with what the display said, if the reader declined the barcode
     * instead.
     */
    @Then("the backend has charged {money} for the barcode")
    public void theBackendHasCharged(long amount) {
        try {
            Deadlines.holds(await("the backend captures the barcode's hold").atMost(Codes.ANSWER_WITHIN).pollInterval(Duration.ofMillis(50))
                    // What the reader did instead settles it: a barcode it declined is charged nowhere.
                    .failFast("the reader declined the barcode instead", codes::barcodeDeclined),
                    () -> {
                        Codes.BackendAnswer a = codes.authorizationOfTheBarcode();
                        assertEquals("CAPTURED", a.status(), () -> "authorization of " + codes.barcode() + ": " + a.text());
                        assertEquals(amount, a.captured(), "captured amount in minor units");
                    });
        } catch (TerminalFailureException declined) {
            throw new AssertionFailedError("the backend charged nothing for " + codes.barcode() + ": the reader declined it; the display said "
                    + codes.displayedSinceShown(), declined);
        }
    }

    /**
     * Asks the backend, as another reader would, to authorize the same barcode again, and checks it
     * refuses: barcode already used. Reads the backend at once: the capture was awaited before.
     */
    @Then("the barcode cannot pay again")
    public void theBarcodeCannotPayAgain() {
        Codes.BackendAnswer again = codes.authorizeTheBarcodeAgain("another-reader", 150);
        assertEquals("BARCODE_ALREADY_USED", again.refusal(), () -> "the backend answered another reader: " + again.text());
    }

    /**
     * Settled by the reader's answer to the barcode: declined on the display (a barcode it refused
     * is one it did not present), or a session begun on the bus (one it presented, and the backend held).
     *
     * <p>Waits up to 15 s after the code was shown for that answer.
     */
    @Then("the backend has not seen the barcode")
    public void theBackendHasNotSeenTheBarcode() {
        assertTrue(codes.awaitBarcodeDeclinedRatherThanTaken(), () -> "the reader took the barcode: it began a session; the display said "
                + codes.displayedSinceShown());
        Codes.BackendAnswer seen = codes.authorizationOfTheBarcode();
        assertEquals("AUTHORIZATION_UNKNOWN", seen.refusal(), () -> "the backend holds an authorization of " + codes.barcode() + ": " + seen.text());
    }
}
