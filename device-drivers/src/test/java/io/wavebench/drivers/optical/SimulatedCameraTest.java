package io.wavebench.drivers.optical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.codes.Code128Codes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedCameraTest {

    private final SimulatedScreen screen = new SimulatedScreen();

    @BeforeEach
    void showABarcode() {
        screen.showCode(Code128Codes.encode("281234567890123456"));
    }

    @Test
    void the_same_seed_gives_the_same_frames() {
        OpticalModel model = OpticalModel.typical().withSeed(42);
        SimulatedCamera a = new SimulatedCamera(screen, model);
        SimulatedCamera b = new SimulatedCamera(screen, model);
        Frame a0 = a.capture();
        Frame a1 = a.capture();
        assertTrue(a0.samePixels(b.capture()), "frame 0 is reproducible");
        assertTrue(a1.samePixels(b.capture()), "frame 1 is reproducible");
        assertEquals(1, a1.sequence());
        assertFalse(a0.samePixels(a1), "the hand shakes and the sensor is noisy from frame to frame");
        assertFalse(a0.samePixels(new SimulatedCamera(screen, model.withSeed(43)).capture()), "another seed, another frame");
    }

    @Test
    void an_ideal_camera_sees_black_bars_and_a_white_card() {
        Frame frame = new SimulatedCamera(screen, OpticalModel.ideal()).capture();
        int min = 255, max = 0;
        for (int x = 0; x < frame.width(); x++) {
            min = Math.min(min, frame.at(x, frame.height() / 2));
            max = Math.max(max, frame.at(x, frame.height() / 2));
        }
        assertTrue(min < 30 && max > 200, "contrast across the middle row: " + min + ".." + max);
        assertEquals(SimulatedCamera.Sensor.READER.width(), frame.width());
    }

    @Test
    void a_dim_screen_gives_a_dim_frame() {
        Frame bright = new SimulatedCamera(screen, OpticalModel.ideal()).capture();
        screen.brightness(0.2);
        Frame dim = new SimulatedCamera(screen, OpticalModel.ideal()).capture();
        assertTrue(mean(dim) < 0.3 * mean(bright), mean(dim) + " vs " + mean(bright));
        assertThrows(IllegalArgumentException.class, () -> screen.brightness(0));
    }

    @Test
    void a_module_on_the_phone_is_about_0_7_camera_pixels_per_screen_pixel_at_10_cm() {
        assertEquals(0.70, new SimulatedCamera(screen, OpticalModel.ideal()).cameraPxPerScreenPx(), 0.02);
    }

    @Test
    void a_pose_with_no_tilt_maps_the_aim_point_to_the_principal_point_and_inverts() {
        Homography h = Homography.pose(Display.PHONE, 540, 1170, 100, 0, 0, 20, 30, 10, 1000, 640, 400);
        double[] p = new double[2];
        assertTrue(h.apply(540, 1170, p));
        assertEquals(640, p[0], 1e-9);
        assertEquals(400, p[1], 1e-9);
        double[] back = new double[2];
        h.apply(100, 200, p);
        h.inverse().apply(p[0], p[1], back);
        assertEquals(100, back[0], 1e-6);
        assertEquals(200, back[1], 1e-6);
    }

    @Test
    void a_frame_keeps_its_pixels_through_an_image() {
        Frame frame = new SimulatedCamera(screen, OpticalModel.mild()).capture();
        assertTrue(frame.samePixels(Frame.of(frame.toImage(), 0)), "gray images are read raw, not through sRGB");
    }

    private static double mean(Frame f) {
        long sum = 0;
        for (byte b : f.luma()) sum += b & 0xFF;
        return sum / (double) f.luma().length;
    }
}
