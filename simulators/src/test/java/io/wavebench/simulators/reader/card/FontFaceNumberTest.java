package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.ocr.Recognized;
import io.wavebench.drivers.ocr.TextRecognizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A face's sure reading of a whole number line, or of its groups one by one, is taken at any grouping's count of digits, and only with Luhn. */
class FontFaceNumberTest {

    @Test
    void nineteen_digits_cut_into_three_groups_are_a_number() {
        assertEquals("6212345678901234569", CardPhotoReader.anyGroupingsCount(new Recognized("6212 34567890 1234569", 95)).orElseThrow().text());
    }

    @Test
    void a_count_no_grouping_has_or_a_failed_luhn_is_no_number() {
        assertTrue(CardPhotoReader.anyGroupingsCount(new Recognized("62123456789012347", 95)).isEmpty(), "17 digits, Luhn valid: no scheme prints 17");
        assertTrue(CardPhotoReader.anyGroupingsCount(new Recognized("6212 34567890 1234568", 95)).isEmpty(), "19 digits failing Luhn");
        assertTrue(CardPhotoReader.anyGroupingsCount(new Recognized("", 0)).isEmpty(), "a refused line");
    }

    /** A face that reads each group's crop as the text given for that crop's width (0 px wide: refused). */
    private static TextRecognizer face(Map<Integer, String> byWidth) {
        return new TextRecognizer() {
            @Override
            public Recognized readLine(byte[] gray, int width, int height, String alphabet) {
                String text = byWidth.getOrDefault(width, "");
                return new Recognized(text, text.isEmpty() ? 0 : 90);
            }

            @Override
            public void close() {}
        };
    }

    private static TextLines.Line group(int width) {
        return new TextLines.Line(0, 0, width, 10, 4, 10, 1, new byte[width * 10], width, 10, List.of(), null, 0, 0.5, 2.0);
    }

    @Test
    void groups_read_one_by_one_where_the_gaps_showed_no_grouping_are_a_number() {
        // 4-4-8-3: the gap between the third and fourth groups lost to the camera's blur.
        TextRecognizer face = face(Map.of(40, "6212", 41, "3456", 80, "78901234", 30, "569"));
        Recognized read = CardPhotoReader.eachGroup(List.of(group(40), group(41), group(80), group(30)), face);
        assertEquals("6212 3456 78901234 569", read.text());
        assertEquals("6212345678901234569", CardPhotoReader.anyGroupingsCount(read).orElseThrow().text());
    }

    @Test
    void one_group_refused_refuses_the_line() {
        TextRecognizer face = face(Map.of(40, "6212", 41, "3456", 80, "78901234"));
        Recognized read = CardPhotoReader.eachGroup(List.of(group(40), group(41), group(80), group(30)), face);
        assertEquals("", read.text(), "the fourth group gave nothing: no number, not the other groups' digits");
        assertTrue(CardPhotoReader.anyGroupingsCount(read).isEmpty());
    }

    /** An engine that reads each crop as the text given for its width, as a word and as a line alike. */
    private static TextRecognizer engine(Map<Integer, String> byWidth) {
        return new TextRecognizer() {
            @Override
            public Recognized readLine(byte[] gray, int width, int height, String alphabet) {
                return new Recognized(byWidth.getOrDefault(width, ""), 60);
            }

            @Override
            public Recognized readWord(byte[] gray, int width, int height, String alphabet) {
                return readLine(gray, width, height, alphabet);
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void a_group_the_face_is_unsure_of_is_the_engines() {
        // 5306 2876 7433 1528: art across the first group leaves the face unsure there.
        TextRecognizer face = face(Map.of(41, "2876", 42, "7433", 43, "1528"));
        List<TextLines.Line> groups = List.of(group(40), group(41), group(42), group(43));
        assertEquals("5306 2876 7433 1528", CardPhotoReader.eachGroupOrEngine(groups, face, engine(Map.of(40, "5306", 41, "2878"))).text(),
                "the face's groups stand; the engine reads only the one the face gave nothing for");
        assertEquals("5306287674331528", CardPhotoReader.anyGroupingsCount(CardPhotoReader.eachGroupOrEngine(groups, face, engine(Map.of(40, "5306")))).orElseThrow().text());
    }

    @Test
    void an_engines_group_short_of_its_count_or_groups_no_grouping_has_are_no_number() {
        TextRecognizer face = face(Map.of(41, "2876", 42, "7433", 43, "1528"));
        List<TextLines.Line> groups = List.of(group(40), group(41), group(42), group(43));
        assertEquals("", CardPhotoReader.eachGroupOrEngine(groups, face, engine(Map.of(40, "306"))).text(), "the engine dropped a digit of the first group");
        assertEquals("", CardPhotoReader.eachGroupOrEngine(List.of(group(40), group(41)), face, engine(Map.of(40, "5306"))).text(), "two groups: no grouping");
        assertEquals("", CardPhotoReader.eachGroupOrEngine(groups, face(Map.of()), engine(Map.of(40, "5306", 41, "2876", 42, "7433", 43, "1528"))).text(),
                "no group of the face's: the engine's own group reading, made elsewhere");
    }
}
