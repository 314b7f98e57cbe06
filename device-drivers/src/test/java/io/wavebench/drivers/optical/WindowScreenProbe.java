package io.wavebench.drivers.optical;

import io.wavebench.drivers.codes.Code128Codes;
import io.wavebench.drivers.codes.CodeSymbol;
import io.wavebench.drivers.codes.QrCodes;
import java.awt.Rectangle;
import java.io.File;
import java.time.Duration;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * Run in a JVM of its own on an X display ({@link WindowScreenOnXvfbTest}): opens a
 * {@link WindowScreen}, shows each code it is given as the phone would, and saves what the display
 * server then holds, read back with {@code java.awt.Robot}, as {@code <n>.png}. It decodes
 * nothing: the test decodes the PNGs.
 *
 * <p>{@code WindowScreenProbe DISPLAY_ID PPI OUT_DIR (qr:HEX | code128:DIGITS)...}
 */
public final class WindowScreenProbe {

    private static final Duration ON_SCREEN_WITHIN = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        File out = new File(args[2]);
        try (WindowScreen screen = new WindowScreen(args[0], Double.parseDouble(args[1]))) {
            screen.open();
            Rectangle page = screen.pageBounds();
            System.out.println("page " + page.x + " " + page.y + " " + page.width + " " + page.height);
            for (int i = 3; i < args.length; i++) {
                String[] code = args[i].split(":", 2);
                CodeSymbol symbol = code[0].equals("qr") ? QrCodes.encode(HexFormat.of().parseHex(code[1])) : Code128Codes.encode(code[1]);
                screen.showCode(symbol);
                screen.awaitShown(ON_SCREEN_WITHIN);
                ImageIO.write(screen.capture(), "png", new File(out, (i - 3) + ".png"));
                System.out.println("shown " + symbol);
            }
        }
        System.exit(0); // AWT's threads keep a JVM alive after its last window
    }
}
