package io.wavebench.drivers.modem;

/**
 * The receiver's bounded memory: the last {@code capacity} samples fed, addressed by absolute
 * sample number since the receiver started (DESIGN §4: a streaming receiver listens forever, so it
 * keeps only what it may still have to look at again — a frame being decoded, or the samples after
 * a failed preamble where the search resumes).
 */
final class SampleRing {

    private final float[] buffer;
    private final int mask;
    private long written;

    SampleRing(int minimumCapacity) {
        int capacity = Integer.highestOneBit(Math.max(2, minimumCapacity - 1)) << 1;
        buffer = new float[capacity];
        mask = capacity - 1;
    }

    /**
     * A ring holding {@code samples} as sample numbers {@code start..start + samples.length}: a
     * signal the receiver derived from what it heard (an equalized frame), addressed like it.
     */
    static SampleRing holding(long start, float[] samples) {
        SampleRing ring = new SampleRing(samples.length + 1);
        ring.written = start;
        ring.write(samples, 0, samples.length);
        return ring;
    }

    int capacity() {
        return buffer.length;
    }

    /** Absolute number of the next sample to be written (= samples fed so far). */
    long end() {
        return written;
    }

    /** Oldest absolute sample number still held. */
    long start() {
        return Math.max(0, written - buffer.length);
    }

    void write(float[] samples, int offset, int length) {
        for (int i = 0; i < length; i++) {
            buffer[(int) (written++ & mask)] = samples[offset + i];
        }
    }

    float get(long position) {
        return buffer[(int) (position & mask)];
    }

    /** Copies {@code length} samples from absolute {@code position} into {@code dst}. */
    void copy(long position, float[] dst, int dstOffset, int length) {
        checkHeld(position, length);
        for (int i = 0; i < length; i++) dst[dstOffset + i] = buffer[(int) ((position + i) & mask)];
    }

    /** As {@link #copy} into doubles (for the FFT correlator). */
    void copy(long position, double[] dst, int dstOffset, int length) {
        checkHeld(position, length);
        for (int i = 0; i < length; i++) dst[dstOffset + i] = buffer[(int) ((position + i) & mask)];
    }

    private void checkHeld(long position, int length) {
        if (position < start() || position + length > written) {
            throw new IllegalStateException("sample ring holds [" + start() + ", " + written + ") but ["
                    + position + ", " + (position + length) + ") was asked");
        }
    }

    void clear() {
        written = 0;
    }
}
