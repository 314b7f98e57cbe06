package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.ocr.Recognized;
import io.wavebench.drivers.ocr.TextRecognizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number line whose gaps show groups with neighbours run together (the camera's blur closes the
 * gap between two groups of a 19-digit number: 4-8-4-3) is counted by its marks: read as its 19
 * digits it is a number, read as 16 it is none, even where the 16 pass Luhn and come as four words.
 */
class CountedGroupsTest {

    private static final int PITCH = 24;
    private static final int GROUP_GAP = 40;

    /** A number line of marks 16 px wide at a 24 px pitch, the groups 40 px apart (more than 0.85 of the 31 px height), ink painted in each mark. */
    private static TextLines.Line line(int... groupSizes) {
        float[] ink = new float[CardFace.WIDTH * CardFace.HEIGHT];
        List<TextLines.Box> boxes = new ArrayList<>();
        int x = 60;
        for (int g = 0; g < groupSizes.length; g++) {
            if (g > 0) x += GROUP_GAP;
            for (int i = 0; i < groupSizes[g]; i++, x += PITCH) {
                TextLines.Box b = new TextLines.Box(x, 300, x + 16, 330);
                boxes.add(b);
                for (int y = b.y0(); y <= b.y1(); y++) for (int xx = b.x0(); xx <= b.x1(); xx++) ink[y * CardFace.WIDTH + xx] = 100;
            }
        }
        return TextLines.crop(boxes.get(0).x0(), 300, boxes.get(boxes.size() - 1).x1(), 330, boxes.size(), 31, -1, boxes, ink, 20);
    }

    /** An engine that reads the whole line's crop as {@code whole} and refuses every group's crop. */
    private static TextRecognizer engine(TextLines.Line line, String whole) {
        return new TextRecognizer() {
            @Override
            public Recognized readLine(byte[] gray, int width, int height, String alphabet) {
                return width == line.cropWidth() ? new Recognized(whole, 90) : new Recognized("", 0);
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void groups_run_together_are_counted_by_their_marks() {
        TextLines.Line line = line(4, 8, 4, 3);
        assertEquals(List.of(4, 8, 4, 3), line.groups().stream().map(TextLines.Line::marks).toList(), "the line's gaps");
        assertArrayEquals(new int[] {4, 8, 4, 3}, CardPhotoReader.countedGroups(line.groups()));
        assertArrayEquals(new int[] {4, 4, 4, 4}, CardPhotoReader.countedGroups(line(4, 4, 4, 4).groups()));
        assertArrayEquals(new int[] {10, 5}, CardPhotoReader.countedGroups(line(10, 5).groups()), "4-6-5 with its first gap closed");
        assertNull(CardPhotoReader.countedGroups(line(4, 4, 4, 5).groups()), "17 marks: no grouping's count, miscounted");
        assertNull(CardPhotoReader.countedGroups(line(19).groups()), "no gaps: an embossed line's digits join, its marks are no count");
    }

    @Test
    void run_together_keeps_the_order_of_the_groups() {
        assertTrue(CardPhotoReader.runTogether(new int[] {4, 4, 4, 4, 3}, new int[] {8, 11}));
        assertFalse(CardPhotoReader.runTogether(new int[] {4, 6, 5}, new int[] {5, 10}), "no group boundary after 5 digits");
        assertFalse(CardPhotoReader.runTogether(new int[] {4, 4, 4, 4}, new int[] {4, 4, 4}), "12 of 16");
    }

    @Test
    void a_line_of_19_marks_read_as_19_digits_is_a_number_and_read_as_16_is_none() {
        TextLines.Line line = line(4, 8, 4, 3);
        assertEquals("6240882966548561381", CardPhotoReader.number(line, engine(line, "6240 88296654 8561 381")).orElseThrow().text());
        // Four words of four digits that pass Luhn: the engine dropped three of the line's 19
        // characters. By the line's count of groups alone (four: 4-4-4-4) it was taken.
        assertTrue(CardPhotoReader.number(line, engine(line, "6240 8829 6654 8560")).isEmpty(), "16 digits from 19 marks");
    }
}
