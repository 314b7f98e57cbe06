package io.wavebench.drivers.codes;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * An encoded code as modules (dark = set), before it has pixels: a QR matrix, or a Code 128 row
 * of bars and spaces (one row, drawn as tall as asked). {@code quietZoneModules} of light are kept
 * on every side when rendered. {@code version} is the QR version (0 for a barcode).
 */
public record CodeSymbol(CodeKind kind, BitMatrix modules, int quietZoneModules, int version, String description) {

    public CodeSymbol {
        modules = modules.clone();
        if (quietZoneModules < 0) throw new IllegalArgumentException("quiet zone cannot be negative");
    }

    @Override
    public BitMatrix modules() {
        return modules.clone();
    }

    /** Modules across, quiet zones included. */
    public int widthModules() {
        return modules.getWidth() + 2 * quietZoneModules;
    }

    public boolean isLinear() {
        return modules.getHeight() == 1;
    }

    /**
     * Black on white at {@code modulePx} pixels per module; a barcode's bars are {@code barHeightPx}
     * tall (a QR is square and ignores it).
     */
    public BufferedImage render(int modulePx, int barHeightPx) {
        if (modulePx < 1) throw new IllegalArgumentException("module size must be at least 1 px: " + modulePx);
        int w = widthModules() * modulePx;
        int h = isLinear() ? barHeightPx : (modules.getHeight() + 2 * quietZoneModules) * modulePx;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            for (int my = 0; my < modules.getHeight(); my++) {
                for (int mx = 0; mx < modules.getWidth(); mx++) {
                    if (!modules.get(mx, my)) continue;
                    int x = (mx + quietZoneModules) * modulePx;
                    if (isLinear()) {
                        g.fillRect(x, 0, modulePx, h);
                    } else {
                        g.fillRect(x, (my + quietZoneModules) * modulePx, modulePx, modulePx);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    @Override
    public String toString() {
        return kind + (version > 0 ? " version " + version : "") + " (" + description + ")";
    }
}
