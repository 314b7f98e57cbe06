package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.optical.Frame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FrameMotion} tells two looks at a card from one look twice (DESIGN §5.4): frames that
 * differ in sensor noise alone must stay below {@link CardPhotoReader#MIN_MOTION}, frames where the
 * card moved by half a pixel or more must reach it.
 */
class FrameMotionTest {

    private static final int W = 640;
    private static final int H = 400;

    /** A card-like scene (a rounded card, a number line, an expiry) moved by (dx, dy) px and turned by {@code degrees}, with sensor noise σ 4 grey levels. */
    private static Frame scene(double dx, double dy, double degrees, long noiseSeed) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(new Color(60, 60, 60));
        g.fillRect(0, 0, W, H);
        g.translate(dx, dy);
        g.rotate(Math.toRadians(degrees), W / 2.0, H / 2.0);
        g.setColor(new Color(200, 200, 200));
        g.fillRoundRect(80, 60, 480, 290, 30, 30);
        g.setColor(new Color(30, 30, 30));
        g.setStroke(new BasicStroke(2));
        g.drawRoundRect(110, 100, 70, 50, 10, 10);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 34));
        g.drawString("4539 1488 0343 6467", 110, 240);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 22));
        g.drawString("12/29", 300, 290);
        g.dispose();
        SplittableRandom noise = new SplittableRandom(noiseSeed);
        byte[] luma = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = (int) Math.round((image.getRaster().getSample(x, y, 0)) + 4 * gaussian(noise));
                luma[y * W + x] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return new Frame(W, H, luma, noiseSeed);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void frames_that_differ_in_noise_alone_stay_well_below_the_bar() {
        for (long seed = 1; seed <= 3; seed++) {
            double ratio = FrameMotion.edgeToFlatDifference(scene(0, 0, 0, seed), scene(0, 0, 0, seed + 10));
            assertTrue(ratio < 0.7 * CardPhotoReader.MIN_MOTION, "noise alone gave " + ratio);
        }
    }

    @Test
    void half_a_pixel_of_motion_or_a_small_turn_reaches_it() {
        Frame still = scene(0, 0, 0, 1);
        double[] ratios = {
            FrameMotion.edgeToFlatDifference(still, scene(0.5, 0, 0, 2)),
            FrameMotion.edgeToFlatDifference(still, scene(0, 0.5, 0, 2)),
            FrameMotion.edgeToFlatDifference(still, scene(1.5, -1, 0, 2)),
            FrameMotion.edgeToFlatDifference(still, scene(0, 0, 0.5, 2)),
        };
        for (double ratio : ratios) assertTrue(ratio >= CardPhotoReader.MIN_MOTION, "motion gave only " + ratio);
    }

    @Test
    void one_frame_twice_is_no_motion_and_frames_of_two_sizes_are_two_captures() {
        Frame f = scene(0, 0, 0, 1);
        assertEquals(0, FrameMotion.edgeToFlatDifference(f, scene(0, 0, 0, 1)));
        Frame other = new Frame(W / 2, H / 2, new byte[W * H / 4], 2);
        assertEquals(Double.POSITIVE_INFINITY, FrameMotion.edgeToFlatDifference(f, other));
    }
}
