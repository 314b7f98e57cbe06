package io.wavebench.drivers.codes.others;

import io.wavebench.drivers.optical.Frame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photographs of a code printed on white paper lying on a darker table, as a camera would take
 * them ({@link PhotoLevel}): the paper turned and seen in perspective, each pixel the mean of 3×3
 * samples of the print, uneven light and a lamp's specular reflection, blur, sensor noise, 8 bits,
 * JPEG through javax.imageio. It shares nothing with the fixtures' screen and camera models
 * (SimulatedScreen, SimulatedCamera, GrayFilters), so a decoder tuned to them is measured on
 * something else. Everything random comes from the caller's {@link Random}: a seed gives the same
 * files.
 */
public final class PrintPhotographer {

    /** Ink and paper reflectance; the table's is lower and varies slowly. */
    private static final double INK = 0.06;
    private static final double PAPER = 1.0;
    private static final double TABLE = 0.32;
    /** Paper in full light: above the top of the range, so white paper clips, as a camera exposing for the ink often has it. */
    private static final double WHITE_LEVEL = 262;
    private static final int SUPERSAMPLE = 3;
    /** The smallest frame; a larger paper gets a frame a quarter larger than it, as a reader aimed at the code frames it. */
    private static final int MIN_WIDTH = 400;
    private static final int MIN_HEIGHT = 300;

    private PrintPhotographer() {
    }

    /** A photograph: the file as a camera would store it (JPEG, or PNG at quality 0), and the frame a reader decodes from that file. */
    public record Photo(byte[] file, String extension, Frame frame) {
        public Photo {
            file = file.clone();
        }

        @Override
        public byte[] file() {
            return file.clone();
        }
    }

