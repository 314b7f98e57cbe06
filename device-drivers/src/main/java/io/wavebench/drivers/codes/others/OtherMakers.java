package io.wavebench.drivers.codes.others;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Codes drawn by other makers' programs at one pixel a module, with no quiet zone (the paper
 * gives it): QR codes by {@code qrencode}, Code 128 by {@code zint}.
 */
public final class OtherMakers {

    private OtherMakers() {
    }

    /** A QR code of {@code payload} in 8-bit byte mode at error-correction level M, as qrencode chooses its version. */
    public static Modules qrencode(byte[] payload) {
        OtherTool.Run run = OtherTool.QRENCODE.run(List.of("-8", "-l", "M", "-s", "1", "-m", "0", "-o", "-"), payload);
        return image(OtherTool.QRENCODE, run, payload.length + " bytes");
    }

    /** A Code 128 barcode of {@code text}, bars {@code heightModules} modules high, no human-readable line. */
    public static Modules zint128(String text, int heightModules) {
        OtherTool.Run run = OtherTool.ZINT.run(List.of("-b", "20", "--notext", "--scale=0.5", "--height=" + heightModules,
                "--direct", "--filetype=png", "-d", text), new byte[0]);
        return image(OtherTool.ZINT, run, "'" + text + "'");
    }

    private static Modules image(OtherTool tool, OtherTool.Run run, String what) {
        if (run.exit() != 0) throw new IllegalStateException(tool.command() + " could not draw " + what + ": exit " + run.exit() + ", " + run.stderr());
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(run.stdout()));
            if (image == null) {
                throw new IllegalStateException(tool.command() + " drew " + what + " but wrote no PNG (" + run.stdout().length + " bytes: "
                        + new String(run.stdout(), 0, Math.min(40, run.stdout().length), StandardCharsets.ISO_8859_1) + ")");
            }
            return Modules.of(image);
        } catch (IOException e) {
            throw new IllegalStateException(tool.command() + "'s PNG of " + what + " is unreadable: " + e.getMessage(), e);
        }
    }
}
