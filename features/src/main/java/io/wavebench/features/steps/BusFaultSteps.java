package io.wavebench.features.steps;

import static io.wavebench.fixtures.scenario.Cursors.a;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.wavebench.drivers.mdb.MdbFault;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.MdbTrace.Checksum;
import io.wavebench.drivers.mdb.MdbTrace.Direction;
import io.wavebench.fixtures.observe.AnswerTimes;
import io.wavebench.fixtures.observe.Cursor;
import io.wavebench.fixtures.observe.EventLog;
import io.wavebench.fixtures.observe.Mark;
import io.wavebench.fixtures.observe.Observations;
import io.wavebench.fixtures.observe.Seen;
import io.wavebench.simulators.reader.SimulatedReader;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import io.wavebench.fixtures.scenario.ScenarioRig;
import io.wavebench.fixtures.scenario.Cursors;
import java.util.Arrays;
import java.util.List;

/**
 * Named MDB link faults (MDB 4.2 §2.2, {@link MdbFault}) made to happen once, and how the bus
 * repaired them, read from the vending machine's own trace of the bus — what a bus analyser
 * between a real reader and its machine would show too — from the fault's cursor on.
 *
 * <p>Assumes of the rig: the machine is wavebench's simulated VMC (it keeps the trace and makes
 * its own faults); a fault of the reader's needs a reader this rig can make misbehave (its
 * insides), else the scenario is ABORTED.
 */
public final class BusFaultSteps {

    /** What the machine saw on the bus, in the words of the feature. */
    public enum Sight {
        RESENT_UNANSWERED("no answer to a command, sent it again, and got the answer"),
        RET_AFTER_BAD_CHECKSUM("a reply with a bad checksum, did not take it, and got it again"),
        REPEATED_UNACKED_REPLY("the reader repeat a reply it had not acknowledged at the next POLL"),
        NEXT_COMMAND_AS_ACK("its next command taken for the acknowledgement it had not sent"),
        NAK_AFTER_BAD_CHECKSUM("the reader NAK a command with a bad checksum, and sent it again");

        final String words;

        Sight(String words) {
            this.words = words;
        }
    }

    private final ScenarioRig rig;
    private final Cursors cursors;
    /** Taken when the fault was asked for: what the bus did from then on is how it was repaired. */
    private Mark fault;

    public BusFaultSteps(ScenarioRig rig, Cursors cursors) {
        this.rig = rig;
        this.cursors = cursors;
    }

    private SimulatedVmc vmc() {
        return rig.session().vmc();
    }

    @ParameterType("NO_ACK|BAD_CHECKSUM|SILENCE|OUT_OF_SEQUENCE")
    public MdbFault mdbFault(String name) {
        return MdbFault.valueOf(name);
    }

    @ParameterType("no answer to a command, sent it again, and got the answer|a reply with a bad checksum, did not take it, and got it again"
            + "|the reader repeat a reply it had not acknowledged at the next POLL|its next command taken for the acknowledgement it had not sent"
            + "|the reader NAK a command with a bad checksum, and sent it again")
    public Sight busSight(String words) {
        return Arrays.stream(Sight.values()).filter(s -> s.words.equals(words)).findFirst().orElseThrow();
    }

    /** From here: the fault is asked for now, and what the bus does from now on answers it. */
    @Given("the reader will misbehave once on the bus: {mdbFault}")
    public void theReaderWillMisbehave(MdbFault fault) {
        SimulatedReader reader = rig.readerInternals();
        this.fault = cursors.fromHere("the reader will misbehave once: " + fault);
        reader.inject(fault);
    }

    /**
     * From here: the vending machine controller misbehaves once in the way named (no ACK, a bad
     * checksum, silence, a command out of sequence), and what the bus does from now on answers it.
     * Works with any reader, simulated or real, since the fault is the machine's own.
     */
    @Given("the machine will misbehave once on the bus: {mdbFault}")
    public void theMachineWillMisbehave(MdbFault fault) {
        this.fault = cursors.fromHere("the machine will misbehave once: " + fault);
        vmc().inject(fault);
    }

