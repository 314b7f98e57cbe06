package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.optical.Frame;
import io.wavebench.drivers.optical.OpticalModel;
import io.wavebench.drivers.optical.SimulatedCamera;
import io.wavebench.drivers.optical.SimulatedScreen;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
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

    /**
     * A photo of a light card on a light table, as a shopper's phone shows it (3:2, 1200×800):
     * the card 856×540 px turned 3°, 12 levels darker than the table, a dark chip (its ISO/IEC
     * 7816-2 place, 10 mm from the left edge) to tell where the card is once deskewed.
     */
    private static BufferedImage lightCardOnALightTable() {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(208, 208, 208));
        g.fillRect(0, 0, 1200, 800);
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(3), 600, 400));
        g.setColor(new Color(196, 196, 196));
        g.fill(new Rectangle2D.Double(600 - 428, 400 - 270, 856, 540));
        g.setColor(new Color(90, 90, 90));
        g.fill(new Rectangle2D.Double(600 - 428 + 100, 400 - 270 + 190, 110, 85));
        g.dispose();
        return image;
    }

    @Test
    void a_light_card_on_a_light_table_is_found_inside_the_border_of_its_photo_on_the_phone() {
        SimulatedScreen screen = new SimulatedScreen();
        screen.show(lightCardOnALightTable());
        int found = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Frame frame = new SimulatedCamera(screen, OpticalModel.typical().withSeed(seed)).capture();
            CardFace face = CardFace.rectify(frame, new CardLocator().locate(frame).orElseThrow().corners());
            // Deskewed from the card, the chip covers its columns 100..210 and rows 190..275; from
            // the photo's border (40 % wider), some 100 px further right and down, and smaller.
            double chip = 0, beside = 0;
            for (int y = 200; y < 265; y++) {
                for (int x = 110; x < 150; x++) chip += face.luma[y * CardFace.WIDTH + x];
                for (int x = 260; x < 300; x++) beside += face.luma[y * CardFace.WIDTH + x];
            }
            if (beside - chip > 40 * 65 * 50) found++;
        }
        assertEquals(6, found, "frames in which the card, not the photo's border, was deskewed");
    }
}
