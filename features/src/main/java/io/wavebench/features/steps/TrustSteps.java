package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.observe.AnswerTimes;
import io.wavebench.fixtures.scenario.Cursors;
import io.wavebench.fixtures.scenario.TokenRefusal;
import io.wavebench.fixtures.scenario.Trust;

import java.time.Duration;
import java.util.List;

/**
 * Offline trust (offline_trust.feature; DESIGN §5.1, §5.6): credentials off the reader's clock,
 * the backend the phone and readers reach when online, a second machine, a power cut at the
 * reader, two-way mode. Bus assertions read the vending machines' view, settlement assertions the
 * backend's records as an operator reads them, two-way mode the air at the phone's microphone:
 * never the reader's insides, and only after the last {@code When}'s cursor ({@link Cursors}).
 *
 * <p>Assumes of the rig: the rig's backend (issuer, settlement, revocations) reachable by the
 * phone and the reader; a second machine and reader the rig can start; a power hook for the power
 * cut; and, for two-way mode, a reader this rig can set to it and a phone that hears the reader's
 * speaker.
 */
public final class TrustSteps {

    private final Trust trust;
    private final Cursors cursors;

    public TrustSteps(Trust trust, Cursors cursors) {
        this.trust = trust;
        this.cursors = cursors;
    }

    // ---- credentials ----

    /**
     * The phone fetches a credential from the scenario's issuer as it was a week and this many
     * minutes ago, for a week: it ended this many minutes ago, outside the reader's skew allowance
     * when the number is larger than it. Offline limit 20.00 EUR; nothing is awaited.
     */
    @Given("a shopper's phone holding a credential from the issuer that expired {int} minutes ago")
    public void aPhoneWithAnExpiredCredential(int minutes) {
        // Issued a week and N minutes ago for a week: it ended N minutes ago, far outside the skew allowance.
        trust.holdCredentialThatExpired(Duration.ofMinutes(minutes));
    }

    /**
     * The phone fetches a credential (offline limit 20.00 EUR, a week's validity) from an issuer
     * whose clock runs this many seconds ahead of the rig's, so its window starts in the reader's
     * future: within the skew allowance the reader must accept it, beyond it refuse it. Nothing is
     * awaited.
     */
    @Given("a shopper's phone holding a credential from an issuer whose clock is {int} seconds ahead of the reader's")
    public void aPhoneWithACredentialFromAClockAhead(int seconds) {
        trust.holdCredentialFromAnIssuerAhead(Duration.ofSeconds(seconds));
    }

    /**
     * Sets the phone's clock this far ahead of or behind the rig's clock (the reader's time): the
     * tokens it makes from here carry its time. Nothing is awaited.
     */
    @Given("^the phone's clock is (\\d+) seconds (ahead of|behind) the reader's$")
    public void thePhonesClockIsOff(int seconds, String direction) {
        Duration offset = Duration.ofSeconds(seconds);
        trust.setPhoneClockOffset(direction.equals("behind") ? offset.negated() : offset);
    }

    /**
     * The phone goes online and enrols with the rig's backend over HTTP for its account and this
     * offline limit (EUR), getting a credential from the backend's issuer. Assumes a rig with the
     * backend (the offline-trust rig parts); returns once the backend has answered.
     */
    @Given("a shopper's phone enrolled with the backend with an offline limit of {money}")
    public void aPhoneEnrolledWithTheBackend(long limit) {
        trust.enrollPhoneWithTheBackend(limit);
    }

    /**
     * The backend's issuer revokes the credential the phone holds ("phone reported stolen"). The
     * reader learns of it only at its next sync; nothing is awaited here.
     */
    @Given("the issuer has revoked the shopper's credential")
    public void theIssuerRevokes() {
        trust.revokeTheShoppersCredential("phone reported stolen");
    }

    /**
     * The phone comes back online and refreshes its credential from the backend, keeping the
     * credential it held for the comparison of a later step. Takes the mark the following {@code
     * Then}s look after; returns once the backend has answered.
     */
    @When("the phone comes back online")
    public void thePhoneComesBackOnline() {
        cursors.fromHere("the phone comes back online");
        trust.phoneComesBackOnline();
    }

