package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.optical.Frame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CardLocatorTest {

    /** A dark card on a darker table, as the ImageMagick set draws one (corners TL, TR, BR, BL). */
    private static final int[] CARD_X = {130, 1090, 1060, 100};
    private static final int[] CARD_Y = {70, 120, 720, 670};

    private static BufferedImage darkCard(boolean ringArc) {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(90, 90, 90));
        g.fillPolygon(new Polygon(CARD_X, CARD_Y, 4));
        if (ringArc) {
            // A straight stretch of the card's art from its top edge to its bottom right corner:
            // with the card's top, bottom and left it makes a smaller quadrilateral, 22° from parallel.
            g.setColor(new Color(150, 150, 150));
            g.setStroke(new BasicStroke(3));
            g.drawLine(843, 102, 1058, 716);
        }
        g.dispose();
        return image;
    }

    @Test
    void a_stretch_of_art_that_makes_a_smaller_quadrilateral_no_camera_would_see_loses_to_the_card() {
        double[] found = new CardLocator().locate(Frame.of(darkCard(true), 0)).orElseThrow().corners();
        assertEquals(1090, found[2], 15, "top right corner x: the card's, not the art's at 843");
        assertEquals(120, found[3], 15);
        assertEquals(1060, found[4], 15, "bottom right corner x");
    }

    @Test
    void the_card_alone_is_found_at_its_corners() {
        double[] found = new CardLocator().locate(Frame.of(darkCard(false), 0)).orElseThrow().corners();
        for (int i = 0; i < 4; i++) {
            assertEquals(CARD_X[i], found[2 * i], 15, "corner " + i + " x");
            assertEquals(CARD_Y[i], found[2 * i + 1], 15, "corner " + i + " y");
        }
    }

    @Test
    void opposite_sides_a_camera_sees_converging_14_degrees_are_perspective_and_22_are_not() {
        assertTrue(CardLocator.seenInPerspective(new double[] {130, 70, 1090, 120, 1060, 720, 100, 670}));
        // The fixtures' photo through the camera whose sides converged most: 14°.
        double lean = Math.tan(Math.toRadians(7)) * 600;
        assertTrue(CardLocator.seenInPerspective(new double[] {100 + lean, 100, 1050 - lean, 100, 1050, 700, 100, 700}));
        // The art's quadrilateral: left side nearly upright, right side leaning 19°.
        assertFalse(CardLocator.seenInPerspective(new double[] {125, 65, 843, 102, 1062, 737, 94, 653}));
    }
}
