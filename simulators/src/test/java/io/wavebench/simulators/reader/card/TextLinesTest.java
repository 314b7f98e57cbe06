package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.optical.Frame;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TextLines} finds the lines a card's digits make (DESIGN §5.4 "find the digit groups"). */
class TextLinesTest {

    /** An upright card face, 10 px a mm, with {@code text} printed at baseline {@code y} in a bold serif whose letters touch. */
    private static CardFace faceWith(String text, int y, float tracking) {
        BufferedImage image = new BufferedImage(CardFace.WIDTH, CardFace.HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(215, 215, 215));
        g.fillRect(0, 0, CardFace.WIDTH, CardFace.HEIGHT);
        g.setColor(new Color(40, 40, 40));
        g.setFont(new Font(Font.SERIF, Font.BOLD, 40).deriveFont(Map.of(TextAttribute.TRACKING, tracking)));
        g.drawString(text, 300, y);
        g.dispose();
        Frame frame = Frame.of(image, 0);
        return CardFace.rectify(frame, new double[] {0, 0, CardFace.WIDTH, 0, CardFace.WIDTH, CardFace.HEIGHT, 0, CardFace.HEIGHT});
    }

    private static boolean lineAround(List<TextLines.Line> lines, int y, int minMarks) {
        return lines.stream().anyMatch(l -> l.y0() < y && l.y1() > y - 40 && l.marks() >= minMarks);
    }

    @Test
    void an_expiry_whose_characters_touch_is_still_a_line() {
        CardFace touching = faceWith("08/30", 420, -0.12f);
        assertTrue(lineAround(TextLines.find(touching, 18, 80), 420, 3), "the touching characters of 08/30 make no line");
    }

    @Test
    void characters_apart_are_found_as_before() {
        CardFace apart = faceWith("08/30", 420, 0.1f);
        assertTrue(lineAround(TextLines.find(apart, 18, 80), 420, 4));
    }

    @Test
    void a_band_is_thresholded_on_its_own_ink() {
        CardFace face = faceWith("08/30", 420, 0.1f);
        assertTrue(lineAround(TextLines.find(face, 18, 80, 360, 470), 420, 4));
        assertTrue(TextLines.find(face, 18, 80, 0, 300).isEmpty(), "nothing is printed above the band");
    }
}
