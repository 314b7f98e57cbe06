package io.wavebench.features.steps;

import io.wavebench.fixtures.observe.AnswerTimes;
import io.wavebench.fixtures.observe.BackendRecord;
import io.wavebench.fixtures.observe.Cursor;
import io.wavebench.fixtures.observe.EventLog;
import io.wavebench.fixtures.observe.Mark;
import io.wavebench.fixtures.observe.Observations;
import io.wavebench.fixtures.observe.Seen;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Where each {@code Then} of a scenario looks from (DESIGN §3, "observation is honest"), shared by
 * the step classes through PicoContainer. Every {@code When} that acts takes a {@link Mark} here
 * before it acts ({@link #fromHere}), and so does a step that says "from here"; every {@code Then}
 * looks only after the last one ({@link #lastWhen}), on whichever device it reads. Nothing from
 * before — an earlier purchase, the refusal of an earlier token — can answer it.
 */
public final class Cursors {

    private final ScenarioRig rig;
    private Mark lastWhen;
    /** Just after the machine first enabled its reader: the machine ready for shoppers. */
    private Cursor machineReady;

    public Cursors(ScenarioRig rig) {
        this.rig = rig;
    }

    private Observations observations() {
        return rig.session().observations();
    }

    /** From here, on every observed device: what a {@code When} takes before it acts. */
    Mark fromHere(String step) {
        lastWhen = observations().mark(step);
        return lastWhen;
    }

    /** The mark of the last {@code When} (or "from here" step), which the {@code Then} now running answers. */
    Mark lastWhen() {
        if (lastWhen == null) {
            throw new IllegalStateException("a Then of this scenario answers a When, but no step has acted yet (no cursor was taken)");
        }
        return lastWhen;
    }

    void machineReady(Cursor ready) {
        machineReady = ready;
    }

    /** Just after the machine first enabled its reader (the Background's machine). */
    Cursor machineReady() {
        if (machineReady == null) throw new IllegalStateException("no vending machine was started and enabled in this scenario");
        return machineReady;
    }

    EventLog<VmcEvent> bus() {
        return observations().machine();
    }

    EventLog<VmcEvent> secondBus() {
        return observations().machine(Observations.SECOND_MACHINE);
    }

    EventLog<BackendRecord> backend() {
        return observations().backend();
    }

    AnswerTimes times() {
        return rig.session().answerTimes();
    }

    /** The last {@code When}'s cursor on the vending machine's bus. */
    Cursor onBus() {
        return lastWhen().on(bus());
    }

    /**
     * The reader's full time to answer what the last {@code When} did: if a sound went on the air
     * since its cursor, the sound's time from the cursor and then the reader's decision
     * ({@link AnswerTimes#afterSound}); if nothing was sounded (a code on a screen, a cable), the
     * whole {@link AnswerTimes#PATIENCE}, for nothing tells how long it may take.
     */
    Duration readerAnswerTime() {
        Mark m = lastWhen();
        long soundEnded = rig.lastSoundEndedNanos();
        if (soundEnded >= m.atNanos()) return times().afterSound(Duration.ofNanos(soundEnded - m.atNanos()));
        return AnswerTimes.PATIENCE;
    }

    /** A bus event of one of {@code types}. */
    static Predicate<VmcEvent> a(Type first, Type... more) {
        Set<Type> types = EnumSet.of(first, more);
        return e -> types.contains(e.type());
    }

    /** Nothing settles it early: only the full answer time does. */
    static <E> Predicate<E> nothing() {
        return e -> false;
    }

    /** The first {@code type} event on the machine's bus after the last {@code When}'s cursor. */
    Seen<VmcEvent> awaitOnBus(String alias, Type type) {
        return bus().await(alias, onBus(), a(type), AnswerTimes.PATIENCE, machineState());
    }

    /** "; the machine is READY", for failure messages. */
    Supplier<String> machineState() {
        return () -> rig.session().vmcIfStarted().map(vmc -> "; the machine is " + vmc.state()).orElse("");
    }
}
