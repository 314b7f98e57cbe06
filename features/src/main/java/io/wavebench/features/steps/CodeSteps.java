package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.scenario.ReaderDisplay;
import io.wavebench.fixtures.codes.CodeRig;
import io.wavebench.fixtures.rig.ReaderNetwork;
import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.BarcodeAuthorization;
import io.wavebench.simulators.reader.CodeRefusal;
import io.wavebench.simulators.reader.ReaderMessage;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.fixtures.scenario.ScenarioRig;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
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

    private static final long ACCOUNT = 4242;
    /** Frames take ≈0.1-0.3 s each to render and decode on a loaded 2-core machine; a tilted code may need several. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    private final ScenarioRig rig;
    private String barcode;
    /** The bus event index when the phone was last held over the reader. */
    private int shownFrom = -1;

    public CodeSteps(ScenarioRig rig) {
        this.rig = rig;
    }

    private CodeRig codes() {
        return rig.session().codes();
    }

    @ParameterType("reader offline|unknown barcode|expired barcode|barcode already used|refused by the backend")
    public CodeRefusal codeRefusal(String description) {
        return Arrays.stream(CodeRefusal.values()).filter(r -> r.description().equals(description)).findFirst().orElseThrow();
    }

    /**
     * The phone, online, enrols with the rig's backend for payment barcodes (DESIGN §5.2): the key
     * its time-based 18-digit codes are made with. Fails at once when the phone has no network.
     * Returns once the backend has answered.
     */
    @Given("the phone has a barcode key from the backend")
    public void thePhoneHasABarcodeKey() {
        assertTrue(rig.session().phone().isOnline(), "a barcode key is fetched online; the phone has no network");
        codes().phone().enrollBarcodes(codes().phoneBackend(), ACCOUNT);
    }

    /**
     * The rig cuts the reader's one network to the backend (DESIGN §1): the reader finds the
     * backend unreachable for everything — barcodes, cards, its own syncs. A reader whose network is
     * not the rig's cannot be cut from here: the scenario is ABORTED, naming what the rig lacks.
     */
    @Given("the reader has no network")
    public void theReaderHasNoNetwork() {
        ReaderNetwork network = rig.session().readerNetwork().orElse(null);
        if (network == null) {
            Assumptions.abort("ABORTED: needs the reader's network to be the rig's to cut; the reader of rig '" + rig.session().rig().name()
                    + "' reaches its backend on a network of its own");
        }
        network.cut();
    }

    /**
     * From now on, every camera sees the phone's screen in one of the rig file's {@code
     * codes.conditions} (tilt, distance, glare, blur); an unknown name fails with the ones the rig
     * file has. Nothing is awaited.
     */
    @Given("the phone is held {string}")
    public void thePhoneIsHeld(String condition) {
        codes().condition(condition);
    }

    /**
     * The phone shows a QR code of a fresh offline token (DESIGN §5.2) on its screen and is held
     * over the reader's camera. Later code steps look at the machine's display and bus from here.
     * Assumes a rig whose reader has a camera (the code rig parts) and a phone holding a
     * credential.
     */
    @When("the phone shows a payment QR code to the reader")
    public void thePhoneShowsAQrCode() {
        codes().phone().showPaymentQr();
        holdOverTheReader();
    }

    /**
     * The phone shows a fresh Code 128 payment barcode on its screen and is held over the reader's
     * camera; the reader must verify it online with the backend. Later code steps look from here.
     * Assumes "the phone has a barcode key from the backend".
     */
    @When("the phone shows a payment barcode to the reader")
    public void thePhoneShowsABarcode() {
        barcode = codes().phone().showPaymentBarcode();
        holdOverTheReader();
    }

    private void holdOverTheReader() {
        shownFrom = rig.session().vmc().eventCount();
        codes().holdPhoneOver(CodeRig.READER);
    }

    /** The reader's first word about the barcode on the display, since the phone was held over it. */
    private ReaderMessage answer() {
        if (shownFrom < 0) throw new IllegalStateException("no code was shown to the reader in this scenario");
        return ReaderDisplay.awaitAnswer(rig.session().vmc(), "the machine's display shows the reader's refusal", shownFrom, ANSWER_WITHIN,
                ReaderMessage.CodeDeclined.class, ReaderMessage.TokenDeclined.class);
    }

    /**
     * Waits up to 15 s after the code was shown for the reader's refusal on the machine's display,
     * and checks it names this reason and its code (e.g. "reader offline", "barcode already used").
     */
    @Then("the reader declines the barcode: {codeRefusal}")
    public void theReaderDeclinesTheBarcode(CodeRefusal refusal) {
        assertEquals(new ReaderMessage.CodeDeclined(refusal), answer(), "the display names the refusal and its code");
    }

    /**
     * Waits up to 15 s for the backend's authorization of the shown barcode to be CAPTURED for this
     * amount; fails at once, with what the display said, if the reader declined the barcode
     * instead.
     */
    @Then("the backend has charged {money} for the barcode")
    public void theBackendHasCharged(long amount) {
        try {
            Deadlines.holds(await("the backend captures the barcode's hold").atMost(ANSWER_WITHIN).pollInterval(Duration.ofMillis(50))
                    // What the reader did instead settles it: a barcode it declined is charged nowhere.
                    .failFast("the reader declined the barcode instead", this::declinedSinceShown),
                    () -> {
                        BarcodeAuthorization a = codes().phoneBackend().barcodeAuthorizationOf(barcode);
                        assertEquals("CAPTURED", a.status(), () -> "authorization of " + barcode + ": " + a);
                        assertEquals(amount, a.captured(), "captured amount in minor units");
                    });
        } catch (TerminalFailureException declined) {
            throw new AssertionFailedError("the backend charged nothing for " + barcode + ": the reader declined it; the display said "
                    + ReaderDisplay.displayedSince(rig.session().vmc(), shownFrom), declined);
        }
    }

    private boolean declinedSinceShown() {
        return shownFrom >= 0 && rig.session().vmc().events().stream().skip(shownFrom)
                .filter(e -> e.type() == VmcEvent.Type.DISPLAYED)
                .anyMatch(e -> ReaderMessage.parse(e.detail()).filter(m -> m instanceof ReaderMessage.CodeDeclined).isPresent());
    }

    /**
     * Asks the backend, as another reader would, to authorize the same barcode again, and checks it
     * refuses: barcode already used. Reads the backend at once: the capture was awaited before.
     */
    @Then("the barcode cannot pay again")
    public void theBarcodeCannotPayAgain() {
        BackendException e = assertThrows(BackendException.class, () -> codes().phoneBackend().authorizeBarcode(barcode, "another-reader", 150));
        assertEquals(BackendError.BARCODE_ALREADY_USED, e.error(), e::getMessage);
    }

    /**
     * Settled by the reader's answer to the barcode: declined on the display (a barcode it refused
     * is one it did not present), or a session begun on the bus (one it presented, and the backend held).
     *
     * <p>Waits up to 15 s after the code was shown for that answer.
     */
    @Then("the backend has not seen the barcode")
    public void theBackendHasNotSeenTheBarcode() {
        if (shownFrom < 0) throw new IllegalStateException("no code was shown to the reader in this scenario");
        var vmc = rig.session().vmc();
        VmcEvent answer = vmc.awaitEvent(e -> e.type() == VmcEvent.Type.SESSION_BEGAN
                        || e.type() == VmcEvent.Type.DISPLAYED && ReaderMessage.parse(e.detail()).filter(m -> m instanceof ReaderMessage.CodeDeclined).isPresent(),
                ANSWER_WITHIN, shownFrom).orElseThrow(() -> new AssertionFailedError("the reader neither declined the barcode nor began a session for it within "
                        + ANSWER_WITHIN.toMillis() + " ms; the display said " + ReaderDisplay.displayedSince(vmc, shownFrom)));
        assertEquals(VmcEvent.Type.DISPLAYED, answer.type(), () -> "the reader took the barcode: " + answer);
        BackendException e = assertThrows(BackendException.class, () -> codes().phoneBackend().barcodeAuthorizationOf(barcode),
                () -> "the backend holds an authorization of " + barcode + " (the display said " + answer.detail() + ")");
        assertEquals(BackendError.AUTHORIZATION_UNKNOWN, e.error(), e::getMessage);
    }
}
