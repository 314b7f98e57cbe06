package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.data.Money;
import io.wavebench.fixtures.rig.RigAssembler;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.fixtures.trust.TrustRig;
import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.backend.api.DoubleSpend;
import io.wavebench.simulators.backend.api.LedgerEntry;
import io.wavebench.simulators.backend.api.LedgerKind;
import io.wavebench.simulators.backend.api.Revocation;
import io.wavebench.simulators.backend.api.SettlementReport;
import io.wavebench.simulators.phone.SimulatedPhone;
import io.wavebench.simulators.reader.ReaderEvent;
import io.wavebench.simulators.reader.SimulatedReader;
import io.wavebench.simulators.token.Credential;
import io.wavebench.simulators.token.Ed25519;
import io.wavebench.simulators.token.PaymentToken;
import io.wavebench.simulators.token.RejectionReason;
import io.wavebench.simulators.vmc.Catalog;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Offline trust (offline_trust.feature; DESIGN §5.1, §5.6): credentials off the reader's clock,
 * the backend the phone and readers reach when online, a second machine, a power cut at the
 * reader, two-way mode. Bus assertions read the vending machines' view; settlement assertions read
 * the backend, as an operator would; only steps tagged {@code @needs:reader-internals} look inside
 * the simulated reader.
 */
public final class TrustSteps {

    private static final long ACCOUNT = 4242;
    private static final Duration CREDENTIAL_VALIDITY = Duration.ofDays(7);
    private static final Duration ON_THE_BUS_WITHIN = Duration.ofSeconds(10);
    /** A HELLO on air (≈0.3 s), the reader's answer and its challenge on air (≈0.4 s), with room for a loaded machine. */
    private static final Duration CHALLENGE_WITHIN = Duration.ofSeconds(5);

    private final ScenarioRig rig;
    /** Bus events of the rig's machine from this index on belong to what the scenario did last. */
    private int from;
    private Credential before;

