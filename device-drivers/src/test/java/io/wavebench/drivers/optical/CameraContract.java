package io.wavebench.drivers.optical;

import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.DecodeResult;
import java.util.Arrays;

/**
 * What every {@link Camera} backing promises (DESIGN §3: one contract per capability, run
 * against every backing the machine has): frames of the size it states, gray, numbered one after
 * another; and what is shown in front of it is in its pixels, so a
 * payment QR shown there decodes from one of its frames. Plain checks throwing {@link
 * AssertionError}: {@link CameraContractTest} runs them in the test JVM, and the screen-capture
 * backing's probe in a JVM of its own on an X display.
 */
final class CameraContract {

    /** Frames the contract looks at. */
    static final int FRAMES = 6;

    private CameraContract() {}

    /**
     * @param qrShown the payload of the payment QR shown in front of {@code camera} now
     * @return how many frames it took to decode the QR (1 = the first)
     */
    static int check(Camera camera, byte[] qrShown) {
        require(camera.width() > 0 && camera.height() > 0, "a camera states its frame size: " + camera.width() + "x" + camera.height());
        require(camera.framesPerSecond() > 0, "a camera states its frame rate: " + camera.framesPerSecond());
        long started = System.nanoTime();
        Frame previous = null;
        int decodedAt = 0;
        for (int i = 1; i <= FRAMES; i++) {
            Frame f = camera.capture();
            require(f.width() == camera.width() && f.height() == camera.height(),
                    "frame " + i + " is " + f.width() + "x" + f.height() + ", the camera says " + camera.width() + "x" + camera.height());
            require(f.luma().length == f.width() * f.height(), "one gray byte per pixel");
            if (previous != null) require(f.sequence() == previous.sequence() + 1, "frames are numbered one after another: " + previous + " then " + f);
            if (decodedAt == 0 && CodeDecoder.qr(OpticalBenchmark.TOKEN_SHAPE).decode(f) instanceof DecodeResult.Decoded d) {
                require(Arrays.equals(qrShown, d.bytes()), "the QR in front of the camera decodes to what was shown");
                decodedAt = i;
            }
            previous = f;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        require(decodedAt > 0, "the payment QR shown in front of the camera decoded from none of " + FRAMES + " frames");
        // What a capture costs is printed, not judged: a simulated camera renders its optics on
        // the test machine's CPU, which says nothing about the backing.
        long captureStarted = System.nanoTime();
        for (int i = 0; i < FRAMES; i++) camera.capture();
        double perFrame = (System.nanoTime() - captureStarted) / 1e9 / FRAMES;
        System.out.printf("camera contract: %s: %dx%d at %.0f fps, QR decoded at frame %d, %.1f ms a capture (%.2f s in all)%n",
                camera, camera.width(), camera.height(), camera.framesPerSecond(), decodedAt, perFrame * 1e3, seconds);
        return decodedAt;
    }

    private static void require(boolean holds, String what) {
        if (!holds) throw new AssertionError("camera contract: " + what);
    }
}
