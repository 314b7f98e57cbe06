package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.optical.Frame;
import java.awt.BasicStroke;
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

    @Test
    void the_top_and_foot_of_a_broken_character_are_joined_into_one_mark() {
        // A thin serif 2 through the camera: its top (18 px) and its foot (9 px), 4 px apart.
        List<int[]> joined = TextLines.joinBrokenCharacters(List.of(new int[] {382, 396, 398, 414, 110}, new int[] {381, 419, 398, 427, 100}), 18, 80);
        assertEquals(1, joined.size());
        assertArrayEquals(new int[] {381, 396, 398, 427, 210}, joined.get(0));
    }

    @Test
    void whole_characters_far_pieces_and_neighbours_are_not_joined() {
        assertEquals(2, TextLines.joinBrokenCharacters(List.of(new int[] {100, 100, 120, 130, 300}, new int[] {100, 134, 120, 164, 300}), 18, 80).size(),
                "two characters of 31 px, one over the other: neither is a piece");
        assertEquals(2, TextLines.joinBrokenCharacters(List.of(new int[] {382, 396, 398, 414, 110}, new int[] {381, 422, 398, 430, 100}), 18, 80).size(),
                "7 px apart: more than a third of the least character height");
        assertEquals(2, TextLines.joinBrokenCharacters(List.of(new int[] {382, 396, 398, 414, 110}, new int[] {402, 419, 418, 427, 100}), 18, 80).size(),
                "side by side: no overlap across");
    }

    private static TextLines.Line lineOfMarks(int... centres) {
        List<TextLines.Box> boxes = java.util.Arrays.stream(centres).mapToObj(c -> new TextLines.Box(c - 8, 400, c + 8, 430)).toList();
        return TextLines.crop(centres[0] - 8, 400, centres[centres.length - 1] + 8, 430, centres.length, 31, -1, boxes, new float[CardFace.WIDTH * CardFace.HEIGHT], 20);
    }

    @Test
    void four_marks_with_a_wider_step_in_the_middle_are_two_pairs() {
        assertTrue(CardPhotoReader.twoPairs(lineOfMarks(356, 379, 411, 435)), "12/28 with its slash lost: steps 23, 32, 24");
        assertFalse(CardPhotoReader.twoPairs(lineOfMarks(356, 380, 404, 428)), "four digits at one pitch");
        assertFalse(CardPhotoReader.twoPairs(lineOfMarks(356, 379, 411, 435, 459)), "five marks");
    }

    /**
     * A light card with a number in a plain sans (print 65 grey levels off the card) and a ring of
     * its art (40 levels off, above the text lines' bar) that crosses one digit: the digit and the
     * ring make one component far taller than a character.
     */
    private static CardFace numberCrossedByRing() {
        BufferedImage image = new BufferedImage(CardFace.WIDTH, CardFace.HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, CardFace.WIDTH, CardFace.HEIGHT);
        g.setColor(new Color(160, 160, 160));
        g.setStroke(new BasicStroke(4f));
        g.drawOval(455, -150, 700, 700);
        g.setColor(new Color(135, 135, 135));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 46));
        g.drawString("3703  645388  20061", 90, 360);
        g.dispose();
        return CardFace.rectify(Frame.of(image, 0), new double[] {0, 0, CardFace.WIDTH, 0, CardFace.WIDTH, CardFace.HEIGHT, 0, CardFace.HEIGHT});
    }

    @Test
    void a_digit_crossed_by_a_fainter_ring_of_the_art_is_still_a_mark_of_the_number_line() {
        List<TextLines.Line> lines = TextLines.find(numberCrossedByRing(), 18, 80);
        assertTrue(lines.stream().anyMatch(l -> l.y0() < 360 && l.y1() > 330 && l.marks() == 15),
                "the 15 digits make one line: " + lines.stream().map(l -> l.y0() + "-" + l.y1() + ":" + l.marks()).toList());
    }

    /**
     * A line of bold 8s on light paper, each 8's left half printed lighter (an embossed digit's
     * lit side): the ink over the local mean loses that half where the digits stand densest, the
     * card's own grey levels keep it.
     */
    @Test
    void the_crop_on_paper_keeps_the_light_side_of_dense_characters() {
        BufferedImage image = new BufferedImage(CardFace.WIDTH, CardFace.HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, CardFace.WIDTH, CardFace.HEIGHT);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 56));
        String text = "8888 8888 8888";
        g.setColor(new Color(40, 40, 40));
        g.drawString(text, 80, 320);
        int advance = g.getFontMetrics().charWidth('8');
        g.setColor(new Color(120, 120, 120));
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == ' ') continue;
            g.setClip(80 + k * advance, 250, advance / 2, 90);
            g.drawString(text, 80, 320);
        }
        g.dispose();
        CardFace face = CardFace.rectify(Frame.of(image, 0), new double[] {0, 0, CardFace.WIDTH, 0, CardFace.WIDTH, CardFace.HEIGHT, 0, CardFace.HEIGHT});
        TextLines.Line line = TextLines.find(face, 18, 80).stream().filter(l -> l.marks() >= 10).findFirst().orElseThrow();
        TextLines.Line onPaper = TextLines.onPaper(face, line);
        assertEquals(line.cropWidth(), onPaper.cropWidth());
        // The 8s' left halves, in the crops' pixels (TextLines.crop: padded by 0.45 of the height, scaled to 50 px tall).
        int pad = (int) Math.round(line.height() * 0.45);
        double scale = Math.max(1, 50 / line.height());
        boolean[] lit = new boolean[line.cropWidth()];
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == ' ') continue;
            for (int x = 80 + k * advance; x < 80 + k * advance + advance / 2; x++) {
                int cx = (int) Math.round((x - (line.x0() - pad)) * scale);
                if (cx >= 0 && cx < lit.length) lit[cx] = true;
            }
        }
        double lost = darkShare(line, lit), kept = darkShare(onPaper, lit);
        assertTrue(kept > 1.5 * lost, "the on-paper crop keeps the lit halves: " + kept + " of their pixels dark, against " + lost);
    }

    /** The share of a line's crop, in the columns marked, darker than mid-grey. */
    private static double darkShare(TextLines.Line line, boolean[] columns) {
        int dark = 0, all = 0;
        for (int y = 0; y < line.cropHeight(); y++) {
            for (int x = 0; x < line.cropWidth(); x++) {
                if (!columns[x]) continue;
                all++;
                if ((line.crop()[y * line.cropWidth() + x] & 0xFF) < 128) dark++;
            }
        }
        return dark / (double) all;
    }
}
