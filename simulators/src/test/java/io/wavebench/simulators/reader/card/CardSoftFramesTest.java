package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.card.Expiry;
import io.wavebench.simulators.card.Pan;
import io.wavebench.simulators.reader.card.CardPhotoReader.FrameRead;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Frames between the sharp limit and the blur limit (DESIGN §5.4 blur check) are read, but what
 * only they read needs three of them to agree: a soft frame misreads more often, and two alike
 * misreads are no proof.
 */
class CardSoftFramesTest {

    private static final Pan PAN = Pan.of("4111111111111111");
    private static final Expiry MAY_31 = new Expiry(5, 2031);

    private static FrameRead read(Expiry expiry, boolean soft) {
        return new FrameRead(PAN, expiry, null, 90, null, soft);
    }

    @Test
    void the_limits_keep_a_band_of_soft_frames_below_the_retake() {
        assertTrue(CardPhotoReader.SHARP_LIMIT_PX < CardPhotoReader.BLUR_LIMIT_PX);
        assertTrue(CardPhotoReader.SOFT_READS > 2, "soft frames need more readings than the two sharp ones do");
    }

    @Test
    void two_sharp_frames_are_enough_two_soft_ones_are_not_three_are() {
        assertTrue(CardPhotoReader.enoughReads(List.of(read(MAY_31, false), read(MAY_31, false))));
        assertFalse(CardPhotoReader.enoughReads(List.of(read(MAY_31, true), read(MAY_31, true))));
        assertFalse(CardPhotoReader.enoughReads(List.of(read(MAY_31, false), read(MAY_31, true))));
        assertTrue(CardPhotoReader.enoughReads(List.of(read(MAY_31, true), read(MAY_31, true), read(MAY_31, true))));
        assertTrue(CardPhotoReader.enoughReads(List.of(read(MAY_31, false), read(MAY_31, true), read(MAY_31, false))));
    }

    @Test
    void an_expiry_read_by_two_soft_frames_alone_is_not_taken() {
        assertEquals(Optional.empty(), CardPhotoReader.agreedExpiry(List.of(read(MAY_31, true), read(null, true), read(MAY_31, true))));
        assertEquals(Optional.of(MAY_31), CardPhotoReader.agreedExpiry(List.of(read(MAY_31, false), read(MAY_31, false))));
        assertEquals(Optional.of(MAY_31), CardPhotoReader.agreedExpiry(List.of(read(MAY_31, true), read(MAY_31, true), read(MAY_31, true))));
    }

    @Test
    void the_date_most_frames_read_is_taken() {
        Expiry april31 = new Expiry(4, 2031);
        assertEquals(Optional.of(MAY_31), CardPhotoReader.agreedExpiry(List.of(
                read(april31, false), read(MAY_31, false), read(april31, false), read(MAY_31, false), read(MAY_31, false))));
    }
}
