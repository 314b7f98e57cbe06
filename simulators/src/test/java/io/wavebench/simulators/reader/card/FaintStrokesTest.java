package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thin strokes through the camera's blur (DESIGN §5.4): a serif digit's hairline keeps its
 * character whole ({@link TextLines#hysteresis}), and a crop that keeps faint strokes shows a
 * thin slash the line's own crop erases ({@link TextLines.Line#withFaintInk()}).
 */
class FaintStrokesTest {

    private static final int W = CardFace.WIDTH, H = CardFace.HEIGHT;

    @Test
    void faint_pixels_join_a_mark_only_within_reach_of_its_strong_pixels() {
        float[] signed = new float[W * H];
        int row = 100 * W;
        for (int x = 100; x < 110; x++) signed[row + x] = 100; // a stem above the bar
        for (int x = 110; x < 130; x++) signed[row + x] = 40; // a hairline from it, above the low bar only
        for (int x = 200; x < 210; x++) signed[row + x] = 40; // faint ink touching no stem
        signed[row + 99] = 25; // under the low bar
        boolean[] mask = TextLines.hysteresis(signed, 0, W * H, 60, 30);
        assertTrue(mask[row + 105], "the stem");
        for (int x = 110; x < 110 + TextLines.STROKE_REACH; x++) assertTrue(mask[row + x], "hairline pixel " + x + " within reach");
        assertFalse(mask[row + 110 + TextLines.STROKE_REACH], "past the reach: art crossing a digit is not followed");
        assertFalse(mask[row + 205], "faint ink alone is no mark");
        assertFalse(mask[row + 99], "under the low bar");
    }

    private static void fill(float[] signed, int x0, int y0, int x1, int y1, float value) {
        for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) signed[y * W + x] = value;
    }

    @Test
    void growth_that_mends_one_character_is_kept() {
        float[] signed = new float[W * H];
        fill(signed, 300, 400, 319, 411, 100); // a 5's flag, 12 px: no character alone
        fill(signed, 300, 412, 303, 417, 40); // its neck, faint
        fill(signed, 300, 418, 319, 435, 100); // its bowl, 18 px
        List<TextLines.Box> marks = TextLines.marks(signed, 0, W * H, 60, 18, 80, false);
        assertEquals(List.of(new TextLines.Box(300, 400, 319, 435)), marks);
    }

    @Test
    void the_faint_ink_crop_keeps_a_stroke_the_line_crop_erases() {
        float[] ink = new float[W * H];
        float threshold = 20;
        for (int y = 405; y < 425; y++) {
            for (int x = 310; x < 316; x++) ink[y * W + x] = 3 * threshold; // a stem
            for (int x = 340; x < 343; x++) ink[y * W + x] = 0.4f * threshold; // a thin slash through blur
        }
        List<TextLines.Box> boxes = List.of(new TextLines.Box(310, 405, 315, 424), new TextLines.Box(340, 405, 342, 424));
        TextLines.Line line = TextLines.crop(300, 400, 360, 430, 2, 31, -1, boxes, ink, threshold);
        TextLines.Line faint = line.withFaintInk();
        assertEquals(255, at(line, 341, 415), "the line's crop: white under half the threshold");
        assertTrue(at(faint, 341, 415) < 200, "the faint-ink crop: the slash is grey, " + at(faint, 341, 415));
        assertEquals(0, at(line, 312, 415), "a stem is black in both");
        assertEquals(0, at(faint, 312, 415));
        assertEquals(faint.cropWidth(), line.cropWidth(), "the same place, the same scale");
        assertEquals(TextLines.FAINT_BLACK_ABOVE, faint.groups().get(0).blackAbove(), "its groups are rendered alike");
    }

    /** The crop's grey at card pixel (x, y) of a line: the crop is padded by 0.45 of the height and scaled to 50 px characters. */
    private static int at(TextLines.Line line, int x, int y) {
        int pad = (int) Math.round(line.height() * 0.45);
        double scale = Math.max(1, 50 / line.height());
        int cx = (int) Math.round((x - (line.x0() - pad)) * scale), cy = (int) Math.round((y - (line.y0() - pad / 2)) * scale);
        return line.crop()[cy * line.cropWidth() + cx] & 0xFF;
    }
}