    /**
     * Checks the phone's credential after "the phone comes back online": a new credential id, the
     * same account, offline limit and device key, a window no older than before, and the signature
     * of the issuer the reader trusts. Reads the phone at once: the refresh returned before this.
     */
    @Then("the phone holds a fresh credential from the backend for the same account and limit")
    public void thePhoneHoldsAFreshCredential() {
        Trust.CredentialView before = trust.credentialBefore();
        Trust.CredentialView fresh = trust.credential();
        assertNotEquals(before.id(), fresh.id(), "a new credential id");
        assertEquals(before.account(), fresh.account(), "same account");
        assertEquals(before.offlineLimit(), fresh.offlineLimit(), "same offline limit");
        assertEquals(before.deviceKey(), fresh.deviceKey(), "bound to the same device key");
        assertTrue(fresh.notBefore() >= before.notBefore() && fresh.notAfter() >= before.notAfter(), () -> "a window no older: " + before + " → " + fresh);
        assertTrue(trust.credentialSignedByTheTrustedIssuer(), "signed by the issuer the reader trusts");
    }

    // ---- purchases and refusals on the bus ----

    /**
     * That many whole purchases as a precondition: each selects the slot, plays a fresh token and
     * waits (up to 10 s each) for VEND APPROVED, the slot's dispense and the session's end on the
     * machine's bus. Assumes a vending machine and a phone holding a credential.
     */
    @Given("the shopper has bought slot {int} by sound {int} times")
    public void theShopperHasBoughtTimes(int slot, int times) {
        for (int i = 1; i <= times; i++) {
            assertEquals(slot, trust.buyBySound(slot, i, times), "purchase " + i + ": dispensed slot");
        }
    }

    /**
     * The reader opened a session and refused the vend asked in it: VEND DENIED, and why on the display.
     *
     * <p>Waits up to 10 s after the last {@code When} for each on the machine's bus, and checks the
     * display text names this reason and its code.
     */
    @Then("the reader denies the vend: {reason}")
    public void theReaderDeniesTheVend(TokenRefusal reason) {
        assertEquals(reason.displayText(), trust.awaitVendDeniedAndWhy(), "the display names the refusal and its code");
    }

    /**
     * Every item the machine dropped in this scenario, counted once the reader has answered the last
     * {@code When} (its session ended, or it refused, or its full answer time passed): nothing the
     * last payment could still make it drop is left out.
     */
    @Then("the machine has dispensed {int} items in all")
    public void theMachineHasDispensed(int items) {
        assertEquals(items, trust.dispensedInAll(), () -> "items dispensed; " + trust.busSinceSwitchedOn());
    }

    // ---- the reader online ----

    /** The reader syncs and the backend has seen it: settlement's answer is in once this returns (AnswerTimes.BACKEND_AFTER_SYNC). */
    @When("the reader goes online and syncs")
    public void theReaderSyncs() {
        cursors.fromHere("the reader goes online and syncs");
        trust.syncTheReader();
    }

    /**
     * The scenario's reader and the second machine's reader each go online and sync with the
     * backend: journal upload and revocation list. Returns once the backend has answered both, so
     * settlement's records are in. Takes the mark the following {@code Then}s look after; assumes
     * "a second vending machine elsewhere …".
     */
    @When("both readers go online and sync")
    public void bothReadersSync() {
        cursors.fromHere("both readers go online and sync");
        trust.syncTheReader();
        trust.syncTheSecondReader();
    }

    // ---- a second machine ----

    /**
     * Switches on a second vending machine with its own reader, elsewhere (another reader id, the
     * same issuer and backend), with one item in its catalogue, and waits up to 10 s for it to
     * enable its reader over MDB. Assumes a rig that can start a second reader (the simulated rig
     * can).
     */
    @Given("a second vending machine elsewhere selling {string} at {money} from slot {int}")
    public void aSecondMachine(String name, long price, int slot) {
        trust.switchOnASecondMachine(slot, name, price);
    }

    /**
     * Someone presses the second machine's button for a slot. Takes the mark the following {@code
     * Then}s look after; nothing is awaited.
     */
    @When("someone selects slot {int} at the second machine")
    public void someoneSelectsAtTheSecondMachine(int slot) {
        cursors.fromHere("someone selects slot " + slot + " at the second machine");
        trust.selectAtTheSecondMachine(slot);
    }

