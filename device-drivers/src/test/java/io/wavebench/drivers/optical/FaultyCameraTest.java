package io.wavebench.drivers.optical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.DecodeResult;
import io.wavebench.drivers.codes.QrCodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What each camera fault does to the frames, and that a seed makes it reproducible. */
class FaultyCameraTest {

    /** A camera whose frame n is a flat field of gray level n % 200 + 20: every frame tells which it is. */
    private static final class Numbered implements Camera {
        private long next;

        @Override
        public Frame capture() {
            long n = next++;
            byte[] luma = new byte[width() * height()];
            Arrays.fill(luma, (byte) (n % 200 + 20));
            return new Frame(width(), height(), luma, n);
        }

        @Override public int width() { return 64; }
        @Override public int height() { return 48; }
        @Override public double framesPerSecond() { return 30; }
    }

    private static List<Frame> capture(Camera camera, int n) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) frames.add(camera.capture());
        return frames;
    }

    @Test
    void without_faults_frames_pass_unchanged() {
        Numbered inner = new Numbered();
        FaultyCamera camera = new FaultyCamera(inner, 1);
        Frame reference = new Numbered().capture();
        Frame f = camera.capture();
        assertTrue(f.samePixels(reference));
        assertEquals(0, f.sequence());
        assertEquals(new FaultyCamera.Counts(1, 0, 0, 0), camera.counts());
        assertEquals(64, camera.width());
        assertEquals(30, camera.framesPerSecond());
    }

    @Test
    void dropped_frames_never_arrive_and_their_numbers_show_the_gap() {
        FaultyCamera camera = new FaultyCamera(new Numbered(), 1);
        camera.drop().next(2);
        List<Frame> frames = capture(camera, 3);
        assertEquals(List.of(2L, 3L, 4L), frames.stream().map(Frame::sequence).toList());
        assertEquals(22, frames.get(0).at(0, 0), "frame 2's own pixels");
        assertEquals(2, camera.counts().dropped());
    }

    @Test
    void a_drop_rate_drops_about_that_share_and_the_same_seed_drops_the_same_frames() {
        List<Long> first = dropping(0.2, 9);
        List<Long> again = dropping(0.2, 9);
        assertEquals(first, again);
        long dropped = first.get(first.size() - 1) + 1 - first.size();
        assertTrue(dropped > 400 && dropped < 600, "about 20 % of 2500: " + dropped);
    }

    private static List<Long> dropping(double rate, long seed) {
        FaultyCamera camera = new FaultyCamera(new Numbered(), seed);
        camera.drop().rate(rate);
        return capture(camera, 2000).stream().map(Frame::sequence).toList();
    }

    @Test
    void a_frozen_frame_repeats_the_last_pixels_under_a_new_number() {
        FaultyCamera camera = new FaultyCamera(new Numbered(), 1);
        Frame before = camera.capture();
        camera.freeze().next(2);
        List<Frame> frames = capture(camera, 3);
        assertTrue(frames.get(0).samePixels(before) && frames.get(1).samePixels(before), "frozen on frame 0");
        assertEquals(List.of(1L, 2L, 3L), frames.stream().map(Frame::sequence).toList());
        assertEquals(23, frames.get(2).at(0, 0), "live again at frame 3");
        assertEquals(2, camera.counts().frozen());
    }

    @Test
    void a_black_frame_is_all_zero() {
        FaultyCamera camera = new FaultyCamera(new Numbered(), 1);
        camera.black().next(1);
        Frame f = camera.capture();
        assertArrayEquals(new byte[64 * 48], f.luma());
        assertEquals(0, f.sequence());
        assertEquals(21, camera.capture().at(5, 5));
        assertEquals(1, camera.counts().black());
    }

    @Test
    void glare_brightens_around_its_centre_and_blur_softens_an_edge() {
        FaultyCamera camera = new FaultyCamera(new Numbered(), 1).glare(new FaultyCamera.Glare(0.5, 0.25, 0.5, 0.05));
        Frame f = camera.capture();
        assertEquals(20 + 128, f.at(16, 24), 1, "half of full white added at the centre");
        assertEquals(20, f.at(60, 5), "nothing far away");

        SimulatedScreen screen = new SimulatedScreen();
        byte[] token = OpticalBenchmark.randomToken(new Random(3));
        screen.showCode(QrCodes.encode(token));
        SimulatedCamera sharp = new SimulatedCamera(screen, OpticalModel.ideal());
        FaultyCamera blurred = new FaultyCamera(new SimulatedCamera(screen, OpticalModel.ideal()), 1).blur(8);
        Frame s = sharp.capture();
        Frame b = blurred.capture();
        assertTrue(contrast(b) < contrast(s) / 2, "blur: neighbour contrast " + contrast(b) + " against " + contrast(s));
        assertTrue(CodeDecoder.qr(OpticalBenchmark.TOKEN_SHAPE).decode(s) instanceof DecodeResult.Decoded, "the sharp frame decodes");
        assertFalse(CodeDecoder.qr(OpticalBenchmark.TOKEN_SHAPE).decode(b) instanceof DecodeResult.Decoded, "an 8 px blur spoils the code");
    }

    private static double contrast(Frame f) {
        long sum = 0;
        for (int y = 0; y < f.height(); y++) for (int x = 1; x < f.width(); x++) sum += Math.abs(f.at(x, y) - f.at(x - 1, y));
        return sum / (double) (f.width() * f.height());
    }

    @Test
    void noise_has_the_stated_spread_and_the_same_seed_gives_the_same_noise() {
        FaultyCamera camera = new FaultyCamera(new Numbered(), 4).noise(10);
        Frame f = camera.capture(); // a flat field of 20: what is not 20 is the noise
        double sum = 0, sum2 = 0;
        for (byte b : f.luma()) {
            int d = (b & 0xFF) - 20;
            sum += d;
            sum2 += d * d;
        }
        int n = f.luma().length;
        double sd = Math.sqrt(sum2 / n - (sum / n) * (sum / n));
        assertEquals(10, sd, 1, "sigma 10 gray levels (clipping at 0 takes a little)");
        assertTrue(f.samePixels(new FaultyCamera(new Numbered(), 4).noise(10).capture()));
    }

    @Test
    void clean_ends_every_fault() {
        FaultyCamera camera = new FaultyCamera(new Numbered(), 1);
        camera.drop().next(3);
        camera.black().rate(1);
        camera.glare(new FaultyCamera.Glare(1, 0.5, 0.5, 0.1)).blur(2).noise(5).clean();
        Frame f = camera.capture();
        assertEquals(0, f.sequence());
        assertEquals(20, f.at(32, 24));
    }

    @Test
    void a_bad_setting_is_refused_naming_the_camera() {
        FaultyCamera camera = new FaultyCamera(new Numbered(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> camera.drop().rate(1));
        assertTrue(e.getMessage().startsWith("FaultyCamera[") && e.getMessage().contains("dropped rate must be in [0, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> camera.black().next(-1));
    }

    @Test
    void the_inner_camera_is_reachable() {
        Numbered inner = new Numbered();
        assertSame(inner, new FaultyCamera(inner, 1).inner());
    }
}
