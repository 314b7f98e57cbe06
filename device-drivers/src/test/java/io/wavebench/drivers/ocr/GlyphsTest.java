package io.wavebench.drivers.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link Glyphs} cuts marks of ink into characters: run-together marks split at the pitch, broken pieces joined. */
class GlyphsTest {

    private static final int W = 200, H = 80;

    private static byte[] paper() {
        byte[] gray = new byte[W * H];
        Arrays.fill(gray, (byte) 255);
        return gray;
    }

    private static void ink(byte[] gray, int x0, int y0, int x1, int y1) {
        for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) gray[y * W + x] = 0;
    }

    /** A hollow block character, {@code 24 × 40} px, its left edge at x. */
    private static void character(byte[] gray, int x) {
        ink(gray, x, 20, x + 23, 23);
        ink(gray, x, 56, x + 23, 59);
        ink(gray, x, 20, x + 3, 59);
        ink(gray, x + 20, 20, x + 23, 59);
    }

    @Test
    void marks_run_together_are_cut_at_the_pitch_of_the_characters_beside_them() {
        byte[] gray = paper();
        // Five characters at a 28 px pitch; the third and fourth touch (a bridge across the gap).
        for (int i = 0; i < 5; i++) character(gray, 10 + 28 * i);
        ink(gray, 66 + 23, 38, 94, 42);
        List<Glyphs.Glyph> glyphs = Glyphs.cut(gray, W, H);
        assertEquals(5, glyphs.size(), "two characters run together cut in two");
        Glyphs.Glyph third = glyphs.get(2), fourth = glyphs.get(3);
        assertTrue(third.x0() == 66 && third.x1() >= 89 && third.x1() <= 91, "third character's columns: " + third.x0() + ".." + third.x1());
        assertTrue(fourth.x0() >= 92 && fourth.x0() <= 94 && fourth.x1() == 117, "fourth character's columns: " + fourth.x0() + ".." + fourth.x1());
    }

    @Test
    void a_mark_with_no_character_beside_it_is_cut_at_a_characters_width() {
        byte[] gray = paper();
        // Three characters at a 26 px pitch, all run together: no pitch to measure in the image.
        for (int i = 0; i < 3; i++) character(gray, 10 + 26 * i);
        ink(gray, 10, 38, 10 + 52 + 23, 41);
        assertEquals(3, Glyphs.cut(gray, W, H).size());
    }

    @Test
    void a_mark_no_whole_number_of_pitches_wide_is_not_split() {
        byte[] gray = paper();
        // Four characters at a 28 px pitch, the last with a block of art run into it: 2.5 pitches in all.
        for (int i = 0; i < 4; i++) character(gray, 10 + 28 * i);
        ink(gray, 94 + 24, 20, 94 + 65, 59);
        List<Glyphs.Glyph> glyphs = Glyphs.cut(gray, W, H);
        assertEquals(4, glyphs.size(), "a character and art 2.5 pitches wide: one mark, left for the template to refuse");
        assertEquals(159, glyphs.get(3).x1());
    }

    @Test
    void a_small_piece_under_a_character_is_part_of_it_and_a_far_speck_is_not() {
        byte[] gray = paper();
        character(gray, 10);
        ink(gray, 40, 10, 63, 45); // a character whose foot broke off ...
        ink(gray, 40, 49, 63, 58); // ... 3 px under it, 10 px tall: under a third of the tallest (49 px)
        ink(gray, 100, 30, 123, 59); // another character
        ink(gray, 104, 1, 110, 5); // a speck 24 px over it: dirt, not part of it
        List<Glyphs.Glyph> glyphs = Glyphs.cut(gray, W, H);
        assertEquals(3, glyphs.size());
        assertEquals(58, glyphs.get(1).y1(), "the foot is the character's");
        assertEquals(30, glyphs.get(2).y0(), "the speck is not");
    }

    @Test
    void a_character_broken_across_its_stem_is_joined_before_run_together_marks_are_split() {
        byte[] gray = paper();
        character(gray, 10);
        // A 7 whose top runs into the top of the 1 beside it (one mark 1.6 characters wide), and
        // the 1's lower stem and foot, broken off, a mark of their own under it (20 of 40 px).
        ink(gray, 38, 20, 82, 23);
        ink(gray, 38, 20, 41, 59);
        ink(gray, 62, 20, 65, 38);
        ink(gray, 66, 42, 89, 59);
        List<Glyphs.Glyph> glyphs = Glyphs.cut(gray, W, H);
        assertEquals(3, glyphs.size(), "three characters, none cut from the foot alone");
        Glyphs.Glyph one = glyphs.get(2);
        assertTrue(one.x0() >= 60 && one.x0() <= 66 && one.x1() == 89, "the 1's columns: " + one.x0() + ".." + one.x1());
        assertEquals(20, one.y0(), "the 1's top is the 1's");
        assertEquals(59, one.y1(), "and so is its foot");
    }

    @Test
    void specks_at_the_crops_right_edge_are_cut_within_the_crop() {
        // A search band with no print in it, through the camera: specks of a pixel or two, whose
        // steps (under a pixel) are taken for a pitch, and a wider speck in the last columns. Its
        // cells, rounded onto one another, once ran past the crop's right edge.
        int w = 167, h = 71;
        byte[] gray = new byte[w * h];
        Arrays.fill(gray, (byte) 255);
        int[][] specks = {{47, 29, 48, 29}, {62, 35, 63, 35}, {62, 36, 62, 36}, {110, 51, 112, 52}, {111, 53, 112, 53}, {161, 69, 163, 69}, {159, 70, 166, 70}};
        for (int[] s : specks) for (int y = s[1]; y <= s[3]; y++) for (int x = s[0]; x <= s[2]; x++) gray[y * w + x] = 0;
        List<Glyphs.Glyph> glyphs = Glyphs.cut(gray, w, h);
        assertTrue(glyphs.stream().allMatch(g -> g.x1() < w && g.y1() < h), "every glyph within the crop");
    }
}
