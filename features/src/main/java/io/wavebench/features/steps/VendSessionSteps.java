package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.drivers.serial.FaultySerialLink;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.simulators.reader.journal.AuthorizationJournal;
import io.wavebench.simulators.reader.journal.JournalEntry;
import io.wavebench.simulators.reader.journal.VendOutcome;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import io.wavebench.simulators.vmc.VmcState;
import java.time.Duration;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * The vend session's other paths (vend_session.feature). Assertions read the vending machine's
 * view of the bus; only the journal step needs the simulated reader's insides
 * ({@code @needs:reader-internals}). Each wait is named and bounded.
 */
public final class VendSessionSteps {

    private static final Duration ON_THE_BUS_WITHIN = Duration.ofSeconds(10);
    /** A payment sound takes ≈1.4 s on air; the reader answers within 300 ms of its end (DESIGN §6). */
    private static final Duration A_SOUND_AND_ITS_ANSWER = Duration.ofSeconds(3);

    private final ScenarioRig rig;
    /** Events from this index on belong to what the scenario did last. */
    private int from;

    public VendSessionSteps(ScenarioRig rig) {
        this.rig = rig;
    }

    private SimulatedVmc vmc() {
        return rig.session().vmc();
    }

    private int count(Type type) {
        return vmc().eventCount(type);
    }

    private VmcEvent awaitEvent(String alias, Type type, int after, Duration within) {
        return VmcEvents.await(vmc(), alias, type, after, within);
    }

