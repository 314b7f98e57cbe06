package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.ocr.Recognized;
import io.wavebench.simulators.card.Expiry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An MM/YY line whose thin slash the OCR engine lost (DESIGN §5.4): the slash's place seen in the
 * line's ink ({@link DateSlash}), MM and YY cut apart beside it ({@link TextLines.Line#between}) and
 * taken only as two digits each, the first a month ({@link CardPhotoReader#pairs}).
 */
class DateSlashTest {

    private static final int W = CardFace.WIDTH, H = CardFace.HEIGHT;
    private static final float THRESHOLD = 20;
    /** The line's box: 30 px tall digits, 100 px of MM/YY. */
    private static final int X0 = 300, X1 = 399, Y0 = 400, Y1 = 429;

    private static void fill(float[] ink, int x0, int y0, int x1, int y1, float value) {
        for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) ink[y * W + x] = value;
    }

    /** Four digits drawn as rings (a 0's outline: blank inside, as a digit's counter), two each side of the middle. */
    private static float[] fourDigits() {
        float[] ink = new float[W * H];
        for (int x0 : new int[] {X0, X0 + 20, X0 + 60, X0 + 80}) {
            fill(ink, x0, Y0, x0 + 17, Y1, 3 * THRESHOLD);
            fill(ink, x0 + 4, Y0 + 4, x0 + 13, Y1 - 4, 0);
        }
        return ink;
    }

    /** A stroke 3 px wide from (foot, Y1) to (top, Y0), at {@code share} of the threshold. */
    private static void stroke(float[] ink, int foot, int top, double share) {
        for (int y = Y0; y <= Y1; y++) {
            int x = (int) Math.round(foot + (top - foot) * (double) (Y1 - y) / (Y1 - Y0));
            fill(ink, x - 1, y, x + 1, y, (float) (share * THRESHOLD));
        }
    }

    private static TextLines.Line line(float[] ink) {
        List<TextLines.Box> boxes = List.of(new TextLines.Box(X0, Y0, X0 + 17, Y1), new TextLines.Box(X0 + 20, Y0, X0 + 37, Y1),
                new TextLines.Box(X0 + 60, Y0, X0 + 77, Y1), new TextLines.Box(X0 + 80, Y0, X1 - 2, Y1));
        return TextLines.crop(X0, Y0, X1, Y1, 4, Y1 - Y0 + 1, 1, boxes, ink, THRESHOLD);
    }

    @Test
    void a_faint_right_leaning_stroke_between_the_pairs_is_the_slash() {
        float[] ink = fourDigits();
        stroke(ink, 343, 356, 0.4); // a thin slash through the camera's blur: under the digits' bar
        Optional<DateSlash.Slash> slash = DateSlash.find(line(ink));
        assertTrue(slash.isPresent(), "the slash is seen");
        assertTrue(Math.abs(slash.get().centre() - 349.5) <= 1.5 && slash.get().top() - slash.get().foot() >= 9, "where it stands: " + slash.get());
    }

    @Test
    void four_digits_with_nothing_between_the_pairs_have_no_slash() {
        assertEquals(Optional.empty(), DateSlash.find(line(fourDigits())), "the gap between two digits is blank at mid-height");
    }

    @Test
    void an_upright_stem_or_a_backslash_is_no_slash() {
        float[] stem = fourDigits();
        fill(stem, 348, Y0, 351, Y1, 3 * THRESHOLD); // a 1 between the pairs: it leans less than a slash
        assertEquals(Optional.empty(), DateSlash.find(line(stem)));
        float[] backslash = fourDigits();
        stroke(backslash, 356, 343, 1);
        assertEquals(Optional.empty(), DateSlash.find(line(backslash)), "leaning left");
    }

    @Test
    void a_blot_across_the_middle_is_no_slash() {
        float[] ink = new float[W * H];
        fill(ink, 335, Y0, 364, Y1, THRESHOLD); // inked on every row, wider than a digit
        assertEquals(Optional.empty(), DateSlash.find(line(ink)), "no thin stroke");
    }

    @Test
    void of_two_strokes_the_one_nearer_the_middle_is_the_slash() {
        float[] ink = fourDigits();
        stroke(ink, 343, 356, 1);
        stroke(ink, 333, 344, 1); // a 7's stem leans alike, off the middle
        Optional<DateSlash.Slash> slash = DateSlash.find(line(ink));
        assertTrue(slash.isPresent() && Math.abs(slash.get().centre() - 349.5) <= 1.5, "the slash: " + slash);
    }

    @Test
    void a_slash_away_from_the_middle_of_the_line_is_not_the_dates() {
        float[] ink = new float[W * H];
        fill(ink, X0 + 60, Y0, X1, Y1, 0);
        stroke(ink, X0 + 62, X0 + 75, 1); // in the last quarter of the line
        assertEquals(Optional.empty(), DateSlash.find(line(ink)));
    }

    @Test
    void a_stroke_broken_over_a_third_of_its_height_is_no_slash() {
        float[] ink = fourDigits();
        stroke(ink, 343, 356, 1);
        fill(ink, 340, Y0 + 10, 360, Y0 + 19, 0);
        assertEquals(Optional.empty(), DateSlash.find(line(ink)));
    }

    @Test
    void between_two_columns_the_crop_is_white_beyond_them() {
        float[] ink = fourDigits();
        stroke(ink, 343, 356, 3);
        TextLines.Line whole = line(ink);
        TextLines.Line mm = whole.between(X0, 338);
        assertEquals(X0, mm.x0());
        assertEquals(338, mm.x1());
        assertEquals(2, mm.marks(), "the marks of MM");
        assertEquals(Optional.empty(), darkColumnBeyond(mm, 339), "no ink of the slash in MM's margin");
        assertTrue(darkColumnBeyond(whole.between(X0, 360), 339).isPresent(), "the slash, when inside the columns");
    }

    /** A crop column showing a card column at or beyond {@code cardX} that holds a dark pixel. */
    private static Optional<Integer> darkColumnBeyond(TextLines.Line line, int cardX) {
        int pad = (int) Math.round(line.height() * 0.45);
        double scale = Math.max(1, 50 / line.height());
        int from = (int) Math.round((cardX - (line.x0() - pad)) * scale);
        for (int x = from; x < line.cropWidth(); x++) {
            for (int y = 0; y < line.cropHeight(); y++) if ((line.crop()[y * line.cropWidth() + x] & 0xFF) < 128) return Optional.of(x);
        }
        return Optional.empty();
    }

    private static Recognized read(String text) {
        return new Recognized(text, 90);
    }

    @Test
    void the_pairs_beside_a_slash_are_a_date_only_as_two_two_digit_words_a_month_first() {
        assertEquals(Optional.of(new Expiry(5, 2030)), CardPhotoReader.pairs(read("05 30")));
        assertEquals(Optional.of(new Expiry(11, 2031)), CardPhotoReader.pairs(read(" 11  31 ")));
        assertEquals(Optional.empty(), CardPhotoReader.pairs(read("5 30")), "a digit lost");
        assertEquals(Optional.empty(), CardPhotoReader.pairs(read("05 301")), "a digit more: a misread");
        assertEquals(Optional.empty(), CardPhotoReader.pairs(read("0530")), "one word: the pairs were not read apart");
        assertEquals(Optional.empty(), CardPhotoReader.pairs(read("13 30")), "no thirteenth month");
        assertEquals(Optional.empty(), CardPhotoReader.pairs(read("00 30")), "no month 00");
        assertEquals(Optional.empty(), CardPhotoReader.pairs(read("05 30 1")), "a third word");
    }

    @Test
    void the_pairs_count_only_where_a_whole_line_reading_gave_their_digits() {
        Optional<Expiry> pairs = Optional.of(new Expiry(5, 2030));
        assertEquals(Set.of(new Expiry(5, 2030)), CardPhotoReader.lineDates(texts("0530", "0 30"), texts("", ""), false, pairs), "the slash lost from the line");
        assertEquals(Set.of(), CardPhotoReader.lineDates(texts("0930", "0931"), texts("", ""), false, pairs), "the line read another month");
        assertEquals(Set.of(), CardPhotoReader.lineDates(texts("0 30", "030"), texts("", ""), false, pairs), "a 5 beside the slash lost: no 1, no confirmation");
        assertEquals(Set.of(new Expiry(11, 2031)), CardPhotoReader.lineDates(texts("131", "131"), texts("1/31", "131"), false, Optional.of(new Expiry(11, 2031))),
                "a 1 beside the slash lost with it");
        assertEquals(Set.of(), CardPhotoReader.lineDates(texts("031", "031"), texts("", ""), false, Optional.of(new Expiry(11, 2031))),
                "a digit away from the slash differs");
        assertEquals(Set.of(new Expiry(11, 2031)), CardPhotoReader.lineDates(texts("131", "131"), texts("11/31", "131"), false, Optional.of(new Expiry(11, 2031))));
        assertEquals(Set.of(), CardPhotoReader.lineDates(texts("131", "131"), texts("11/31", "131"), false, Optional.empty()),
                "without the pairs the faint-ink reading alone does not count");
    }

    private static List<Recognized> texts(String... texts) {
        return java.util.Arrays.stream(texts).map(DateSlashTest::read).toList();
    }
}
