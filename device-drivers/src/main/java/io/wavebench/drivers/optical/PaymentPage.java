package io.wavebench.drivers.optical;

import io.wavebench.drivers.codes.CodeSymbol;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A wallet app's payment page, as a phone shows a code: coloured background, a white card with a
 * header of placeholder text, and the code centred in the card at a whole number of pixels per
 * module (DESIGN §5.2: at least {@value #MIN_MODULE_PX}), with its quiet zones.
 */
public final class PaymentPage {

    public static final int MIN_MODULE_PX = 3;
    /** A QR module bigger than this wastes the card; a 201-byte token's QR is then about 60 % of it. */
    private static final int MAX_QR_MODULE_PX = 12;
    private static final Color BACKGROUND = new Color(0x16, 0x77, 0xFF);
    private static final Color PLACEHOLDER = new Color(0xC8, 0xCC, 0xD2);

    private PaymentPage() {
    }

    public static BufferedImage render(Display display, CodeSymbol code) {
        int w = display.widthPx();
        int h = display.heightPx();
        int margin = Math.max(8, w / 24);
        int cardWidth = w - 2 * margin;
        int modulePx = modulePx(display, code);
        BufferedImage symbol = code.render(modulePx, Math.max(modulePx * 20, cardWidth * 28 / 100));

        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, w, h);
            int cardTop = h / 8;
            int cardHeight = Math.max(symbol.getHeight() + 6 * margin, h * 5 / 8);
            g.setColor(Color.WHITE);
            g.fillRoundRect(margin, cardTop, cardWidth, Math.min(cardHeight, h - cardTop - margin), margin, margin);
            // A title and a line of small print above the code, as placeholders for text.
            g.setColor(PLACEHOLDER);
            g.fillRoundRect(margin * 2, cardTop + margin, cardWidth / 2, margin / 2 + 4, 6, 6);
            g.fillRoundRect(margin * 2, cardTop + 2 * margin, cardWidth * 3 / 4, margin / 3 + 2, 6, 6);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            // The code sits at the centre of the screen, where a reader's camera aims.
            g.drawImage(symbol, (w - symbol.getWidth()) / 2, (h - symbol.getHeight()) / 2, null);
        } finally {
            g.dispose();
        }
        return page;
    }

    /** Pixels per module for this code on this display; refuses a display too small for 3. */
    public static int modulePx(Display display, CodeSymbol code) {
        int margin = Math.max(8, display.widthPx() / 24);
        int available = display.widthPx() - 4 * margin;
        int px = available / code.widthModules();
        if (!code.isLinear()) px = Math.min(px, MAX_QR_MODULE_PX);
        if (px < MIN_MODULE_PX) {
            throw new IllegalArgumentException(code + " needs " + code.widthModules() * MIN_MODULE_PX + " px across at "
                    + MIN_MODULE_PX + " px per module (DESIGN §5.2); " + display + " has " + available + " px in its card");
        }
        return px;
    }
}
