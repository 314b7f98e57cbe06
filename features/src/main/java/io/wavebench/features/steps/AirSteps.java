package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.data.Money;
import io.wavebench.simulators.phone.SimulatedPhone;
import io.wavebench.simulators.reader.SimulatedReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What is on the air besides the shopper's phone: the noise of the place they stand in, and other
 * phones. The places and their levels come from the rig file (DESIGN §4), not from the steps.
 */
public final class AirSteps {

    private static final long NEIGHBOUR_ACCOUNT = 4343;
    private static final Duration HEARD_WITHIN = Duration.ofSeconds(10);

    private final ScenarioRig rig;
    private SimulatedPhone neighbour;
    private SimulatedPhone.Sounded neighbourSounded;

    public AirSteps(ScenarioRig rig) {
        this.rig = rig;
    }

    @Given("the shopper is paying in the {string}")
    public void theShopperIsPayingIn(String place) {
        rig.session().enterPlace(place);
    }

    @Given("a neighbour's phone at the next machine, {int} dB quieter at the reader than the shopper's")
    public void aNeighboursPhone(int quieterDb) {
        neighbour = rig.session().startAnotherPhone("neighbour");
        neighbour.setOnline(true);
        neighbour.refreshCredential(rig.session().issuer(), NEIGHBOUR_ACCOUNT, 20_00, Money.EUR, Duration.ofDays(7));
        neighbour.setOnline(false);
        neighbour.setVolumeDb(-quieterDb);
    }

    @When("both phones play a payment token at the same moment")
    public void bothPhonesPlay() {
        CompletableFuture<SimulatedPhone.Sounded> neighbourPaying = CompletableFuture.supplyAsync(neighbour::pay);
        rig.remember(rig.session().phone().pay());
        neighbourSounded = neighbourPaying.join();
    }

    @Then("the reader took the shopper's token, not the neighbour's")
    public void theReaderTookTheShoppersToken() {
        byte[] shoppers = rig.lastSounded().token().encode();
        byte[] neighbours = neighbourSounded.token().encode();
        SimulatedReader reader = rig.readerInternals();
        await("the reader decodes a frame").atMost(HEARD_WITHIN).until(() -> !reader.decodedFrames().isEmpty());
        List<byte[]> frames = reader.decodedFrames();
        for (byte[] frame : frames) {
            // DESIGN §4: two sounds at once may cost a frame, never yield one nobody sent.
            assertTrue(Arrays.equals(frame, shoppers) || Arrays.equals(frame, neighbours),
                    () -> "the reader decoded a frame neither phone sent: " + HexFormat.of().formatHex(frame));
        }
        assertArrayEquals(shoppers, frames.get(0), "the first token the reader heard (the one it charges) is the shopper's");
    }
}
