package io.wavebench.drivers.optical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Test;

class WindowScreenTest {

    @Test
    void opening_on_a_headless_machine_fails_naming_the_display_and_why() {
        assumeTrue(GraphicsEnvironment.isHeadless(), "this machine has a display");
        try (WindowScreen screen = new WindowScreen(":0.1", 96)) {
            DisplayUnavailableException e = assertThrows(DisplayUnavailableException.class, screen::open);
            assertEquals(":0.1", e.displayId());
            assertTrue(e.getMessage().contains("headless"), e.getMessage());
            assertThrows(IllegalStateException.class, screen::display, "nothing to show on before open()");
        }
    }
}