    private Mark fault() {
        if (fault == null) throw new IllegalStateException("no fault was asked for in this scenario ('... will misbehave once on the bus: ...')");
        return fault;
    }

    /**
     * How the link repaired the fault, read from the machine's trace of the wire after the fault's
     * cursor. Asked once the purchase has ended (the steps before saw its session end), so the
     * window is closed: this looks for a repair that happened, it does not wait for one.
     */
    @Then("the machine saw {busSight}")
    public void theMachineSaw(Sight sight) {
        EventLog<MdbTrace.Entry> wire = rig.session().observations().wire(Observations.MACHINE);
        List<MdbTrace.Entry> since = wire.since(fault().on(wire)).stream().map(Seen::event).toList();
        int at = switch (sight) {
            // MDB 4.2 §2.2: silence counts as a NAK; the VMC repeats the command, and the answer comes.
            case RESENT_UNANSWERED -> find(since, 0, e -> e.direction() == Direction.READER_TO_VMC && e.meaning().startsWith("(no response to"),
                    e -> e.direction() == Direction.VMC_TO_READER && e.meaning().contains("(retransmission "),
                    e -> e.direction() == Direction.READER_TO_VMC && e.checksum() != Checksum.BAD && e.words().length > 0);
            // MDB 4.2 §2.2: a reply whose CHK is wrong is not ACKed; the VMC asks for it again with RET
            // (or, when its attempts ran out on a slow line, with its next POLL, which the reader answers with the reply it still holds).
            case RET_AFTER_BAD_CHECKSUM -> badReplyRefusedThenGood(since);
            // The reader sends a reply the VMC did not ACK again at the next POLL; the VMC acts on it once (checked by the events).
            case REPEATED_UNACKED_REPLY -> repeatedReply(since);
            // ... unless the VMC's next command is not a POLL: the reader takes it as the ACK and answers it, repeating nothing.
            case NEXT_COMMAND_AS_ACK -> nextCommandAsAck(since);
            // MDB 4.2 §2.2: the reader NAKs a block whose CHK is wrong; the VMC sends it again.
            case NAK_AFTER_BAD_CHECKSUM -> find(since, 0, e -> e.direction() == Direction.VMC_TO_READER && e.checksum() == Checksum.BAD,
                    // the NAK, or the same NAK arriving after the VMC's response timeout on a loaded host (then discarded as stale)
                    e -> e.direction() == Direction.READER_TO_VMC && (e.meaning().equals("NAK")
                            || e.meaning().equals("stale word discarded") && e.words().length == 1 && (e.words()[0] & 0xFF) == 0xFF),
                    e -> e.direction() == Direction.VMC_TO_READER && e.meaning().contains("(retransmission ") && e.checksum() == Checksum.OK);
        };
        assertTrue(at >= 0, () -> "the bus since the fault was asked for shows no sign of it being repaired as \"" + sight.words + "\":\n" + text(since));
    }

    /** Index of the first entry matching {@code steps[0]} that is followed, in order, by entries matching the rest; -1 if none. */
    @SafeVarargs
    private static int find(List<MdbTrace.Entry> entries, int from, java.util.function.Predicate<MdbTrace.Entry>... steps) {
        for (int i = from; i < entries.size(); i++) {
            if (!steps[0].test(entries.get(i))) continue;
            int j = i + 1, k = 1;
            for (; k < steps.length && j < entries.size(); j++) if (steps[k].test(entries.get(j))) k++;
            if (k == steps.length) return i;
        }
        return -1;
    }

