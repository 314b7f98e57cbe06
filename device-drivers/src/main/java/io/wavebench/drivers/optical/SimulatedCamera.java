package io.wavebench.drivers.optical;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A reader's code camera looking at a {@link SimulatedScreen} through an {@link OpticalModel}
 * (DESIGN §3). A pinhole camera of the {@link Sensor}'s size and field of view aims at the centre
 * of the screen, where {@link PaymentPage} puts the code. Frame {@code n} depends only on the
 * screen's content, the model (with its seed) and {@code n}: the same scenario gives the same
 * frames. {@link #capture()} never waits: the frame rate is stated, not slept.
 */
public final class SimulatedCamera implements Camera {

    /** A sensor: pixels, horizontal field of view, frame rate. */
    public record Sensor(int width, int height, double horizontalFovDeg, double framesPerSecond) {

        /** A typical code reader's module: 1280×800 global shutter, 60° across, 30 fps. */
        public static final Sensor READER = new Sensor(1280, 800, 60, 30);

        public Sensor {
            if (width <= 0 || height <= 0) throw new IllegalArgumentException("sensor size must be positive");
            if (!(horizontalFovDeg > 0 && horizontalFovDeg < 170)) throw new IllegalArgumentException("field of view must be in (0°, 170°): " + horizontalFovDeg);
            if (!(framesPerSecond > 0)) throw new IllegalArgumentException("frame rate must be positive");
        }

        public double focalPx() {
            return width / 2.0 / Math.tan(Math.toRadians(horizontalFovDeg) / 2);
        }
    }

    /** What lies around the phone's screen: the bezel and the reader's dark window. */
    private static final float SURROUND = 0.02f;
    /** The lens's own blur, sigma in pixels, before any defocus. */
    private static final double LENS_SIGMA_PX = 0.5;
    /** Exposure 1 puts full-brightness white here. */
    private static final double WHITE_LEVEL = 235;

    private final SimulatedScreen screen;
    private final OpticalModel model;
    private final Sensor sensor;
    private final AtomicLong next = new AtomicLong();

    public SimulatedCamera(SimulatedScreen screen, OpticalModel model, Sensor sensor) {
        this.screen = screen;
        this.model = model;
        this.sensor = sensor;
    }

    public SimulatedCamera(SimulatedScreen screen, OpticalModel model) {
        this(screen, model, Sensor.READER);
    }

    public OpticalModel model() {
        return model;
    }

    @Override
    public Frame capture() {
        return frame(next.getAndIncrement());
    }

    @Override
    public int width() {
        return sensor.width();
    }

    @Override
    public int height() {
        return sensor.height();
    }

    @Override
    public double framesPerSecond() {
        return sensor.framesPerSecond();
    }

    /** Camera pixels per screen pixel at the screen's centre, before tilt: how big a module looks. */
    public double cameraPxPerScreenPx() {
        return sensor.focalPx() * screen.display().mmPerPixel() / model.distanceMm();
    }

    /** Frame number {@code sequence} of what the screen shows now. */
    public Frame frame(long sequence) {
        SplittableRandom random = new SplittableRandom(model.seed() * 0x9E3779B97F4A7C15L + sequence);
        double j = model.jitter();
        double roll = model.rollDeg() + j * 2 * signed(random);
        double tilt = model.tiltDeg() + j * 1.5 * signed(random);
        double offsetX = j * 3 * signed(random);
        double offsetY = j * 3 * signed(random);
        double distance = model.distanceMm() * (1 + j * 0.03 * signed(random));
        double glareX = model.glareX() + j * 0.05 * signed(random);
        double glareY = model.glareY() + j * 0.05 * signed(random);

        int w = sensor.width();
        int h = sensor.height();
        Display display = screen.display();
        Homography toCamera = Homography.pose(display, display.widthPx() / 2.0, display.heightPx() / 2.0, distance, offsetX, offsetY,
                tilt, model.tiltAxisDeg(), roll, sensor.focalPx(), w / 2.0, h / 2.0);
        float[] scene = project(screen.emitted(), display, toCamera.inverse(), distance);
        addGlareAndAmbient(scene, w, h, glareX, glareY);
        scene = GrayFilters.gaussian(scene, w, h, Math.hypot(LENS_SIGMA_PX, model.defocusPx()));
        if (model.motionBlurPx() > 0) scene = GrayFilters.motion(scene, w, h, model.motionBlurPx(), model.motionAngleDeg());
        byte[] luma = expose(scene, random);
        if (model.jpegQuality() > 0) luma = jpeg(luma, w, h, model.jpegQuality());
        return new Frame(w, h, luma, sequence);
    }

    /** Samples the screen for every camera pixel, several points per pixel so small modules don't alias. */
    private float[] project(float[] emitted, Display display, Homography toScreen, double distance) {
        int w = sensor.width();
        int h = sensor.height();
        int sw = display.widthPx();
        int sh = display.heightPx();
        double screenPxPerCameraPx = distance / (sensor.focalPx() * display.mmPerPixel());
        int n = (int) Math.max(2, Math.min(4, Math.ceil(screenPxPerCameraPx)));
        float weight = 1f / (n * n);
        float[] scene = new float[w * h];
        double[] uv = new double[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int sy = 0; sy < n; sy++) {
                    for (int sx = 0; sx < n; sx++) {
                        double cx = x + (sx + 0.5) / n - 0.5;
                        double cy = y + (sy + 0.5) / n - 0.5;
                        if (toScreen.apply(cx, cy, uv) && uv[0] >= 0 && uv[1] >= 0 && uv[0] <= sw - 1 && uv[1] <= sh - 1) {
                            sum += GrayFilters.bilinear(emitted, sw, sh, uv[0], uv[1]);
                        } else {
                            sum += SURROUND;
                        }
                    }
                }
                scene[y * w + x] = sum * weight;
            }
        }
        return scene;
    }

    private void addGlareAndAmbient(float[] scene, int w, int h, double glareX, double glareY) {
        double peak = model.glare();
        double ambient = model.ambient();
        if (peak <= 0 && ambient <= 0) return;
        double gx = glareX * w;
        double gy = glareY * h;
        double twoSigma2 = 2 * Math.pow(model.glareRadius() * w, 2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d2 = (x - gx) * (x - gx) + (y - gy) * (y - gy);
                // A blob where the lamp is mirrored, and a faint sheen falling off across the glass.
                double light = ambient + peak * (Math.exp(-d2 / twoSigma2) + 0.15 * (1 - x / (double) w));
                scene[y * w + x] += (float) light;
            }
        }
    }

    private byte[] expose(float[] scene, SplittableRandom random) {
        double gain = model.exposure() * WHITE_LEVEL;
        double noise = model.noiseSigma();
        byte[] out = new byte[scene.length];
        for (int i = 0; i < scene.length; i++) {
            double v = scene[i] * gain;
            if (noise > 0) {
                // Read noise is a quarter of the variance; shot noise grows with the signal.
                double sd = noise * Math.sqrt(0.25 + 0.75 * Math.max(0, v) / WHITE_LEVEL);
                v += sd * random.nextGaussian();
            }
            long q = Math.round(v);
            out[i] = (byte) (q < 0 ? 0 : Math.min(q, 255));
        }
        return out;
    }

    private static byte[] jpeg(byte[] luma, int w, int h, int quality) {
        BufferedImage image = new Frame(w, h, luma, 0).toImage();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG-compressing a " + w + "×" + h + " frame", e);
        } finally {
            writer.dispose();
        }
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            return Frame.of(decoded, 0).luma();
        } catch (IOException e) {
            throw new UncheckedIOException("reading back a JPEG frame", e);
        }
    }

    private static double signed(SplittableRandom random) {
        return random.nextDouble() * 2 - 1;
    }
}
