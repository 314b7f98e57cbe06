package io.wavebench.features.steps;

import io.wavebench.fixtures.observe.RigClock;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.simulators.reader.ReaderEvent;
import io.wavebench.simulators.reader.ReferenceReader;
import io.wavebench.simulators.vmc.VmcEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the rig saw at the end of a scenario that did not pass ({@code rig-saw.txt}, about ten
 * short lines): the air (each payment sounded, and the in-band SNR the channel was set to — DESIGN
 * §4 defines SNR over the profile's band), the reader (what it logged last: a simulated reader's
 * events, a process reader's output) and the bus (its last events and any VEND DENIED). It says
 * why a purchase timed out where the step's message, seen from the vending machine, cannot: a
 * reader that heard no frame on a noisy air is not a reader that refused a token.
 *
 * <p>It states only what the rig knows: on a real air the SNR at the reader is not measured, and
 * the line says so rather than give a figure.
 */
final class RigSaw {

    static final String NAME = "rig-saw.txt";
    private static final int LAST_BUS_EVENTS = 4;
    private static final int LAST_READER_LINES = 3;
    private static final int LINE = 200;

    private RigSaw() {}

    static String of(RigSession session, List<ScenarioRig.Sounding> soundings) {
        List<String> lines = new ArrayList<>();
        lines.add("air: " + session.airDescription().map(a -> a.replaceFirst(",? ?ref rms [0-9.]+", ""))
                .orElse("a real air (phone speaker '" + session.rig().roles().phone().speaker() + "'); the in-band SNR at the reader is not measured"));
        long now = RigClock.nanos();
        if (soundings.isEmpty()) {
            lines.add("sounded: nothing in this scenario");
        } else {
            ScenarioRig.Sounding last = soundings.get(soundings.size() - 1);
            lines.add(String.format(Locale.ROOT, "sounded: %d sound%s, the last %s%s, ended %.1f s before the end",
                    soundings.size(), soundings.size() == 1 ? "" : "s", last.profile(),
                    Double.isNaN(last.seconds()) ? "" : String.format(Locale.ROOT, " %.2f s long", last.seconds()), (now - last.endedNanos()) / 1e9));
        }
        lines.addAll(reader(session));
        lines.addAll(bus(session));
        return String.join(System.lineSeparator(), lines.stream().map(RigSaw::shorten).toList()) + System.lineSeparator();
    }

    private static List<String> reader(RigSession session) {
        ReferenceReader reader = session.reader().orElse(null);
        if (reader != null) {
            List<ReaderEvent> events = reader.events();
            long frames = events.stream().filter(e -> e.kind() == ReaderEvent.Kind.FRAME_DECODED).count();
            List<String> lines = new ArrayList<>();
            if (frames == 0) {
                boolean listening = events.stream().anyMatch(e -> e.kind() == ReaderEvent.Kind.LISTENING);
                lines.add("reader: " + (listening ? "only LISTENING, no frame decoded" : "not listening, no frame decoded"));
            } else {
                lines.add("reader: " + frames + " frame" + (frames == 1 ? "" : "s") + " decoded");
            }
            List<ReaderEvent> notable = events.stream().filter(e -> e.kind() != ReaderEvent.Kind.LISTENING && e.kind() != ReaderEvent.Kind.SYNCED).toList();
            for (ReaderEvent e : notable.subList(Math.max(0, notable.size() - LAST_READER_LINES), notable.size())) {
                lines.add("  " + e.kind() + (e.reason() == null ? "" : String.format(" %s [code %02X]", e.reason(), e.reason().code())) + (e.detail().isEmpty() ? "" : ": " + e.detail()));
            }
            return lines;
        }
        return session.readerOutput().map(output -> {
            List<String> all = output.lines().filter(l -> !l.isBlank()).toList();
            if (all.isEmpty()) return List.of("reader: printed nothing during the scenario");
            // a process reader prints its events by name (ReaderMain); periodic syncs and "listening" say nothing about this failure
            long frames = all.stream().filter(l -> l.contains(ReaderEvent.Kind.FRAME_DECODED.name())).count();
            List<String> printed = all.stream().filter(l -> !l.contains(" " + ReaderEvent.Kind.SYNCED.name()) && !l.contains(" " + ReaderEvent.Kind.LISTENING.name())).toList();
            List<String> lines = new ArrayList<>(List.of("reader: printed " + all.size() + " lines, " + (frames == 0 ? "no frame decoded" : frames + " with a frame decoded")
                    + (printed.isEmpty() ? " (only syncs and listening)" : "; the last " + Math.min(LAST_READER_LINES, printed.size()) + " others:")));
            printed.subList(Math.max(0, printed.size() - LAST_READER_LINES), printed.size()).forEach(l -> lines.add("  " + l.strip()));
            return lines;
        }).orElse(List.of("reader: a black box whose log the rig does not have"));
    }

    private static List<String> bus(RigSession session) {
        if (session.vmcIfStarted().isEmpty()) return List.of("bus: no vending machine in this scenario");
        List<VmcEvent> events = session.vmcIfStarted().get().events();
        List<String> lines = new ArrayList<>();
        List<VmcEvent> denied = events.stream().filter(e -> e.type() == VmcEvent.Type.VEND_DENIED).toList();
        lines.add("bus: " + events.size() + " events" + (denied.isEmpty() ? ", no VEND DENIED" : ", " + denied.size() + " VEND DENIED, the last " + denied.get(denied.size() - 1))
                + "; the last " + Math.min(LAST_BUS_EVENTS, events.size()) + ":");
        events.subList(Math.max(0, events.size() - LAST_BUS_EVENTS), events.size()).forEach(e -> lines.add("  " + e));
        return lines;
    }

    private static String shorten(String line) {
        return line.length() <= LINE ? line : line.substring(0, LINE - 1) + "…";
    }
}
