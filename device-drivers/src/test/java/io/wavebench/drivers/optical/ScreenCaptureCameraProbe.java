package io.wavebench.drivers.optical;

import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.DecodeResult;
import io.wavebench.drivers.codes.FrameDiagnosis;
import io.wavebench.drivers.codes.QrCodes;
import java.awt.Rectangle;
import java.time.Duration;
import java.util.Random;

/**
 * Run in a JVM of its own on an X display ({@link ScreenCaptureCameraOnXvfbTest}): shows a payment
 * QR in a {@link WindowScreen}, runs the {@link CameraContract} on a {@link ScreenCaptureCamera} of
 * the whole screen and of the phone-sized page only, and on a {@link FaultyCamera} over it (clean,
 * then each fault), then blacks the window out and says how much contrast the camera sees. Prints one line per result; exits 1 on the first broken promise.
 *
 * <p>{@code ScreenCaptureCameraProbe PPI}
 */
public final class ScreenCaptureCameraProbe {

    public static void main(String[] args) {
        int exit = 0;
        try (WindowScreen screen = new WindowScreen("0", Double.parseDouble(args[0]))) {
            screen.open();
            byte[] token = OpticalBenchmark.randomToken(new Random(2026));
            screen.showCode(QrCodes.encode(token));
            screen.awaitShown(Duration.ofSeconds(5));

            ScreenCaptureCamera whole = new ScreenCaptureCamera(null, null, ScreenCaptureCamera.DEFAULT_FRAMES_PER_SECOND).open();
            System.out.println("whole " + whole.width() + "x" + whole.height() + " decoded at frame " + CameraContract.check(whole, token));

            Rectangle page = screen.pageBounds();
            ScreenCaptureCamera region = ScreenCaptureCamera.parse("0@" + page.width + "x" + page.height + "+" + page.x + "+" + page.y, 5).open();
            System.out.println("region " + region.width() + "x" + region.height() + " decoded at frame " + CameraContract.check(region, token));

            // The fault decorator over a real display: the contract with no fault set, then each fault.
            FaultyCamera faulty = new FaultyCamera(whole, 7);
            System.out.println("faulty-clean decoded at frame " + CameraContract.check(faulty, token));
            Frame live = faulty.capture();
            faulty.drop().next(2);
            System.out.println("dropped gap " + (faulty.capture().sequence() - live.sequence() - 1));
            faulty.black().next(1);
            System.out.println("faulty-black p95 " + FrameDiagnosis.of(faulty.capture()).p95());
            faulty.blur(12);
            System.out.println("blurred decodes " + (CodeDecoder.qr(OpticalBenchmark.TOKEN_SHAPE).decode(faulty.capture()) instanceof DecodeResult.Decoded));
            faulty.clean().capture();
            faulty.freeze().next(1);

            screen.clear();
            screen.awaitShown(Duration.ofSeconds(5));
            // Frozen: the window went black, the frozen frame still shows the QR; the next one is live.
            System.out.println("frozen p95 " + FrameDiagnosis.of(faulty.capture()).p95() + " then " + FrameDiagnosis.of(faulty.capture()).p95());
            FrameDiagnosis black = FrameDiagnosis.of(whole.capture());
            System.out.println("black p5 " + black.p5() + " p95 " + black.p95());

            String display = System.getenv("DISPLAY");
            ScreenCaptureCamera byDisplayName = new ScreenCaptureCamera(display, null, 1).open();
            System.out.println("by display name " + display + " " + byDisplayName.width() + "x" + byDisplayName.height());
            try {
                new ScreenCaptureCamera(":42.7", null, 10).open();
                System.out.println("no-such-screen opened");
            } catch (DisplayUnavailableException e) {
                System.out.println("no-such-screen " + e.getMessage());
            }
        } catch (RuntimeException | AssertionError e) {
            System.out.println("FAILED " + e);
            e.printStackTrace(System.out);
            exit = 1;
        }
        System.exit(exit); // AWT's threads keep a JVM alive after its last window
    }
}