    private static int badReplyRefusedThenGood(List<MdbTrace.Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            MdbTrace.Entry bad = entries.get(i);
            if (bad.direction() != Direction.READER_TO_VMC || bad.checksum() != Checksum.BAD || bad.words().length < 2) continue;
            int[] data = Arrays.copyOf(bad.words(), bad.words().length - 1);
            MdbTrace.Entry answer = entries.stream().skip(i + 1).filter(e -> e.direction() == Direction.VMC_TO_READER).findFirst().orElse(null);
            if (answer == null || answer.meaning().equals("ACK")) continue; // taken: that is the failure
            for (int j = i + 1; j < entries.size(); j++) {
                MdbTrace.Entry e = entries.get(j);
                if (e.direction() == Direction.READER_TO_VMC && e.checksum() == Checksum.OK && e.words().length == bad.words().length
                        && Arrays.equals(Arrays.copyOf(e.words(), data.length), data)) return i;
            }
        }
        return -1;
    }

    private static int repeatedReply(List<MdbTrace.Entry> entries) {
        for (int i = 1; i < entries.size(); i++) {
            if (!entries.get(i).meaning().startsWith("(fault NO_ACK")) continue;
            int[] withheld = entries.get(i - 1).words();
            for (int j = i + 1; j < entries.size(); j++) {
                MdbTrace.Entry e = entries.get(j);
                if (e.direction() == Direction.READER_TO_VMC && Arrays.equals(e.words(), withheld)) return i;
            }
        }
        return -1;
    }

    private static int nextCommandAsAck(List<MdbTrace.Entry> entries) {
        for (int i = 1; i + 2 < entries.size(); i++) {
            if (!entries.get(i).meaning().startsWith("(fault NO_ACK")) continue;
            int[] withheld = entries.get(i - 1).words();
            MdbTrace.Entry next = entries.get(i + 1), answer = entries.get(i + 2);
            boolean repeated = entries.subList(i + 1, entries.size()).stream()
                    .anyMatch(e -> e.direction() == Direction.READER_TO_VMC && Arrays.equals(e.words(), withheld));
            if (next.direction() == Direction.VMC_TO_READER && !next.meaning().startsWith("POLL") && next.words().length > 0
                    && answer.direction() == Direction.READER_TO_VMC && answer.words().length > 0 && !repeated) return i;
        }
        return -1;
    }

    private static String text(List<MdbTrace.Entry> entries) {
        StringBuilder s = new StringBuilder();
        entries.stream().limit(60).forEach(e -> s.append(e.toText()).append('\n'));
        return s.toString();
    }

    /**
     * From the fault on, one session, one approval, one item — counted up to the end of the session
     * the last {@code When} led to: a vend acted on twice (a repeated VEND REQUEST taken again)
     * shows before that session ends, so its end closes the window.
     */
    @Then("the machine approved and dispensed exactly once")
    public void approvedAndDispensedOnce() {
        EventLog<VmcEvent> bus = cursors.bus();
        Cursor from = fault().on(bus);
        Seen<VmcEvent> ended = cursors.awaitOnBus("the session of the last purchase ends", Type.SESSION_ENDED);
        List<Seen<VmcEvent>> window = bus.between(from, ended);
        for (Type type : List.of(Type.SESSION_BEGAN, Type.VEND_APPROVED, Type.DISPENSED)) {
            assertEquals(1, window.stream().filter(s -> s.event().type() == type).count(), () -> type + " on the bus since the fault; " + bus.shown(from));
        }
    }

    /**
     * MDB 4.2 §7.3: COMMAND OUT OF SEQUENCE, then the machine's RESET, then setup and READER ENABLE.
     *
     * <p>Waits up to 10 s for each in turn, after the last {@code When}, on the machine's bus.
     */
    @Then("the machine resets the reader after COMMAND OUT OF SEQUENCE, and sets it up and enables it again")
    public void theMachineResetsTheReaderAfterOutOfSequence() {
        EventLog<VmcEvent> bus = cursors.bus();
        Seen<VmcEvent> said = cursors.awaitOnBus("the reader says COMMAND OUT OF SEQUENCE", Type.OUT_OF_SEQUENCE);
        Cursor after = bus.cursorAfter(said, "COMMAND OUT OF SEQUENCE");
        Seen<VmcEvent> reset = bus.await("the machine resets the reader after COMMAND OUT OF SEQUENCE", after, a(Type.READER_JUST_RESET),
                AnswerTimes.PATIENCE, cursors.machineState());
        bus.await("the machine sets up and enables the reader again", bus.cursorAfter(reset, "the reader's JUST RESET"), a(Type.READER_ENABLED),
                AnswerTimes.PATIENCE, cursors.machineState());
    }
}
