package io.wavebench.features.steps;

import io.wavebench.drivers.optical.Frame;
import io.wavebench.fixtures.codes.CodeRig;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.simulators.printer.PrintedReceipt;
import io.wavebench.simulators.printer.ReceiptRenderer;
import io.wavebench.simulators.reader.ReaderEvent;
import io.wavebench.simulators.reader.ReferenceReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    /**
     * Printed tickets and the kiosks' and reader's text for every scenario; camera frames and what
     * a bench window showed only where {@link EvidenceFolder#keepsEverything()}, else named in
     * {@code notKept}.
     */
    static void keep(EvidenceFolder evidence, RigSession session, List<String> notKept) {
        if (session.codesIfStarted().isEmpty()) return;
        CodeRig codes = session.codesIfStarted().get();
        for (var entry : codes.kiosks().entrySet()) {
            String name = entry.getKey();
            CodeRig.Kiosk k = entry.getValue();
            List<PrintedReceipt> receipts = k.printer().receipts();
            for (int i = 0; i < receipts.size(); i++) {
                String file = "printed-ticket-" + name + "-" + (i + 1) + ".png";
                evidence.file(file, ReceiptRenderer.renderPng(receipts.get(i)), "what " + name + "'s printer printed");
            }
            if (!k.printer().inProgress().isEmpty()) {
                evidence.file("printer-" + name + "-unfinished.png", ReceiptRenderer.renderPng(k.printer().inProgress()), "what " + name + "'s printer had not finished");
            }
            // A kiosk that is the rig's black-box reader has no insides here: its printer is all there is (its log is the reader's).
            String said = (k.kiosk() == null ? "" : "screen:" + System.lineSeparator() + String.join(System.lineSeparator(), k.kiosk().kioskScreen())
                    + System.lineSeparator() + "log:" + System.lineSeparator() + log(k.kiosk(), null))
                    + "printer events: " + k.printer().events() + System.lineSeparator();
            evidence.text("kiosk-" + name + ".txt", said, "the kiosk's " + (k.kiosk() == null ? "printer" : "screen and log") + " (evidence; no step reads them)");
            if (k.kiosk() != null) frame(evidence, notKept, "camera-" + name + ".png", k.kiosk().lastCameraFrame().map(Frame::toImage).orElse(null));
        }
        // On a bench: what the window in front of the real reader showed it, read back from the display.
        if (codes.lastShownOnWindow().isPresent()) {
            picture(evidence, notKept, "window-reader.png", codes.lastShownOnWindow().get(), "what the bench window showed the reader");
        }
        // The simulated reader's camera, where it read or saw something (else its frames are its dark window).
        ReferenceReader reader = session.reader().orElse(null);
        if (reader == null || reader.cameraSummary().isEmpty()) return;
        String read = log(reader, CAMERA_EVENTS);
        if (read.isEmpty()) return;
        frame(evidence, notKept, "camera-reader.png", reader.lastCameraFrame().map(Frame::toImage).orElse(null));
        evidence.text("reader-codes.txt", read + reader.cameraSummary().get() + System.lineSeparator(), "what the reader's code camera read, and what it said");
    }

    private static String log(ReferenceReader reader, Set<ReaderEvent.Kind> kinds) {
        List<String> lines = new ArrayList<>();
        for (ReaderEvent e : reader.events()) if (kinds == null || kinds.contains(e.kind())) lines.add(e.toString());
        return lines.isEmpty() ? "" : String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static void frame(EvidenceFolder evidence, List<String> notKept, String file, BufferedImage frame) {
        if (frame != null) picture(evidence, notKept, file, frame, "the last frame the camera kept");
    }

    private static void picture(EvidenceFolder evidence, List<String> notKept, String file, BufferedImage image, String what) {
        if (!evidence.keepsEverything()) {
            notKept.add(file + " (" + what + ")");
            return;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            evidence.file(file, out.toByteArray(), what);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(file + " could not be encoded", e);
        }
    }
}
