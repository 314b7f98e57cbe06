package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.codes.CodeRig;
import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.BarcodeAuthorization;
import io.wavebench.simulators.reader.CodeRefusal;
import io.wavebench.simulators.vmc.VmcEvent;
import java.time.Duration;
import java.util.Arrays;

/**
 * Paying with a code on the phone's screen (DESIGN §5.2). The phone draws its code on its screen;
 * the reader sees only what its camera sees. Outcomes are read on the MDB bus (the VMC's view)
 * and in the backend's records, as on a bench.
 */
public final class CodeSteps {

    private static final long ACCOUNT = 4242;
    /** Frames take ≈0.1-0.3 s each to render and decode on a loaded 2-core machine; a tilted code may need several. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    private final ScenarioRig rig;
    private final VendingMachineSteps machine;
    private String barcode;

    public CodeSteps(ScenarioRig rig, VendingMachineSteps machine) {
        this.rig = rig;
        this.machine = machine;
    }

    private CodeRig codes() {
        return rig.session().codes();
    }

    @ParameterType("reader offline|unknown barcode|expired barcode|barcode already used|refused by the backend")
    public CodeRefusal codeRefusal(String description) {
        return Arrays.stream(CodeRefusal.values()).filter(r -> r.description().equals(description)).findFirst().orElseThrow();
    }

    @Given("the phone has a barcode key from the backend")
    public void thePhoneHasABarcodeKey() {
        assertTrue(rig.session().phone().isOnline(), "a barcode key is fetched online; the phone has no network");
        codes().phone().enrollBarcodes(codes().phoneBackend(), ACCOUNT);
    }

    @Given("the reader has no network")
    public void theReaderHasNoNetwork() {
        codes().readerNetwork().cut();
    }

    @Given("the phone is held {string}")
    public void thePhoneIsHeld(String condition) {
        codes().condition(condition);
    }

    @When("the phone shows a payment QR code to the reader")
    public void thePhoneShowsAQrCode() {
        codes().phone().showPaymentQr();
        codes().holdPhoneOver(CodeRig.READER);
    }

    @When("the phone shows a payment barcode to the reader")
    public void thePhoneShowsABarcode() {
        barcode = codes().phone().showPaymentBarcode();
        codes().holdPhoneOver(CodeRig.READER);
    }

    @Then("the reader declines the barcode: {codeRefusal}")
    public void theReaderDeclinesTheBarcode(CodeRefusal refusal) {
        VmcEvent shown = machine.awaitEvent("the machine's display shows the reader's refusal", VmcEvent.Type.DISPLAYED, 0, ANSWER_WITHIN);
        assertEquals(refusal.displayText(), shown.detail(), "the display text names the refusal and its code");
    }

    @Then("the backend has charged {money} for the barcode")
    public void theBackendHasCharged(long amount) {
        await("the backend captures the barcode's hold").atMost(ANSWER_WITHIN).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            BarcodeAuthorization a = codes().phoneBackend().barcodeAuthorizationOf(barcode);
            assertEquals("CAPTURED", a.status(), () -> "authorization of " + barcode + ": " + a);
            assertEquals(amount, a.captured(), "captured amount in minor units");
        });
    }

    @Then("the barcode cannot pay again")
    public void theBarcodeCannotPayAgain() {
        BackendException e = assertThrows(BackendException.class, () -> codes().phoneBackend().authorizeBarcode(barcode, "another-reader", 150));
        assertEquals(BackendError.BARCODE_ALREADY_USED, e.error(), e::getMessage);
    }

    @Then("the backend has not seen the barcode")
    public void theBackendHasNotSeenTheBarcode() {
        BackendException e = assertThrows(BackendException.class, () -> codes().phoneBackend().barcodeAuthorizationOf(barcode));
        assertEquals(BackendError.AUTHORIZATION_UNKNOWN, e.error(), e::getMessage);
    }
}
