package io.wavebench.features.steps;

import static io.wavebench.fixtures.scenario.Cursors.a;
import static io.wavebench.fixtures.scenario.Cursors.nothing;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.data.Money;
import io.wavebench.fixtures.observe.AnswerTimes;
import io.wavebench.fixtures.observe.BackendRecord;
import io.wavebench.fixtures.observe.Cursor;
import io.wavebench.fixtures.observe.EventLog;
import io.wavebench.fixtures.observe.Mark;
import io.wavebench.fixtures.observe.Seen;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.fixtures.trust.TrustRig;
import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.backend.api.DoubleSpend;
import io.wavebench.simulators.backend.api.LedgerEntry;
import io.wavebench.simulators.backend.api.LedgerKind;
import io.wavebench.simulators.backend.api.SettlementReport;
import io.wavebench.simulators.phone.SimulatedPhone;
import io.wavebench.simulators.token.Credential;
import io.wavebench.simulators.token.Ed25519;
import io.wavebench.simulators.token.PaymentToken;
import io.wavebench.simulators.token.RejectionReason;
import io.wavebench.simulators.vmc.Catalog;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import io.wavebench.fixtures.scenario.ScenarioRig;
import io.wavebench.fixtures.scenario.Cursors;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

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

    private static final long ACCOUNT = 4242;
    private static final Duration CREDENTIAL_VALIDITY = Duration.ofDays(7);
    /** A HELLO on air (≈0.3 s), the reader's answer and its challenge on air (≈0.4 s), with room for a loaded machine. */
    private static final Duration CHALLENGE_WITHIN = Duration.ofSeconds(5);

    private final ScenarioRig rig;
    private final Cursors cursors;
    private Credential before;

    public TrustSteps(ScenarioRig rig, Cursors cursors) {
        this.rig = rig;
        this.cursors = cursors;
    }

    private RigSession session() {
        return rig.session();
    }

    private TrustRig trust() {
        return session().trust();
    }

    private SimulatedPhone phone() {
        return session().phone();
    }

    private SimulatedVmc vmc() {
        return session().vmc();
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
        Clock then = Clock.offset(session().clock(), CREDENTIAL_VALIDITY.plusMinutes(minutes).negated());
        provisionFrom(session().issuer().withClock(then));
    }

    /**
     * The phone fetches a credential (offline limit 20.00 EUR, a week's validity) from an issuer
     * whose clock runs this many seconds ahead of the rig's, so its window starts in the reader's
     * future: within the skew allowance the reader must accept it, beyond it refuse it. Nothing is
     * awaited.
     */
    @Given("a shopper's phone holding a credential from an issuer whose clock is {int} seconds ahead of the reader's")
    public void aPhoneWithACredentialFromAClockAhead(int seconds) {
        provisionFrom(session().issuer().withClock(Clock.offset(session().clock(), Duration.ofSeconds(seconds))));
    }

    private void provisionFrom(Issuer issuer) {
        phone().setOnline(true);
        phone().refreshCredential(issuer, ACCOUNT, 20_00, Money.EUR, CREDENTIAL_VALIDITY);
    }

    /**
     * Sets the phone's clock this far ahead of or behind the rig's clock (the reader's time): the
     * tokens it makes from here carry its time. Nothing is awaited.
     */
    @Given("^the phone's clock is (\\d+) seconds (ahead of|behind) the reader's$")
    public void thePhonesClockIsOff(int seconds, String direction) {
        Duration offset = Duration.ofSeconds(seconds);
        phone().setClockOffset(direction.equals("behind") ? offset.negated() : offset);
    }

    /**
     * The phone goes online and enrols with the rig's backend over HTTP for its account and this
     * offline limit (EUR), getting a credential from the backend's issuer. Assumes a rig with the
     * backend (the offline-trust rig parts); returns once the backend has answered.
     */
    @Given("a shopper's phone enrolled with the backend with an offline limit of {money}")
    public void aPhoneEnrolledWithTheBackend(long limit) {
        phone().setOnline(true);
        phone().enrollWith(trust().phoneNetwork(), ACCOUNT, limit, Money.EUR);
    }

    /**
     * The backend's issuer revokes the credential the phone holds ("phone reported stolen"). The
     * reader learns of it only at its next sync; nothing is awaited here.
     */
    @Given("the issuer has revoked the shopper's credential")
    public void theIssuerRevokes() {
        trust().readerNetwork().revoke(phone().wallet().credential().credentialId(), "phone reported stolen");
    }

    /**
     * The phone comes back online and refreshes its credential from the backend, keeping the
     * credential it held for the comparison of a later step. Takes the mark the following {@code
     * Then}s look after; returns once the backend has answered.
     */
    @When("the phone comes back online")
    public void thePhoneComesBackOnline() {
        cursors.fromHere("the phone comes back online");
        before = phone().wallet().credential();
        phone().setOnline(true);
        phone().refreshWith(trust().phoneNetwork());
    }

    /**
     * Checks the phone's credential after "the phone comes back online": a new credential id, the
     * same account, offline limit and device key, a window no older than before, and the signature
     * of the issuer the reader trusts. Reads the phone at once: the refresh returned before this.
     */
    @Then("the phone holds a fresh credential from the backend for the same account and limit")
    public void thePhoneHoldsAFreshCredential() {
        if (before == null) throw new IllegalStateException("the phone did not come back online in this scenario: there is no credential to compare with");
        Credential fresh = phone().wallet().credential();
        assertNotEquals(before.credentialId(), fresh.credentialId(), "a new credential id");
        assertEquals(before.accountId(), fresh.accountId(), "same account");
        assertEquals(before.offlineLimit(), fresh.offlineLimit(), "same offline limit");
        assertArrayEquals(before.devicePublicKey(), fresh.devicePublicKey(), "bound to the same device key");
        assertTrue(fresh.notBefore() >= before.notBefore() && fresh.notAfter() >= before.notAfter(), () -> "a window no older: " + before + " → " + fresh);
        assertTrue(Ed25519.verify(session().issuer().publicKey(), fresh.signedPart(), fresh.issuerSignature()), "signed by the issuer the reader trusts");
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
            cursors.fromHere("purchase " + i + " of " + times);
            vmc().select(slot);
            rig.remember(phone().pay());
            cursors.awaitOnBus("purchase " + i + ": VEND APPROVED", Type.VEND_APPROVED);
            assertEquals(slot, cursors.awaitOnBus("purchase " + i + ": dispensed", Type.DISPENSED).event().item(), "purchase " + i + ": dispensed slot");
            cursors.awaitOnBus("purchase " + i + ": the session ends", Type.SESSION_ENDED);
        }
    }

    /**
     * The reader opened a session and refused the vend asked in it: VEND DENIED, and why on the display.
     *
     * <p>Waits up to 10 s after the last {@code When} for each on the machine's bus, and checks the
     * display text names this reason and its code.
     */
    @Then("the reader denies the vend: {reason}")
    public void theReaderDeniesTheVend(RejectionReason reason) {
        cursors.awaitOnBus("the reader answers VEND DENIED", Type.VEND_DENIED);
        VmcEvent shown = cursors.awaitOnBus("the machine's display shows why", Type.DISPLAYED).event();
        assertEquals(reason.displayText(), shown.detail(), "the display names the refusal and its code");
    }

    /**
     * Every item the machine dropped in this scenario, counted once the reader has answered the last
     * {@code When} (its session ended, or it refused, or its full answer time passed): nothing the
     * last payment could still make it drop is left out.
     */
    @Then("the machine has dispensed {int} items in all")
    public void theMachineHasDispensed(int items) {
        EventLog<VmcEvent> bus = cursors.bus();
        bus.awaitNone("the reader answers the last payment", cursors.onBus(), nothing(),
                a(Type.SESSION_ENDED, Type.DISPLAYED, Type.VEND_DENIED, Type.NO_RESPONSE), cursors.readerAnswerTime());
        Cursor switchedOn = bus.start("the machine is switched on");
        assertEquals(items, bus.count(switchedOn, a(Type.DISPENSED)), () -> "items dispensed; " + bus.shown(switchedOn));
    }

    // ---- the reader online ----

    /** The reader syncs and the backend has seen it: settlement's answer is in once this returns (AnswerTimes.BACKEND_AFTER_SYNC). */
    @When("the reader goes online and syncs")
    public void theReaderSyncs() {
        cursors.fromHere("the reader goes online and syncs");
        trust().syncReader();
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
        trust().syncReader();
        trust().syncNextReader();
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
        trust().startNextMachine(Catalog.of(new Catalog.Item(slot, name, price)));
        EventLog<VmcEvent> next = cursors.secondBus();
        next.await("the second machine enables its reader over MDB", next.start("the second machine is switched on"), a(Type.READER_ENABLED),
                AnswerTimes.PATIENCE);
    }

    /**
     * Someone presses the second machine's button for a slot. Takes the mark the following {@code
     * Then}s look after; nothing is awaited.
     */
    @When("someone selects slot {int} at the second machine")
    public void someoneSelectsAtTheSecondMachine(int slot) {
        cursors.fromHere("someone selects slot " + slot + " at the second machine");
        trust().nextVmc().select(slot);
    }

    /**
     * Plays the exact samples of the shopper's last payment sound at the second machine's reader: a
     * perfect recording, replayed elsewhere. Takes the mark the following {@code Then}s look after;
     * assumes an earlier step played a token.
     */
    @When("plays a recording of the shopper's payment sound there")
    public void playsTheRecordingThere() {
        cursors.fromHere("someone plays a recording of the shopper's payment sound at the second machine");
        // The exact samples the shopper's phone played: a perfect recording, replayed elsewhere.
        trust().playAtNextMachine(rig.lastSounded().samples());
        rig.soundEnded();
    }

    /**
     * Waits up to 10 s after the last {@code When} for VEND APPROVED on the second machine's bus,
     * and checks the amount.
     */
    @Then("the second machine's reader approves a vend of {money}")
    public void theSecondReaderApproves(long amount) {
        EventLog<VmcEvent> next = cursors.secondBus();
        VmcEvent approved = next.await("the second machine's reader sends VEND APPROVED", cursors.lastWhen().on(next), a(Type.VEND_APPROVED),
                AnswerTimes.PATIENCE).event();
        assertEquals(amount, approved.amountMinorUnits(), "approved amount in minor units");
    }

    /**
     * Waits up to 10 s after the last {@code When} for the second machine to drop an item, and
     * checks it came from this slot.
     */
    @Then("the second machine dispenses slot {int}")
    public void theSecondMachineDispenses(int slot) {
        EventLog<VmcEvent> next = cursors.secondBus();
        assertEquals(slot, next.await("the second machine dispenses", cursors.lastWhen().on(next), a(Type.DISPENSED), AnswerTimes.PATIENCE).event().item(),
                "dispensed slot");
    }

    // ---- settlement: the backend's records, read once the sync has been answered ----

    /**
     * Where settlement's records are read from. Settlement is the backend's state, not an answer
     * to the sync step alone: a reader syncs on its own schedule too (the rig's {@code syncEvery}),
     * so the entry may have been booked by a sync just before the step that asks for one. The
     * records are read from the backend's start, after the last {@code When} has been taken; the
     * backend is the scenario's own and every filter names this scenario's credential, so nothing
     * from another scenario can satisfy them.
     */
    private Cursor settlementSince(EventLog<BackendRecord> backend) {
        cursors.lastWhen();
        return backend.start("the backend started");
    }

    /** The credential the shopper's phone holds: what its tokens, and so its charges, are filed under. */
    private long shoppersCredential() {
        return phone().wallet().credential().credentialId();
    }

    private static Predicate<BackendRecord> bookedTo(long credentialId) {
        return r -> r instanceof BackendRecord.Booked b && b.entry().credentialId() == credentialId;
    }

    private static Predicate<BackendRecord> chargedTo(long credentialId) {
        return r -> r instanceof BackendRecord.Booked b && b.entry().credentialId() == credentialId && b.entry().charged() > 0;
    }

    /**
     * Waits up to 10 s, once the last {@code When} has been taken, for the backend's settlement to
     * flag the token the phone last played as a double spend, seen at the scenario's reader and at
     * the second machine's, with that token's counter; and checks it is flagged once.
     */
    @Then("settlement flags the shopper's token as spent at both machines")
    public void settlementFlagsTheDoubleSpend() {
        PaymentToken token = rig.lastSounded().token();
        EventLog<BackendRecord> backend = cursors.backend();
        DoubleSpend d = ((BackendRecord.DoubleSpendFlagged) backend.await("settlement flags the double spend", settlementSince(backend),
                r -> r instanceof BackendRecord.DoubleSpendFlagged f && f.doubleSpend().credentialId() == token.credential().credentialId(),
                AnswerTimes.PATIENCE).event()).doubleSpend();
        assertEquals(token.counter(), d.counter(), d::toString);
        assertEquals(Set.of(session().readerId(), TrustRig.NEXT_READER_ID), Set.of(d.readerId(), d.firstReaderId()), d::toString);
        Cursor all = backend.start("the backend started");
        assertEquals(1, backend.count(all, r -> r instanceof BackendRecord.DoubleSpendFlagged), () -> "one double spend; " + backend.shown(all));
    }

    /**
     * Every booking of the shopper's credential in this scenario: one sale, {@code amount} charged.
     *
     * <p>Reads the backend's records at once: the sync before this has been answered ({@code
     * AnswerTimes.BACKEND_AFTER_SYNC}).
     */
    @Then("the shopper's account is charged {money} once")
    public void theAccountIsChargedOnce(long amount) {
        EventLog<BackendRecord> backend = cursors.backend();
        cursors.lastWhen(); // settlement is read after the sync that answers it
        Cursor all = backend.start("the backend started");
        List<LedgerEntry> booked = booked(backend, all, shoppersCredential());
        assertEquals(1, booked.stream().filter(e -> e.kind() == LedgerKind.SALE).count(), () -> "one sale; " + backend.shown(all));
        assertEquals(amount, booked.stream().mapToLong(LedgerEntry::charged).sum(), () -> "charged in all; " + backend.shown(all));
    }

    private static List<LedgerEntry> booked(EventLog<BackendRecord> backend, Cursor from, long credentialId) {
        return backend.since(from).stream().map(Seen::event).filter(bookedTo(credentialId)).map(r -> ((BackendRecord.Booked) r).entry()).toList();
    }

    /**
     * Waits up to 10 s, once the last {@code When} has been taken, for the backend to revoke the
     * credential of the token the phone last played, for the double spend.
     */
    @Then("the shopper's credential is on the revocation list")
    public void theCredentialIsRevoked() {
        long credential = rig.lastSounded().token().credential().credentialId();
        EventLog<BackendRecord> backend = cursors.backend();
        backend.await("the backend revokes the shopper's credential for the double spend", settlementSince(backend),
                r -> r instanceof BackendRecord.Revoked v && v.revocation().credentialId() == credential && v.revocation().reason().equals("DOUBLE_SPEND"),
                AnswerTimes.PATIENCE);
    }

    /**
     * MDB 4.2 §7.4.7: a RESET after VEND APPROVED is a sale; settlement books it so, once, for the shopper.
     *
     * <p>Waits up to 10 s for the backend to book the shopper's sale, then checks it is the only
     * booking.
     */
    @Then("settlement charges the shopper {money} once, booked as a reset after approval")
    public void settlementChargesAResetAsSale(long amount) {
        EventLog<BackendRecord> backend = cursors.backend();
        long credential = shoppersCredential();
        LedgerEntry sale = ((BackendRecord.Booked) backend.await("settlement books the shopper's sale", settlementSince(backend), bookedTo(credential),
                AnswerTimes.PATIENCE).event()).entry();
        assertEquals(LedgerKind.SALE, sale.kind(), sale::toString);
        assertEquals("RESET_AFTER_APPROVAL", sale.reason(), sale::toString);
        assertEquals(amount, sale.charged(), sale::toString);
        Cursor all = backend.start("the backend started");
        assertEquals(List.of(sale), booked(backend, all, credential), () -> "the shopper's only booking; " + backend.shown(all));
    }

    /**
     * Nothing charged to the shopper in this scenario. The backend's answer is in once the sync
     * before this has returned ({@link AnswerTimes#BACKEND_AFTER_SYNC}); a charge seen fails it.
     */
    @Then("settlement has charged the shopper nothing")
    public void settlementHasChargedNothing() {
        EventLog<BackendRecord> backend = cursors.backend();
        long credential = shoppersCredential();
        Cursor all = backend.start("the backend started");
        backend.awaitNone("settlement has charged the shopper nothing", all, chargedTo(credential), nothing(),
                Duration.ofNanos(Math.max(0, cursors.lastWhen().atNanos() - all.atNanos())).plus(AnswerTimes.BACKEND_AFTER_SYNC));
    }

    /**
     * Reads the backend's settlement report for the scenario's reader, after the sync that answers
     * it: no journal sequence missing, none pending, and as many entries as the highest sequence.
     */
    @Then("settlement of the reader has every journal entry and none pending")
    public void settlementHasEveryEntry() {
        cursors.lastWhen(); // read after the sync that answers it
        SettlementReport report = trust().readerNetwork().report(session().readerId());
        assertEquals(0, report.missingSequences(), report::toString);
        assertEquals(0, report.pending(), report::toString);
        assertEquals(report.highestSequence(), report.entries(), report::toString);
    }

    // ---- power ----

    /**
     * Makes the simulated vending machine's motor take this long to drop an item, so that something
     * can happen between VEND APPROVED and the dispense. Assumes the machine is the rig's simulated
     * one; nothing is awaited.
     */
    @Given("the machine takes {int} second(s) to drop an item")
    public void theMachineIsSlow(int seconds) {
        vmc().dispenseTakes(Duration.ofSeconds(seconds));
    }

    /**
     * Cuts the reader's power between VEND APPROVED (seen by the step before) and the dispense;
     * fails at once if the item had already dropped (the machine must be slower). Takes the mark
     * the following {@code Then}s look after. Needs a rig that can cut the reader's power (a power
     * hook for a process or real reader).
     */
    @When("the reader loses power while the machine drops the item")
    public void theReaderLosesPower() {
        Cursor approval = cursors.onBus();
        // The approval is on the bus (the step before saw it); the motor must not have finished.
        if (cursors.bus().first(approval, a(Type.DISPENSED)).isPresent()) {
            throw new IllegalStateException("the machine dispensed before the power cut: it must be slower; " + cursors.bus().shown(approval));
        }
        cursors.fromHere("the reader loses power while the machine drops the item");
        session().cutReaderPower();
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
        EventLog<VmcEvent> bus = cursors.bus();
        Seen<VmcEvent> dispensed = cursors.awaitOnBus("the machine drops the item", Type.DISPENSED);
        assertEquals(slot, dispensed.event().item(), "dispensed slot");
        Cursor after = bus.cursorAfter(dispensed, "the item dropped");
        Seen<VmcEvent> lost = bus.await("the machine gets no answer to VEND SUCCESS", after, a(Type.NO_RESPONSE),
                cursors.times().nonResponse(vmc().nonResponseTime()), cursors.machineState());
        assertTrue(bus.between(after, lost).stream().noneMatch(s -> a(Type.CONTROLLER_RESTARTED, Type.DISPENSE_FAILED).test(s.event())),
                () -> "the machine said something else than VEND SUCCESS after the item dropped; " + bus.shown(after));
    }

    /**
     * Restores the reader's power; the machine then finds it again by its polls. Takes the mark the
     * following {@code Then}s look after; nothing is awaited here.
     */
    @When("power returns to the reader")
    public void powerReturns() {
        cursors.fromHere("power returns to the reader");
        session().restoreReaderPower();
    }

    /**
     * Waits up to 10 s after the last {@code When} for the machine to reset, set up and enable the
     * reader again over MDB.
     */
    @Then("the machine sets up and enables the reader again")
    public void theMachineEnablesTheReaderAgain() {
        cursors.awaitOnBus("the machine resets, sets up and enables the reader", Type.READER_ENABLED);
    }

    // ---- two-way mode ----

    /**
     * The simulated reader is set to two-way mode here; a real reader's two-way mode is its own
     * setting, which this rig cannot change: the scenario is ABORTED there, not failed (DESIGN §3).
     */
    @Given("the reader sounds a challenge for each payment and refuses tokens without one")
    public void twoWayModeRequired() {
        if (session().readerInternals().isEmpty()) {
            Assumptions.abort("ABORTED: needs a reader this rig can set to two-way mode; the reader of rig '" + session().rig().name()
                    + "' keeps its own setting");
        }
        trust().enableTwoWay(phone(), true);
    }

    /**
     * Two-way mode (DESIGN §5.1): the phone sounds a HELLO, waits up to 5 s for the reader's
     * challenge on the air at its microphone, and plays a token that carries it. Takes the mark the
     * following {@code Then}s look after. Assumes a rig whose phone can hear the reader (the
     * simulated air).
     */
    @When("the phone asks for the reader's challenge and pays with a token that answers it")
    public void thePhonePaysAnsweringTheChallenge() {
        cursors.fromHere("the phone asks for the reader's challenge and pays");
        rig.remember(phone().payAnsweringChallenge(CHALLENGE_WITHIN));
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
        Mark when = cursors.lastWhen();
        PaymentToken token = rig.lastSounded().token();
        assertEquals(PaymentToken.Type.CHALLENGED, token.type(), "the token the phone paid with answers a challenge");
        String carried = HexFormat.of().formatHex(token.readerChallenge());
        List<String> heard = phone().challengesHeard().stream().filter(h -> h.atNanos() >= when.atNanos())
                .map(h -> HexFormat.of().formatHex(h.challenge())).toList();
        assertTrue(heard.contains(carried), () -> "the token carries challenge " + carried + "; the phone's microphone heard " + heard
                + " after '" + when.takenAt() + "'");
        cursors.awaitOnBus("the reader approves the vend the two-way token paid for", Type.VEND_APPROVED);
    }
}
