package io.wavebench.features.steps;

import io.cucumber.java.Scenario;
import io.wavebench.drivers.codes.CodeScanner;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.fixtures.codes.CodeRig;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.simulators.printer.PrintedReceipt;
import io.wavebench.simulators.printer.ReceiptRenderer;
import io.wavebench.simulators.reader.CodeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The optical side's evidence (DESIGN §3, issue 6), written beside {@code air.png} by
 * {@link Hooks}: each kiosk's printed tickets as the paper looks ({@code printed-ticket-*.png}),
 * what each kiosk's screen said, the last frame each code camera captured, and on a bench what
 * the window in front of the real reader showed it. Camera frames are of the phone's payment and
 * ticket codes only, never of card photos (DESIGN §5.4).
 */
final class CodeEvidence {

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
            String said = String.join(System.lineSeparator(), k.kiosk().displayed()) + System.lineSeparator()
                    + "printer events: " + k.printer().events() + System.lineSeparator();
            Files.writeString(dir.resolve("kiosk-" + name + ".txt"), said);
            scenario.attach(said, "text/plain", "kiosk-" + name + ".txt — what the kiosk's screen said");
            frame(scenario, dir, "camera-" + name + ".png", k.kiosk().scanner().lastFrame());
        }
        // On a bench: what the window in front of the real reader showed it, read back from the display.
        if (codes.lastShownOnWindow().isPresent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(codes.lastShownOnWindow().get(), "png", out);
            Files.write(dir.resolve("window-reader.png"), out.toByteArray());
            scenario.attach(out.toByteArray(), "image/png", "window-reader.png — what the bench window showed the reader");
        }
        // The reader's camera only where the phone was shown to it (else its frames are its dark
        // window): it read something, or it saw something it could not read, or a frame broke it.
        if (codes.readerCamera().isEmpty()) return;
        CodeScanner scanner = codes.codeReader().scanner();
        List<CodeReader.Event> read = codes.codeReader().events();
        if (read.isEmpty() && scanner.lastFailure() == null && scanner.failedFrames() == 0) return;
        frame(scenario, dir, "camera-reader.png", scanner.lastFrame());
        List<String> lines = new ArrayList<>(read.stream().map(Object::toString).toList());
        lines.add(scanner.summary());
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        write(dir.resolve("reader-codes.txt"), text);
        scenario.attach(text, "text/plain", "reader-codes.txt — what the reader's code camera read");
    }

    private static void frame(Scenario scenario, Path dir, String file, Frame frame) {
        if (frame == null) return;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(frame.toImage(), "png", out);
            Files.write(dir.resolve(file), out.toByteArray());
            scenario.attach(out.toByteArray(), "image/png", file + " — the last frame the camera captured");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