    public TrustSteps(ScenarioRig rig) {
        this.rig = rig;
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

    private SimulatedReader readerInternals() {
        return rig.readerInternals();
    }

    // ---- credentials ----

    @Given("a shopper's phone holding a credential from the issuer that expired {int} minutes ago")
    public void aPhoneWithAnExpiredCredential(int minutes) {
        // Issued a week and N minutes ago for a week: it ended N minutes ago, far outside the skew allowance.
        Clock then = Clock.offset(session().clock(), CREDENTIAL_VALIDITY.plusMinutes(minutes).negated());
        provisionFrom(session().issuer().withClock(then));
    }

    @Given("a shopper's phone holding a credential from an issuer whose clock is {int} seconds ahead of the reader's")
    public void aPhoneWithACredentialFromAClockAhead(int seconds) {
        provisionFrom(session().issuer().withClock(Clock.offset(session().clock(), Duration.ofSeconds(seconds))));
    }

    private void provisionFrom(Issuer issuer) {
        phone().setOnline(true);
        phone().refreshCredential(issuer, ACCOUNT, 20_00, Money.EUR, CREDENTIAL_VALIDITY);
    }

    @Given("^the phone's clock is (\\d+) seconds (ahead of|behind) the reader's$")
    public void thePhonesClockIsOff(int seconds, String direction) {
        Duration offset = Duration.ofSeconds(seconds);
        phone().setClockOffset(direction.equals("behind") ? offset.negated() : offset);
    }

    @Given("a shopper's phone enrolled with the backend with an offline limit of {money}")
    public void aPhoneEnrolledWithTheBackend(long limit) {
        phone().setOnline(true);
        phone().enrollWith(trust().phoneNetwork(), ACCOUNT, limit, Money.EUR);
    }

    @Given("the issuer has revoked the shopper's credential")
    public void theIssuerRevokes() {
        trust().readerNetwork().revoke(phone().wallet().credential().credentialId(), "phone reported stolen");
    }

    @When("the phone comes back online")
    public void thePhoneComesBackOnline() {
        before = phone().wallet().credential();
        phone().setOnline(true);
        phone().refreshWith(trust().phoneNetwork());
    }

    @Then("the phone holds a fresh credential from the backend for the same account and limit")
    public void thePhoneHoldsAFreshCredential() {
        Credential fresh = phone().wallet().credential();
        assertNotEquals(before.credentialId(), fresh.credentialId(), "a new credential id");
        assertEquals(before.accountId(), fresh.accountId(), "same account");
        assertEquals(before.offlineLimit(), fresh.offlineLimit(), "same offline limit");
        assertArrayEquals(before.devicePublicKey(), fresh.devicePublicKey(), "bound to the same device key");
        assertTrue(fresh.notBefore() >= before.notBefore() && fresh.notAfter() >= before.notAfter(), () -> "a window no older: " + before + " → " + fresh);
        assertTrue(Ed25519.verify(session().issuer().publicKey(), fresh.signedPart(), fresh.issuerSignature()), "signed by the issuer the reader trusts");
    }

    // ---- purchases and refusals on the bus ----

    @Given("the shopper has bought slot {int} by sound {int} times")
    public void theShopperHasBoughtTimes(int slot, int times) {
        for (int i = 0; i < times; i++) {
            int at = vmc().eventCount();
            vmc().select(slot);
            rig.remember(phone().pay());
            awaitEvent(vmc(), "purchase " + (i + 1) + ": VEND APPROVED", Type.VEND_APPROVED, at);
            VmcEvent dispensed = awaitEvent(vmc(), "purchase " + (i + 1) + ": dispensed", Type.DISPENSED, at);
            assertEquals(slot, dispensed.item());
            awaitEvent(vmc(), "purchase " + (i + 1) + ": the session ends", Type.SESSION_ENDED, at);
        }
        from = vmc().eventCount();
    }

    @Then("the reader denies the vend: {reason}")
    public void theReaderDeniesTheVend(RejectionReason reason) {
        awaitEvent(vmc(), "the reader answers VEND DENIED", Type.VEND_DENIED, from);
        VmcEvent shown = awaitEvent(vmc(), "the machine's display shows why", Type.DISPLAYED, from);
        assertEquals(reason.displayText(), shown.detail(), "the display names the refusal and its code");
        session().readerInternals().ifPresent(reader -> assertTrue(reader.events().stream()
                        .anyMatch(e -> e.kind() == ReaderEvent.Kind.VEND_DENIED && e.reason() == reason),
                () -> "the reader's log names " + reason + ": " + reader.events()));
    }

    @Then("the machine has dispensed {int} items in all")
    public void theMachineHasDispensed(int items) {
        assertEquals(items, vmc().eventCount(Type.DISPENSED), () -> "bus events: " + vmc().events());
    }

    // ---- the reader online ----

    @When("the reader goes online and syncs")
    public void theReaderSyncs() {
        trust().syncReader();
    }

    @When("both readers go online and sync")
    public void bothReadersSync() {
        trust().syncReader();
        trust().syncNextReader();
    }

    // ---- a second machine ----

    @Given("a second vending machine elsewhere selling {string} at {money} from slot {int}")
    public void aSecondMachine(String name, long price, int slot) {
        SimulatedVmc next = trust().startNextMachine(Catalog.of(new Catalog.Item(slot, name, price)));
        awaitEvent(next, "the second machine enables its reader over MDB", Type.READER_ENABLED, 0);
    }

    @When("someone selects slot {int} at the second machine")
    public void someoneSelectsAtTheSecondMachine(int slot) {
        trust().nextVmc().select(slot);
    }

    @When("plays a recording of the shopper's payment sound there")
    public void playsTheRecordingThere() {
        // The exact samples the shopper's phone played: a perfect recording, replayed elsewhere.
        trust().playAtNextMachine(rig.lastSounded().samples());
    }

    @Then("the second machine's reader approves a vend of {money}")
    public void theSecondReaderApproves(long amount) {
        VmcEvent approved = awaitEvent(trust().nextVmc(), "the second machine's reader sends VEND APPROVED", Type.VEND_APPROVED, 0);
        assertEquals(amount, approved.amountMinorUnits());
    }

    @Then("the second machine dispenses slot {int}")
    public void theSecondMachineDispenses(int slot) {
        assertEquals(slot, awaitEvent(trust().nextVmc(), "the second machine dispenses", Type.DISPENSED, 0).item());
    }

    // ---- settlement ----

    @Then("settlement flags the shopper's token as spent at both machines")
    public void settlementFlagsTheDoubleSpend() {
        PaymentToken token = rig.lastSounded().token();
        List<DoubleSpend> flagged = trust().readerNetwork().doubleSpends();
        assertEquals(1, flagged.size(), () -> "double spends: " + flagged);
        DoubleSpend d = flagged.get(0);
        assertEquals(token.credential().credentialId(), d.credentialId());
        assertEquals(token.counter(), d.counter());
        assertEquals(Set.of(RigAssembler.READER_ID, TrustRig.NEXT_READER_ID), Set.of(d.readerId(), d.firstReaderId()), d::toString);
    }

    @Then("the shopper's account is charged {money} once")
    public void theAccountIsChargedOnce(long amount) {
        List<LedgerEntry> ledger = trust().readerNetwork().ledgerOfAccount(ACCOUNT);
        assertEquals(1, ledger.stream().filter(e -> e.kind() == LedgerKind.SALE).count(), () -> "ledger: " + ledger);
        assertEquals(amount, ledger.stream().mapToLong(LedgerEntry::charged).sum(), () -> "ledger: " + ledger);
    }

    @Then("the shopper's credential is on the revocation list")
    public void theCredentialIsRevoked() {
        long credential = rig.lastSounded().token().credential().credentialId();
        List<Revocation> revoked = trust().readerNetwork().revocations(0).revocations();
        assertTrue(revoked.stream().anyMatch(r -> r.credentialId() == credential && r.reason().equals("DOUBLE_SPEND")), () -> "revocations: " + revoked);
    }

    @Then("settlement charges the shopper's account {money} once, booked as a reset after approval")
    public void settlementChargesAResetAsSale(long amount) {
        List<LedgerEntry> ledger = trust().readerNetwork().ledgerOfAccount(ACCOUNT);
        assertEquals(1, ledger.size(), () -> "ledger: " + ledger);
        assertEquals(LedgerKind.SALE, ledger.get(0).kind());
        assertEquals("RESET_AFTER_APPROVAL", ledger.get(0).reason());
        assertEquals(amount, ledger.get(0).charged());
    }

    @Then("settlement of the reader has every journal entry and none pending")
    public void settlementHasEveryEntry() {
        SettlementReport report = trust().readerNetwork().report(RigAssembler.READER_ID);
        assertEquals(0, report.missingSequences(), report::toString);
        assertEquals(0, report.pending(), report::toString);
        assertEquals(report.highestSequence(), report.entries(), report::toString);
    }

    // ---- power ----

    @Given("the machine takes {int} second(s) to drop an item")
    public void theMachineIsSlow(int seconds) {
        vmc().dispenseTakes(Duration.ofSeconds(seconds));
    }

    @When("the reader loses power while the machine drops the item")
    public void theReaderLosesPower() {
        from = vmc().eventCount();
        // The approval is on the bus (the previous step saw it); the motor has not finished.
        assertEquals(0, vmc().eventCount(Type.DISPENSED), () -> "the machine dispensed before the power cut: it must be slower; bus events: " + vmc().events());
        session().cutReaderPower();
    }

    @Then("the machine dispenses slot {int} and finds the reader gone")
    public void theMachineFindsTheReaderGone(int slot) {
        assertEquals(slot, awaitEvent(vmc(), "the machine drops the item", Type.DISPENSED, from).item());
        awaitEvent(vmc(), "the machine gets no answer to VEND SUCCESS", Type.NO_RESPONSE, from);
        assertTrue(vmc().trace().toText().contains("VEND SUCCESS"), "the machine sent VEND SUCCESS into the silence");
    }

    @When("power returns to the reader")
    public void powerReturns() {
        from = vmc().eventCount();
        session().restoreReaderPower();
    }

    @Then("the machine sets up and enables the reader again")
    public void theMachineEnablesTheReaderAgain() {
        awaitEvent(vmc(), "the machine resets, sets up and enables the reader", Type.READER_ENABLED, from);
    }

    // ---- two-way mode ----

    @Given("the reader sounds a challenge for each payment and refuses tokens without one")
    public void twoWayModeRequired() {
        trust().enableTwoWay(phone(), true);
    }

    @When("the phone asks for the reader's challenge and pays with a token that answers it")
    public void thePhonePaysAnsweringTheChallenge() {
        rig.remember(phone().payAnsweringChallenge(CHALLENGE_WITHIN));
    }

    @Then("the token the reader took carries the challenge the reader sounded")
    public void theTokenCarriesTheChallenge() {
        PaymentToken token = rig.lastSounded().token();
        assertEquals(PaymentToken.Type.CHALLENGED, token.type());
        String challenge = HexFormat.of().formatHex(token.readerChallenge());
        SimulatedReader reader = readerInternals();
        List<ReaderEvent> events = reader.events();
        assertTrue(events.stream().anyMatch(e -> e.kind() == ReaderEvent.Kind.CHALLENGE_SOUNDED && e.detail().contains(challenge)),
                () -> "the reader sounded challenge " + challenge + "; its log: " + events);
        assertTrue(reader.decodedFrames().stream().anyMatch(f -> Arrays.equals(f, token.encode())), "the reader heard the two-way token");
        assertTrue(events.stream().anyMatch(e -> e.kind() == ReaderEvent.Kind.TOKEN_ACCEPTED), () -> "its log: " + events);
    }

    // ---- helpers ----

    private static VmcEvent awaitEvent(SimulatedVmc vmc, String alias, Type type, int after) {
        return VmcEvents.await(vmc, alias, type, after, ON_THE_BUS_WITHIN);
    }
}