    /** The session the last payment opened: the first BEGIN SESSION after the last session's end (or the reader's setup). */
    @Then("the reader opens a session with {money} available")
    public void theReaderOpensASession(long funds) {
        await("the reader sends BEGIN SESSION").atMost(ON_THE_BUS_WITHIN).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                assertTrue(newSession(vmc().events()) >= 0, () -> "no BEGIN SESSION since the last session ended; bus events: " + vmc().events()));
        List<VmcEvent> events = vmc().events();
        VmcEvent began = events.get(newSession(events));
        assertEquals(funds, began.amountMinorUnits(), () -> "funds in BEGIN SESSION, minor units; bus events: " + events);
        from = vmc().eventCount();
    }

    private static int newSession(List<VmcEvent> events) {
        int lastEnd = -1;
        for (int i = 0; i < events.size(); i++) {
            Type t = events.get(i).type();
            if (t == Type.SESSION_ENDED || t == Type.READER_ENABLED) lastEnd = i;
        }
        for (int i = lastEnd + 1; i < events.size(); i++) if (events.get(i).type() == Type.SESSION_BEGAN) return i;
        return -1;
    }

    @When("the shopper presses cancel")
    public void theShopperPressesCancel() {
        from = vmc().eventCount();
        vmc().cancel();
    }

    @When("the shopper walks away without choosing")
    public void theShopperWalksAway() {
        from = vmc().eventCount(); // nothing to do: the session is left open
    }

    @Then("the session ends with no vend requested")
    public void theSessionEndsWithNoVend() {
        awaitEvent("the reader answers END SESSION", Type.SESSION_ENDED, from, ON_THE_BUS_WITHIN.plus(rig.session().rig().mdb().sessionTimeoutOrDefault()));
        assertEquals(0, count(Type.VEND_REQUESTED), () -> "no VEND REQUEST; bus events: " + vmc().events());
        assertEquals(0, count(Type.DISPENSED));
    }

    @Given("the machine will fail to dispense the next vend")
    public void theMachineWillFailToDispense() {
        vmc().failNextDispense();
    }

    @Then("the machine tells the reader the vend failed")
    public void theMachineSendsVendFailure() {
        awaitEvent("the machine sends VEND FAILURE", Type.DISPENSE_FAILED, 0, ON_THE_BUS_WITHIN);
        assertEquals(0, count(Type.DISPENSED));
        assertTrue(vmc().trace().toText().contains("VEND FAILURE"), "VEND FAILURE on the bus");
    }

    @Given("the machine's controller will restart during the next vend")
    public void theControllerWillRestart() {
        vmc().resetDuringNextVend();
    }

    @Then("the machine resets the reader before saying VEND SUCCESS")
    public void theMachineResetsTheReader() {
        awaitEvent("the controller restarts", Type.CONTROLLER_RESTARTED, 0, ON_THE_BUS_WITHIN);
        from = indexOf(Type.CONTROLLER_RESTARTED);
        assertTrue(!vmc().trace().toText().contains("VEND SUCCESS"), "no VEND SUCCESS on the bus");
    }

    @Then("the reader is set up and enabled again")
    public void theReaderIsEnabledAgain() {
        awaitEvent("the reader is reset, set up and enabled again", Type.READER_ENABLED, from, ON_THE_BUS_WITHIN);
    }

    @Then("the reader's journal books {money} for slot {int} as a sale")
    public void theJournalBooksASale(long amount, int slot) {
        AuthorizationJournal journal = rig.readerInternals().journal();
        await("the reader books the vend as a sale").atMost(ON_THE_BUS_WITHIN).untilAsserted(() -> {
            List<JournalEntry> entries = journal.entries();
            assertEquals(1, entries.size(), () -> "journal: " + entries);
            assertEquals(VendOutcome.SOLD_ON_RESET, entries.get(0).outcome(), () -> "journal: " + entries);
            assertEquals(amount, entries.get(0).amount());
            assertEquals(slot, entries.get(0).item());
        });
    }

    @Then("the reader asks the machine to end the session within its session timeout")
    public void theReaderTimesOutTheSession() {
        Duration timeout = rig.session().rig().mdb().sessionTimeoutOrDefault();
        awaitEvent("the reader sends SESSION CANCEL REQUEST", Type.SESSION_CANCEL_REQUESTED, from, timeout.plus(Duration.ofSeconds(2)));
    }

    @Given("the machine has taken the reader out of service")
    public void theMachineDisablesTheReader() {
        int before = vmc().eventCount();
        vmc().disableReader();
        awaitEvent("the reader ACKs READER DISABLE", Type.READER_DISABLED, before, ON_THE_BUS_WITHIN);
    }

    @When("the machine puts the reader back in service")
    public void theMachineEnablesTheReader() {
        int before = vmc().eventCount();
        vmc().enableReader();
        awaitEvent("the reader ACKs READER ENABLE", Type.READER_ENABLED, before, ON_THE_BUS_WITHIN);
    }

    @Then("no session opens on the MDB bus")
    public void noSessionOpens() {
        // The sound has been played; give the reader the time it would need to answer, and watch.
        await("no BEGIN SESSION while the reader is disabled").during(A_SOUND_AND_ITS_ANSWER).atMost(A_SOUND_AND_ITS_ANSWER.plusSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count(Type.SESSION_BEGAN) == 0);
        assertEquals(VmcState.READY, vmc().state());
    }

    @Given("the MDB cable corrupts {int} % and drops {double} % of its bytes")
    public void theCableIsNoisy(int corruptPercent, double dropPercent) {
        FaultySerialLink line = rig.session().vmcLine().orElseThrow(() -> new TestAbortedException("ABORTED: needs line faults, which rig '"
                + rig.session().rig().name() + "' does not have: its VMC port is a UART (mdb.transport: uart), whose parity bits the adapter makes"));
        line.corrupt(corruptPercent / 100.0).drop(dropPercent / 100.0);
    }

    @Then("the machine never had to reset the reader")
    public void theMachineNeverResetTheReader() {
        assertEquals(1, count(Type.READER_JUST_RESET), () -> "only the power-up RESET; bus events: " + vmc().events()
                + "; line faults: " + rig.session().vmcLine().map(FaultySerialLink::counts).orElse(null));
        assertEquals(0, count(Type.NO_RESPONSE));
    }

    @When("the reader's MDB cable is unplugged")
    public void theReadersCableIsUnplugged() {
        RigSession session = rig.session();
        from = vmc().eventCount();
        session.unplugReaderCable();
    }

    @Then("the machine reports the reader lost after its non-response time, naming the port")
    public void theMachineReportsTheReaderLost() {
        VmcEvent lost = awaitEvent("the machine gives up on the silent reader", Type.NO_RESPONSE, from, ON_THE_BUS_WITHIN);
        await("the machine is in NO_READER").atMost(ON_THE_BUS_WITHIN).until(() -> vmc().state() == VmcState.NO_READER);
        String port = rig.session().vmcLine().map(FaultySerialLink::name).orElse(rig.session().rig().roles().vmc().mdbPort());
        assertTrue(lost.detail().contains(port), () -> "the report names the port " + port + ": " + lost.detail());
        assertTrue(lost.detail().contains("non-response time"), lost.detail());
    }

    @Then("nothing is dispensed")
    public void nothingIsDispensed() {
        assertEquals(0, count(Type.DISPENSED), () -> "bus events: " + vmc().events());
    }

    private int indexOf(Type type) {
        List<VmcEvent> events = vmc().events();
        for (int i = 0; i < events.size(); i++) if (events.get(i).type() == type) return i;
        return 0;
    }
}
