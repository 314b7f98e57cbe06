package io.wavebench.drivers.optical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.codes.BarcodeCheck;
import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.DecodeResult;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench screen on a real X server (DESIGN §3: one test per backing the machine has): Xvfb
 * stands in for the monitor in front of a reader. A JVM of its own (AWT picks its display once)
 * shows a payment QR and a payment barcode in a {@link WindowScreen}; what the X server then
 * holds is read back as pixels and decoded here with the reader's {@link CodeDecoder}. Skipped,
 * with the reason, on a machine where no X server can be started.
 */
class WindowScreenOnXvfbTest {

    /**
     * A portrait monitor; at 250 ppi the phone-sized page is 675 × 1463 px in its middle, dense
     * enough for the 18-digit barcode's 154 modules at 3 px each.
     */
    private static final int WIDTH = 800;
    private static final int HEIGHT = 1600;
    private static final double PPI = 250;
    private static final int PAGE_BLUE = 0x1677FF;

    @Test
    void a_payment_qr_and_a_barcode_shown_in_the_window_decode_from_the_x_servers_pixels(@TempDir Path dir) throws Exception {
        Random random = new Random(2026);
        byte[] token = OpticalBenchmark.randomToken(random);
        String barcode = OpticalBenchmark.randomPaymentCode(random);

        List<String> said;
        try (VirtualDisplay x = startOrSkip()) {
            said = probe(x, dir, "qr:" + HexFormat.of().formatHex(token), "code128:" + barcode);
        }

        int[] page = said.stream().filter(l -> l.startsWith("page ")).findFirst().map(l -> Arrays.stream(l.substring(5).split(" ")).mapToInt(Integer::parseInt).toArray())
                .orElseThrow(() -> new AssertionError("the probe did not say where the page is: " + said));
        assertEquals(List.of(62, 68, 675, 1463), List.of(page[0], page[1], page[2], page[3]), "a phone's 68.6 × 148.6 mm at 250 ppi, centred");

        BufferedImage qrShot = ImageIO.read(dir.resolve("0.png").toFile());
        assertEquals(WIDTH, qrShot.getWidth(), "the capture is the whole screen");
        assertEquals(0x000000, qrShot.getRGB(page[0] - 2, HEIGHT / 2) & 0xFFFFFF, "black beside the phone-sized page");
        assertEquals(PAGE_BLUE, qrShot.getRGB(page[0] + 2, page[1] + 2) & 0xFFFFFF, "the wallet page's background at its corner");

        DecodeResult.Decoded qr = assertInstanceOf(DecodeResult.Decoded.class, CodeDecoder.qr(OpticalBenchmark.TOKEN_SHAPE).decode(Frame.of(qrShot, 0)));
        assertArrayEquals(token, qr.bytes(), "the token read back from the screen's pixels");

        BufferedImage barcodeShot = ImageIO.read(dir.resolve("1.png").toFile());
        DecodeResult.Decoded code = assertInstanceOf(DecodeResult.Decoded.class, CodeDecoder.code128(BarcodeCheck.PAYMENT_CODE).decode(Frame.of(barcodeShot, 1)));
        assertArrayEquals(barcode.getBytes(StandardCharsets.US_ASCII), code.bytes(), "the barcode read back from the screen's pixels");
    }

    @Test
    void a_display_that_does_not_exist_or_is_too_coarse_for_a_phone_sized_barcode_is_refused_with_the_figures(@TempDir Path dir) throws Exception {
        try (VirtualDisplay x = startOrSkip()) {
            String noSuchScreen = failingProbe(x, dir, "7", String.valueOf(PPI), "qr:01");
            assertTrue(noSuchScreen.contains("display '7': no such screen; this machine has 1: :0.0"), noSuchScreen);
            String coarse = failingProbe(x, dir, "0", "96", "code128:" + OpticalBenchmark.randomPaymentCode(new Random(7)));
            assertTrue(coarse.contains("display '0': at 96.0 ppi a phone-sized page is 259 px wide: CODE_128"), coarse);
            assertTrue(coarse.contains("needs 462 px across at 3 px per module"), coarse);
        }
    }

    private static String failingProbe(VirtualDisplay x, Path dir, String display, String ppi, String code) throws IOException, InterruptedException {
        Process p = java(x, dir, display, ppi, dir.toString(), code);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the probe hangs");
        assertTrue(p.exitValue() != 0, () -> "the probe succeeded on display " + display + " at " + ppi + " ppi: " + out);
        return out;
    }

    private static VirtualDisplay startOrSkip() {
        if (!VirtualDisplay.available()) skip("no Xvfb on this machine (Debian: apt-get install xvfb; ./test installs it as root)");
        try {
            return VirtualDisplay.start(WIDTH, HEIGHT);
        } catch (DisplayUnavailableException e) {
            skip("no X server could be started: " + e.getMessage());
            return null;
        }
    }

    private static void skip(String reason) {
        System.out.println("WindowScreenOnXvfbTest skipped: " + reason);
        Assumptions.abort(reason);
    }

    private static List<String> probe(VirtualDisplay x, Path dir, String... codes) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("0", String.valueOf(PPI), dir.toString()));
        args.addAll(List.of(codes));
        Process p = java(x, dir, args.toArray(String[]::new));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the probe hangs");
        assertEquals(0, p.exitValue(), () -> "the probe on " + x + " failed:\n" + out);
        return out.lines().toList();
    }

    /** A JVM on the X display, with this test's classpath (Surefire's booter jar names it in its manifest). */
    private static Process java(VirtualDisplay x, Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=false", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), WindowScreenProbe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("DISPLAY", x.name());
        return pb.start();
    }
}
