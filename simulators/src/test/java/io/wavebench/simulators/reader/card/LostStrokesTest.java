package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * When a number line's reading from the card's grey levels may stand for the crop's
 * ({@link CardPhotoReader#lostStrokesRestored}): only where it gives back the side of an 8 the
 * crop lost, a 3 or a 2 read as 8, and changes nothing else.
 */
class LostStrokesTest {

    @Test
    void eights_read_as_threes_and_twos_may_be_restored() {
        assertTrue(CardPhotoReader.lostStrokesRestored("6260334547339495012", "6260384547339495012"));
        assertTrue(CardPhotoReader.lostStrokesRestored("6214013505931625427", "6214013505981685427"));
    }

    @Test
    void any_other_change_is_no_restoring() {
        // A 1 read as 2 (the grey levels' misread that passed Luhn on a card failing it on purpose).
        assertFalse(CardPhotoReader.lostStrokesRestored("3413123456783383", "3413223456783383"));
        // An 8 read as 3: strokes lost, not given back.
        assertFalse(CardPhotoReader.lostStrokesRestored("6260384547339495012", "6260334547339495012"));
        // One restored 8 beside another digit changed.
        assertFalse(CardPhotoReader.lostStrokesRestored("6260334547339495012", "6260384547339495013"));
        // A digit dropped or added, or nothing changed.
        assertFalse(CardPhotoReader.lostStrokesRestored("6260334547339495012", "626038454733949501"));
        assertFalse(CardPhotoReader.lostStrokesRestored("6260384547339495012", "6260384547339495012"));
    }
}
