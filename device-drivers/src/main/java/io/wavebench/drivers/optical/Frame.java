package io.wavebench.drivers.optical;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/**
 * One camera frame: 8-bit luminance, row-major, {@code width × height} bytes (a reader's code
 * camera is monochrome). {@code sequence} counts frames from 0 per camera. The array is the
 * frame's own: callers must not change it.
 */
public record Frame(int width, int height, byte[] luma, long sequence) {

    public Frame {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("frame size must be positive: " + width + "×" + height);
        if (luma.length != width * height) {
            throw new IllegalArgumentException("frame " + width + "×" + height + " needs " + width * height + " bytes, got " + luma.length);
        }
    }

    /** Luminance of a (grayscale or colour) image, Rec. 601 weights, as a frame with the given sequence. */
    public static Frame of(BufferedImage image, long sequence) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] luma = new byte[w * h];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // Raw samples: getRGB would pass them through a linear-to-sRGB conversion.
            image.getRaster().getDataElements(0, 0, w, h, luma);
            return new Frame(w, h, luma, sequence);
        }
        if ((image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel packed
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0) {
            // A screen capture (Robot's images are packed RGB ints): read the pixels where they
            // lie; getRGB goes through the colour model one pixel at a time, several times slower.
            int[] data = ints.getData();
            int stride = packed.getScanlineStride();
            for (int y = 0; y < h; y++) {
                int base = y * stride;
                for (int x = 0; x < w; x++) {
                    int p = data[base + x];
                    luma[y * w + x] = (byte) ((((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 + (p & 0xFF) * 114 + 500) / 1000);
                }
            }
            return new Frame(w, h, luma, sequence);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                luma[y * w + x] = (byte) ((r * 299 + g * 587 + b * 114 + 500) / 1000);
            }
        }
        return new Frame(w, h, luma, sequence);
    }

    public int at(int x, int y) {
        return luma[y * width + x] & 0xFF;
    }

    /** A grayscale image of this frame (for evidence: DESIGN §3 keeps camera frames per scenario). */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(luma, 0, target, 0, luma.length);
        return image;
    }

    /** Same size and same pixels (the sequence number is not compared). */
    public boolean samePixels(Frame other) {
        return width == other.width && height == other.height && Arrays.equals(luma, other.luma);
    }

    @Override
    public String toString() {
        return "Frame[" + width + "×" + height + ", #" + sequence + "]";
    }
}
