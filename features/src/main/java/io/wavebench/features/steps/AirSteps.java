package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.data.Money;
import io.wavebench.fixtures.scenario.Cursors;
import io.wavebench.fixtures.scenario.Phone;
import io.wavebench.fixtures.scenario.VendingMachine;

/**
 * What is on the air besides the shopper's phone: the noise of the place they stand in, and other
 * phones. The places and their levels come from the rig file (DESIGN §4), not from the steps.
 *
 * <p>Assumes of the rig: the phones' speakers and the reader's microphone share one air; places
 * need the rig file's {@code acoustic.places}, which only a simulated (loopback) air can put noise
 * into. A second phone is always a simulated one.
 */
public final class AirSteps {

    private final Cursors cursors;
    private final Phone phone;
    private final VendingMachine machine;

    public AirSteps(Cursors cursors, Phone phone, VendingMachine machine) {
        this.cursors = cursors;
        this.phone = phone;
        this.machine = machine;
    }

    /**
     * Puts the simulated air between the phones and the reader into one of the rig file's {@code
     * acoustic.places} (a noise bed at a stated in-band SNR, the room's echo), for every sound
     * played from here. An unknown place fails with the names the rig file has; on a rig whose
     * phone plays through a real speaker the place is the room itself.
     */
    @Given("the shopper is paying in the {string}")
    public void theShopperIsPayingIn(String place) {
        phone.enterPlace(place);
    }

    /**
     * Starts a second simulated phone, as a shopper at the next machine holds: it fetches its own
     * credential (another account, this offline limit, which must differ from the shopper's so that
     * the bus tells whose token opened a session), goes offline and plays this many dB quieter than
     * the shopper's phone. Nothing is awaited.
     */
    @Given("a neighbour's phone at the next machine, {int} dB quieter at the reader than the shopper's, with an offline limit of {money}")
    public void aNeighboursPhone(int quieterDb, long limit) {
        phone.startNeighbour(quieterDb, limit);
    }

    /**
     * The shopper's phone and the neighbour's play a fresh payment token each, at once, on the same
     * air; returns when both sounds have ended. Takes the mark the following {@code Then}s look
     * after. Assumes "a neighbour's phone at the next machine, …".
     */
    @When("both phones play a payment token at the same moment")
    public void bothPhonesPlay() {
        cursors.fromHere("both phones play a payment token at the same moment");
        phone.playTogetherWithTheNeighbour();
    }

    /**
     * Only the neighbour's phone plays a payment token; returns when its sound has ended. Takes the
     * mark the following {@code Then}s look after. Assumes "a neighbour's phone at the next
     * machine, …".
     */
    @When("the neighbour's phone plays a payment token")
    public void theNeighbourPays() {
        cursors.fromHere("the neighbour's phone plays a payment token");
        phone.neighbourPlaysAPaymentToken();
    }

    /**
     * Whose token opened the session shows on the bus: BEGIN SESSION offers what is left of that
     * credential's offline limit (DESIGN §5.1), and the two phones' limits differ. The first
     * session after the sounds is the shopper's, and none is opened on the neighbour's token within
     * the reader's full time to answer. That two sounds at once never make a token nobody sent is
     * the modem's to show, and its tests do (OfdmReceptionTest).
     */
    @Then("the reader took the shopper's token, not the neighbour's")
    public void theReaderTookTheShoppersToken() {
        long shoppers = phone.fundsOffered();
        long neighbours = phone.neighbourFundsOffered();
        if (shoppers == neighbours) {
            throw new IllegalStateException("the shopper and the neighbour would both open a session with " + Money.format(shoppers)
                    + ": give the neighbour another offline limit, or the bus cannot tell whose token it was");
        }
        long began = machine.awaitSessionBegan();
        assertEquals(shoppers, began, () -> "BEGIN SESSION offers what is left of the shopper's limit (" + Money.format(shoppers)
                + "), not of the neighbour's (" + Money.format(neighbours) + "); " + machine.shownSinceTheLastWhen());
        machine.awaitNoSessionOffering("no session opens on the neighbour's token", neighbours);
    }
}
