package io.wavebench.features.steps;

import io.cucumber.java.Scenario;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.fixtures.codes.CodeRig;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.simulators.printer.PrintedReceipt;
import io.wavebench.simulators.printer.ReceiptRenderer;
import io.wavebench.simulators.reader.ReaderEvent;
import io.wavebench.simulators.reader.ReferenceReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The optical side's evidence (DESIGN §3), written beside {@code air.png} by {@link Hooks}: each
 * kiosk's printed tickets as the paper looks ({@code printed-ticket-*.png}), each kiosk's own log
 * and screen, the last frame each code camera kept, what the reader's camera read, and on a bench
 * what the window in front of the real reader showed it. Camera frames are of the phone's payment
 * and ticket codes only, never of card photos (DESIGN §5.4: the reader keeps none).
 */
final class CodeEvidence {

    /** What the reader's camera did, from its log: codes read, barcodes, cards (masked), tickets. */
    private static final Set<ReaderEvent.Kind> CAMERA_EVENTS = EnumSet.of(ReaderEvent.Kind.CODE_READ, ReaderEvent.Kind.BARCODE,
            ReaderEvent.Kind.CARD_BOUND, ReaderEvent.Kind.CARD_REFUSED, ReaderEvent.Kind.CARD_RETAKE, ReaderEvent.Kind.DISPLAYED,
            ReaderEvent.Kind.TICKET_PRINTED, ReaderEvent.Kind.TICKET_REFUSED, ReaderEvent.Kind.REPORTED, ReaderEvent.Kind.ONLINE, ReaderEvent.Kind.OFFLINE);

    private CodeEvidence() {}

    static void keep(Scenario scenario, RigSession session, Path dir) throws IOException {
        if (session.codesIfStarted().isEmpty()) return;
        CodeRig codes = session.codesIfStarted().get();
        for (var entry : codes.kiosks().entrySet()) {
            String name = entry.getKey();
            CodeRig.Kiosk k = entry.getValue();
            List<PrintedReceipt> receipts = k.printer().receipts();
            for (int i = 0; i < receipts.size(); i++) {
                byte[] png = ReceiptRenderer.renderPng(receipts.get(i));
                String file = "printed-ticket-" + name + "-" + (i + 1) + ".png";
                Files.write(dir.resolve(file), png);
                scenario.attach(png, "image/png", file + " — what " + name + "'s printer printed");
            }
            if (!k.printer().inProgress().isEmpty()) {
                byte[] png = ReceiptRenderer.renderPng(k.printer().inProgress());
                Files.write(dir.resolve("printer-" + name + "-unfinished.png"), png);
            }
            // A kiosk that is the rig's black-box reader has no insides here: its printer is all there is (its log is the reader's).
            String said = (k.kiosk() == null ? "" : "screen:" + System.lineSeparator() + String.join(System.lineSeparator(), k.kiosk().kioskScreen())
                    + System.lineSeparator() + "log:" + System.lineSeparator() + log(k.kiosk(), null))
                    + "printer events: " + k.printer().events() + System.lineSeparator();
            Files.writeString(dir.resolve("kiosk-" + name + ".txt"), said);
            scenario.attach(said, "text/plain", "kiosk-" + name + ".txt — the kiosk's " + (k.kiosk() == null ? "printer" : "screen and log")
                    + " (evidence; no step reads them)");
            if (k.kiosk() != null) frame(scenario, dir, "camera-" + name + ".png", k.kiosk().lastCameraFrame().orElse(null));
        }
        // On a bench: what the window in front of the real reader showed it, read back from the display.
        if (codes.lastShownOnWindow().isPresent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(codes.lastShownOnWindow().get(), "png", out);
            Files.write(dir.resolve("window-reader.png"), out.toByteArray());
            scenario.attach(out.toByteArray(), "image/png", "window-reader.png — what the bench window showed the reader");
        }
        // The simulated reader's camera, where it read or saw something (else its frames are its dark window).
        ReferenceReader reader = session.reader().orElse(null);
        if (reader == null || reader.cameraSummary().isEmpty()) return;
        String read = log(reader, CAMERA_EVENTS);
        if (read.isEmpty()) return;
        frame(scenario, dir, "camera-reader.png", reader.lastCameraFrame().orElse(null));
        String text = read + reader.cameraSummary().get() + System.lineSeparator();
        Files.writeString(dir.resolve("reader-codes.txt"), text);
        scenario.attach(text, "text/plain", "reader-codes.txt — what the reader's code camera read, and what it said");
    }

    private static String log(ReferenceReader reader, Set<ReaderEvent.Kind> kinds) {
        List<String> lines = new ArrayList<>();
        for (ReaderEvent e : reader.events()) if (kinds == null || kinds.contains(e.kind())) lines.add(e.toString());
        return lines.isEmpty() ? "" : String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static void frame(Scenario scenario, Path dir, String file, Frame frame) {
        if (frame == null) return;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(frame.toImage(), "png", out);
            Files.write(dir.resolve(file), out.toByteArray());
            scenario.attach(out.toByteArray(), "image/png", file + " — the last frame the camera kept");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
