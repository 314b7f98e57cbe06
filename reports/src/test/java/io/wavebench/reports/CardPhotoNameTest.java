package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The card-photo guard catches card images, not the report's page of card_photo.feature. */
class CardPhotoNameTest {

    @Test
    void card_images_are_card_photos_the_feature_page_is_not() {
        assertTrue(Evidence.isCardPhoto("card-front.png"));
        assertTrue(Evidence.isCardPhoto("frame-card_photo-3.png"));
        assertFalse(Evidence.isCardPhoto("feature-card_photo.html"));
        assertFalse(Evidence.isCardPhoto("air.png"));
    }
}