    /**
     * Plays the exact samples of the shopper's last payment sound at the second machine's reader: a
     * perfect recording, replayed elsewhere. Takes the mark the following {@code Then}s look after;
     * assumes an earlier step played a token.
     */
    @When("plays a recording of the shopper's payment sound there")
    public void playsTheRecordingThere() {
        cursors.fromHere("someone plays a recording of the shopper's payment sound at the second machine");
        trust.playTheLastPaymentAtTheSecondMachine();
    }

    /**
     * Waits up to 10 s after the last {@code When} for VEND APPROVED on the second machine's bus,
     * and checks the amount.
     */
    @Then("the second machine's reader approves a vend of {money}")
    public void theSecondReaderApproves(long amount) {
        assertEquals(amount, trust.awaitSecondMachineApproved(), "approved amount in minor units");
    }

    /**
     * Waits up to 10 s after the last {@code When} for the second machine to drop an item, and
     * checks it came from this slot.
     */
    @Then("the second machine dispenses slot {int}")
    public void theSecondMachineDispenses(int slot) {
        assertEquals(slot, trust.awaitSecondMachineDispensed(), "dispensed slot");
    }

    // ---- settlement: the backend's records, read once the sync has been answered ----

    /**
     * Waits up to 10 s, once the last {@code When} has been taken, for the backend's settlement to
     * flag the token the phone last played as a double spend, seen at the scenario's reader and at
     * the second machine's, with that token's counter; and checks it is flagged once.
     */
    @Then("settlement flags the shopper's token as spent at both machines")
    public void settlementFlagsTheDoubleSpend() {
        Trust.DoubleSpend d = trust.awaitDoubleSpendOfTheLastToken();
        assertEquals(trust.lastTokenCounter(), d.counter(), d::text);
        assertEquals(trust.bothReaders(), d.readers(), d::text);
        assertEquals(1, trust.doubleSpendsFlagged(), () -> "one double spend; " + trust.backendRecords());
    }

    /**
     * Every booking of the shopper's credential in this scenario: one sale, {@code amount} charged.
     *
     * <p>Reads the backend's records at once: the sync before this has been answered ({@code
     * AnswerTimes.BACKEND_AFTER_SYNC}).
     */
    @Then("the shopper's account is charged {money} once")
    public void theAccountIsChargedOnce(long amount) {
        List<Trust.Booking> booked = trust.bookingsOfTheShopper();
        assertEquals(1, booked.stream().filter(e -> e.kind().equals("SALE")).count(), () -> "one sale; " + trust.backendRecords());
        assertEquals(amount, booked.stream().mapToLong(Trust.Booking::charged).sum(), () -> "charged in all; " + trust.backendRecords());
    }

    /**
     * Waits up to 10 s, once the last {@code When} has been taken, for the backend to revoke the
     * credential of the token the phone last played, for the double spend.
     */
    @Then("the shopper's credential is on the revocation list")
    public void theCredentialIsRevoked() {
        trust.awaitTheLastTokensCredentialRevokedForDoubleSpend();
    }

    /**
     * MDB 4.2 §7.4.7: a RESET after VEND APPROVED is a sale; settlement books it so, once, for the shopper.
     *
     * <p>Waits up to 10 s for the backend to book the shopper's sale, then checks it is the only
     * booking.
     */
    @Then("settlement charges the shopper {money} once, booked as a reset after approval")
    public void settlementChargesAResetAsSale(long amount) {
        Trust.Booking sale = trust.awaitTheShoppersBooking();
        assertEquals("SALE", sale.kind(), sale::text);
        assertEquals("RESET_AFTER_APPROVAL", sale.reason(), sale::text);
        assertEquals(amount, sale.charged(), sale::text);
        assertEquals(List.of(sale), trust.bookingsOfTheShopper(), () -> "the shopper's only booking; " + trust.backendRecords());
    }

    /**
     * Nothing charged to the shopper in this scenario. The backend's answer is in once the sync
     * before this has returned ({@link AnswerTimes#BACKEND_AFTER_SYNC}); a charge seen fails it.
     */
    @Then("settlement has charged the shopper nothing")
    public void settlementHasChargedNothing() {
        trust.awaitNothingChargedToTheShopper();
    }

    /**
     * Reads the backend's settlement report for the scenario's reader, after the sync that answers
     * it: no journal sequence missing, none pending, and as many entries as the highest sequence.
     */
    @Then("settlement of the reader has every journal entry and none pending")
    public void settlementHasEveryEntry() {
        Trust.SettlementView report = trust.settlementOfTheReader();
        assertEquals(0, report.missingSequences(), report::text);
        assertEquals(0, report.pending(), report::text);
        assertEquals(report.highestSequence(), report.entries(), report::text);
    }

