package io.wavebench.drivers.audio;

import javax.sound.sampled.AudioFormat;

/**
 * Conversions between floats in [-1, 1] and 16-bit signed little-endian PCM, the one line format
 * of wavebench's audio links (DESIGN §3).
 *
 * <p>Both directions scale by 2^15, so a 16-bit value survives float and back exactly: what a
 * phone plays through an ideal cable is captured sample-exact. Floats outside [-1, 1] are clipped
 * (as a DAC would), +1.0 becomes 32767.
 */
public final class Pcm16 {

    public static final int BYTES_PER_SAMPLE = 2;
    private static final float SCALE = 32768f;

    private Pcm16() {}

    /** Mono 16-bit signed little-endian PCM at {@code sampleRate}. */
    public static AudioFormat monoFormat(float sampleRate) {
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, sampleRate, 16, 1, 2, sampleRate, false);
    }

    /** True if {@code format} is 16-bit signed little-endian PCM with one channel. */
    public static boolean isMono16(AudioFormat format) {
        return AudioFormat.Encoding.PCM_SIGNED.equals(format.getEncoding())
            && format.getSampleSizeInBits() == 16
            && format.getChannels() == 1
            && !format.isBigEndian();
    }

    public static short toShort(float sample) {
        float scaled = Math.round(sample * SCALE);
        if (scaled > Short.MAX_VALUE) return Short.MAX_VALUE;
        if (scaled < Short.MIN_VALUE) return Short.MIN_VALUE;
        return (short) scaled;
    }

    public static float toFloat(short sample) {
        return sample / SCALE;
    }

    /** Encodes {@code count} samples from {@code src[srcOff]} into {@code dst[dstOff]}. */
    public static void encode(float[] src, int srcOff, int count, byte[] dst, int dstOff) {
        for (int i = 0; i < count; i++) {
            short s = toShort(src[srcOff + i]);
            int d = dstOff + i * 2;
            dst[d] = (byte) s;
            dst[d + 1] = (byte) (s >> 8);
        }
    }

    public static byte[] encode(float[] samples) {
        byte[] bytes = new byte[samples.length * 2];
        encode(samples, 0, samples.length, bytes, 0);
        return bytes;
    }

    /** Decodes {@code count} samples from {@code src[srcOff]} into {@code dst[dstOff]}. */
    public static void decode(byte[] src, int srcOff, int count, float[] dst, int dstOff) {
        for (int i = 0; i < count; i++) {
            int s = srcOff + i * 2;
            dst[dstOff + i] = toFloat((short) ((src[s] & 0xff) | (src[s + 1] << 8)));
        }
    }

    public static float[] decode(byte[] src, int srcOff, int byteCount) {
        float[] samples = new float[byteCount / 2];
        decode(src, srcOff, samples.length, samples, 0);
        return samples;
    }
}
