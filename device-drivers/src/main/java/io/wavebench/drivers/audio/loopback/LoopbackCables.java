package io.wavebench.drivers.audio.loopback;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sound.sampled.Mixer;

/**
 * The four virtual loopback cables of this JVM, {@code wavebench loopback 1} … {@code 4}: where
 * the rig assembler configures the simulated air (DESIGN §3). They are static singletons because
 * javax.sound creates a new {@link LoopbackMixerProvider} on every call and compares mixers by
 * identity of their {@link Mixer.Info} (DESIGN §7).
 */
public final class LoopbackCables {

    /**
     * Enough for four scenarios side by side (fixtures' RigLanes) on the sim rig, which uses three
     * cables: the air, the reader's speaker to the phone (two-way mode), and a second machine's air.
     */
    public static final int COUNT = 12;
    public static final String NAME_PREFIX = "wavebench loopback ";

    private static final List<LoopbackCable> CABLES = IntStream.rangeClosed(1, COUNT)
        .mapToObj(i -> new LoopbackCable(NAME_PREFIX + i))
        .collect(Collectors.toUnmodifiableList());

    private LoopbackCables() {}

    /** The cable whose mixer is named exactly {@code mixerName}. */
    public static LoopbackCable cable(String mixerName) {
        for (LoopbackCable cable : CABLES) {
            if (cable.name().equals(mixerName)) return cable;
        }
        throw new IllegalArgumentException("no loopback cable named '" + mixerName + "'; there are "
            + CABLES.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(", ")));
    }

    /** Cable {@code number}, 1 to {@link #COUNT}. */
    public static LoopbackCable cable(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("no loopback cable " + number + "; cables are numbered 1 to " + COUNT);
        }
        return CABLES.get(number - 1);
    }

    public static List<LoopbackCable> all() {
        return CABLES;
    }

    /** Resets every cable (see {@link LoopbackCable#reset()}). */
    public static void resetAll() {
        CABLES.forEach(LoopbackCable::reset);
    }

    static Mixer.Info[] mixerInfos() {
        return CABLES.stream().map(c -> c.mixer().getMixerInfo()).toArray(Mixer.Info[]::new);
    }
}
