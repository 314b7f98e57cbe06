package io.wavebench.drivers.optical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wavebench.drivers.optical.ConnectedComponents.Component;
import io.wavebench.drivers.optical.ConnectedComponents.Connectivity;
import io.wavebench.drivers.optical.ConnectedComponents.Labelling;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

    /** Rows of '#' (ink) and '.' (none). */
    private static boolean[] mask(String... rows) {
        boolean[] mask = new boolean[rows.length * rows[0].length()];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) mask[y * rows[y].length() + x] = rows[y].charAt(x) == '#';
        }
        return mask;
    }

    private static final String[] PICTURE = {
        "##...#",
        "##..#.",
        "...#..",
        "#.....",
    };

    @Test
    void edgeNeighboursMakeOneComponentAndCornersDoNotUnderFourConnectivity() {
        Labelling four = ConnectedComponents.label(mask(PICTURE), 6, 4, Connectivity.FOUR);
        assertEquals(List.of(
                new Component(1, 0, 0, 1, 1, 4),
                new Component(2, 5, 0, 5, 0, 1),
                new Component(3, 4, 1, 4, 1, 1),
                new Component(4, 3, 2, 3, 2, 1),
                new Component(5, 0, 3, 0, 3, 1)), four.components());
        assertArrayEquals(new int[] {
            1, 1, 0, 0, 0, 2,
            1, 1, 0, 0, 3, 0,
            0, 0, 0, 4, 0, 0,
            5, 0, 0, 0, 0, 0}, four.labels());
    }

    @Test
    void aDiagonalStrokeIsOneComponentUnderEightConnectivity() {
        Labelling eight = ConnectedComponents.label(mask(PICTURE), 6, 4, Connectivity.EIGHT);
        assertEquals(List.of(
                new Component(1, 0, 0, 1, 1, 4),
                new Component(2, 3, 0, 5, 2, 3),
                new Component(3, 0, 3, 0, 3, 1)), eight.components());
        assertEquals(3, eight.components().get(1).width());
        assertEquals(3, eight.components().get(1).height());
    }

    @Test
    void aMaskOfTheWrongSizeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectedComponents.label(new boolean[10], 3, 3, Connectivity.FOUR));
        assertEquals("mask of 10 pixels is not 3 × 3", e.getMessage());
    }
}