    /**
     * Photographs {@code code} printed with at least {@code quietModules} of paper on each side.
     */
    public static Photo photograph(Modules code, int quietModules, PhotoLevel level, Random random) {
        double ppm = level.pxPerModule() * (0.95 + 0.1 * random.nextDouble());
        double angle = Math.toRadians((random.nextBoolean() ? 1 : -1) * level.rotationDeg() + 4 * (random.nextDouble() - 0.5));
        double halfPaperW = code.width() / 2.0 + quietModules + 2 + 6 * random.nextDouble();
        double halfPaperH = code.height() / 2.0 + quietModules + 2 + 6 * random.nextDouble();
        double tiltDirection = 2 * Math.PI * random.nextDouble();
        double paperRadiusPx = Math.hypot(halfPaperW, halfPaperH) * ppm;
        Geometry g = new Geometry(ppm, angle, level.perspective() / paperRadiusPx * Math.cos(tiltDirection),
                level.perspective() / paperRadiusPx * Math.sin(tiltDirection));

        // The frame holds the whole paper with some table around it.
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] corner : new double[][] {{-halfPaperW, -halfPaperH}, {halfPaperW, -halfPaperH}, {halfPaperW, halfPaperH}, {-halfPaperW, halfPaperH}}) {
            double[] p = g.toPixel(corner[0], corner[1]);
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        int width = Math.max(MIN_WIDTH, (int) Math.ceil(1.25 * (maxX - minX)) + 40);
        int height = Math.max(MIN_HEIGHT, (int) Math.ceil(1.25 * (maxY - minY)) + 40);
        double slackX = width - (maxX - minX) - 40;
        double slackY = height - (maxY - minY) - 40;
        double originX = 20 - minX + slackX * random.nextDouble();
        double originY = 20 - minY + slackY * random.nextDouble();

        double tableWaveX = 2 * Math.PI / (150 + 200 * random.nextDouble());
        double tableWaveY = 2 * Math.PI / (150 + 200 * random.nextDouble());
        double[] light = lightField(width, height, level, random);

        double[] glareCentre = g.toPixel((random.nextDouble() - 0.5) * code.width() * 0.5, (random.nextDouble() - 0.5) * code.height() * 0.5);
        double glareX = glareCentre[0] + originX;
        double glareY = glareCentre[1] + originY;
        double glareSigma = 0.12 * Math.max(code.width(), code.height()) * ppm;

        float[] image = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int sy = 0; sy < SUPERSAMPLE; sy++) {
                    for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                        double px = x + (sx + 0.5) / SUPERSAMPLE - originX;
                        double py = y + (sy + 0.5) / SUPERSAMPLE - originY;
                        double[] m = g.toModules(px, py);
                        double u = m[0], v = m[1];
                        if (Math.abs(u) <= halfPaperW && Math.abs(v) <= halfPaperH) {
                            int mx = (int) Math.floor(u + code.width() / 2.0);
                            int my = (int) Math.floor(v + code.height() / 2.0);
                            sum += code.isDark(mx, my) ? INK : PAPER;
                        } else {
                            sum += TABLE * (1 + 0.15 * Math.sin(x * tableWaveX) * Math.cos(y * tableWaveY));
                        }
                    }
                }
                double reflectance = sum / (SUPERSAMPLE * SUPERSAMPLE);
                double value = WHITE_LEVEL * reflectance * light[y * width + x];
                if (level.glare() > 0) {
                    // A lamp seen in the paper's sheen: a bright core and a wide falloff, over ink and paper alike.
                    double d2 = (x - glareX) * (x - glareX) + (y - glareY) * (y - glareY);
                    value += 255 * level.glare() * (Math.exp(-d2 / (2 * glareSigma * glareSigma)) + 0.35 * Math.exp(-d2 / (2 * 9 * glareSigma * glareSigma)));
                }
                image[y * width + x] = (float) value;
            }
        }
        if (level.blurSigma() > 0) image = gaussianBlur(image, width, height, level.blurSigma());
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < image.length; i++) {
            double v = image[i];
            // Read noise plus shot noise, which grows with the light.
            double sigma = Math.sqrt(level.noiseSigma() * level.noiseSigma() + 0.04 * Math.max(0, v));
            v += sigma * random.nextGaussian();
            pixels[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
        byte[] file = level.jpegQuality() > 0 ? jpeg(gray, level.jpegQuality()) : png(gray);
        try {
            BufferedImage stored = ImageIO.read(new ByteArrayInputStream(file));
            return new Photo(file, level.jpegQuality() > 0 ? "jpg" : "png", Frame.of(stored, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Light over the frame: 1, falling off by {@code unevenLight} along a random direction, and a slight vignette. */
    private static double[] lightField(int width, int height, PhotoLevel level, Random random) {
        double direction = 2 * Math.PI * random.nextDouble();
        double dx = Math.cos(direction), dy = Math.sin(direction);
        double half = 0.5 * (Math.abs(dx) * width + Math.abs(dy) * height);
        double[] light = new double[width * height];
        double cx = width / 2.0, cy = height / 2.0, r2 = cx * cx + cy * cy;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double t = 0.5 + 0.5 * ((x - cx) * dx + (y - cy) * dy) / half;
                double vignette = 1 - 0.06 * ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / r2;
                light[y * width + x] = (1 - level.unevenLight() * t) * vignette;
            }
        }
        return light;
    }

    /**
     * Where the print's modules land in the picture: turned by {@code angle}, {@code ppm} pixels a
     * module, then a keystone (the projective term 1 + kx·x + ky·y), origin at the code's centre.
     */
    private record Geometry(double ppm, double angle, double kx, double ky) {

        double[] toPixel(double u, double v) {
            double a = ppm * (Math.cos(angle) * u - Math.sin(angle) * v);
            double b = ppm * (Math.sin(angle) * u + Math.cos(angle) * v);
            double w = 1 + kx * a + ky * b;
            return new double[] {a / w, b / w};
        }

        double[] toModules(double x, double y) {
            // x = a / (1 + kx a + ky b), y = b / (...): linear in (a, b) once multiplied out.
            double m11 = 1 - x * kx, m12 = -x * ky, m21 = -y * kx, m22 = 1 - y * ky;
            double det = m11 * m22 - m12 * m21;
            double a = (x * m22 - m12 * y) / det;
            double b = (m11 * y - m21 * x) / det;
            return new double[] {(Math.cos(angle) * a + Math.sin(angle) * b) / ppm, (-Math.sin(angle) * a + Math.cos(angle) * b) / ppm};
        }
    }

    private static float[] gaussianBlur(float[] in, int w, int h, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double total = 0;
        for (int i = -r; i <= r; i++) total += k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < k.length; i++) k[i] /= total;
        float[] rows = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) s += k[i + r] * in[y * w + Math.max(0, Math.min(w - 1, x + i))];
                rows[y * w + x] = (float) s;
            }
        }
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) s += k[i + r] * rows[Math.max(0, Math.min(h - 1, y + i)) * w + x];
                out[y * w + x] = (float) s;
            }
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