    // ---- power ----

    /**
     * Makes the simulated vending machine's motor take this long to drop an item, so that something
     * can happen between VEND APPROVED and the dispense. Assumes the machine is the rig's simulated
     * one; nothing is awaited.
     */
    @Given("the machine takes {int} second(s) to drop an item")
    public void theMachineIsSlow(int seconds) {
        trust.machineTakesToDrop(Duration.ofSeconds(seconds));
    }

    /**
     * Cuts the reader's power between VEND APPROVED (seen by the step before) and the dispense;
     * fails at once if the item had already dropped (the machine must be slower). Takes the mark
     * the following {@code Then}s look after. Needs a rig that can cut the reader's power (a power
     * hook for a process or real reader).
     */
    @When("the reader loses power while the machine drops the item")
    public void theReaderLosesPower() {
        trust.cutTheReadersPowerWhileDropping();
    }

    /**
     * The item drops, and what the machine says next goes unanswered: after a dispense it sends
     * VEND SUCCESS (MDB 4.2 §7.4.7) unless it restarted or the dispense failed, so a NO_RESPONSE
     * after DISPENSED with neither in between is VEND SUCCESS sent into the silence.
     *
     * <p>Waits up to 10 s after the last {@code When} for the dispense, then up to the machine's
     * non-response time (with the rig's slack) for its NO RESPONSE.
     */
    @Then("the machine dispenses slot {int} and finds the reader gone")
    public void theMachineFindsTheReaderGone(int slot) {
        assertEquals(slot, trust.awaitDropped(), "dispensed slot");
        assertTrue(trust.awaitVendSuccessUnanswered(),
                () -> "the machine said something else than VEND SUCCESS after the item dropped; " + trust.shownSinceDropped());
    }

    /**
     * Restores the reader's power; the machine then finds it again by its polls. Takes the mark the
     * following {@code Then}s look after; nothing is awaited here.
     */
    @When("power returns to the reader")
    public void powerReturns() {
        trust.restoreTheReadersPower();
    }

    /**
     * Waits up to 10 s after the last {@code When} for the machine to reset, set up and enable the
     * reader again over MDB.
     */
    @Then("the machine sets up and enables the reader again")
    public void theMachineEnablesTheReaderAgain() {
        trust.awaitTheReaderEnabledAgain();
    }

    // ---- two-way mode ----

    /**
     * The simulated reader is set to two-way mode here; a real reader's two-way mode is its own
     * setting, which this rig cannot change: the scenario is ABORTED there, not failed (DESIGN §3).
     */
    @Given("the reader sounds a challenge for each payment and refuses tokens without one")
    public void twoWayModeRequired() {
        trust.requireChallenges();
    }

    /**
     * Two-way mode (DESIGN §5.1): the phone sounds a HELLO, waits up to 5 s for the reader's
     * challenge on the air at its microphone, and plays a token that carries it. Takes the mark the
     * following {@code Then}s look after. Assumes a rig whose phone can hear the reader (the
     * simulated air).
     */
    @When("the phone asks for the reader's challenge and pays with a token that answers it")
    public void thePhonePaysAnsweringTheChallenge() {
        trust.payAnsweringTheChallenge();
    }

    /**
     * Seen from outside (DESIGN §5.1): the phone's microphone heard a challenge on the air after its
     * HELLO — only the reader sounds one — the token it paid with carries that challenge, and the
     * machine's bus shows the reader approving a vend for it, which a reader that refuses tokens
     * without a challenge of its own does only for one it sounded.
     *
     * <p>Reads the phone at once (the payment step returned after the challenge), then waits up to
     * 10 s for the VEND APPROVED on the machine's bus.
     */
    @Then("the token the reader took carries the challenge the reader sounded")
    public void theTokenCarriesTheChallenge() {
        assertTrue(trust.lastTokenAnswersAChallenge(), "the token the phone paid with answers a challenge");
        String carried = trust.lastTokensChallenge();
        List<String> heard = trust.challengesHeardSinceTheLastWhen();
        assertTrue(heard.contains(carried), () -> "the token carries challenge " + carried + "; the phone's microphone heard " + heard
                + " after '" + cursors.lastWhen().takenAt() + "'");
        trust.awaitTheTwoWayVendApproved();
    }
}
