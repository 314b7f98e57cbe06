package io.wavebench.drivers.channel;

import io.wavebench.drivers.dsp.RealFft;
import java.util.Arrays;

/**
 * Streaming convolution with a long impulse response (DESIGN §4: room echoes with RT60 up to
 * 0.5 s, i.e. ≈24 000 taps at 48 kHz), by uniformly partitioned overlap-save in the frequency
 * domain: the response is cut into blocks of {@value #BLOCK} taps, each transformed once; every
 * input block is transformed once and multiplied with each partition's spectrum from a delay line.
 * Cost per sample is ≈ 8·taps/{@value #BLOCK} multiply-adds plus two FFTs' share, a few hundred
 * flops instead of 24 000 for direct convolution, which keeps the channel many times faster than
 * real time.
 *
 * <p>Output length equals input length: the output is delayed by {@value #BLOCK} samples (one
 * block, ≈10.7 ms at 48 kHz — like a sound card buffer or 3.7 m of air), the price of working in
 * blocks. Because blocks are cut by absolute sample count, chunked calls give exactly what one
 * call gives.
 */
final class StreamingConvolver {

    static final int BLOCK = 512;
    private static final int N = 2 * BLOCK;
    /** Bins 0..N/2 of a real signal's spectrum; the rest mirror them. */
    private static final int BINS = N / 2 + 1;

    private final RealFft fft = new RealFft(N);
    private final int partitions;
    /**
     * Partition spectra, real and imaginary parts apart and as floats: the products stream through
     * all of them once per block, and in this form the JIT runs them in vector registers and half
     * the bytes stay in cache (float precision, ≈ −140 dB, is far below the channel's noise).
     */
    private final float[][] hRe, hIm;
    /** Delay line of input-block spectra; x[(newest - k) mod partitions] is k blocks old. */
    private final float[][] xRe, xIm;
    private int newest;
    private final float[] window = new float[N]; // previous block | current block
    private int filled; // samples of the current block so far
    private final float[] accRe = new float[BINS], accIm = new float[BINS];
    /** The transform's work array: a block on its way into or out of the frequency domain. */
    private final double[] work = new double[N];
    private final float[] outFifo;
    private int outRead, outCount;

    StreamingConvolver(float[] impulseResponse) {
        partitions = Math.max(1, (impulseResponse.length + BLOCK - 1) / BLOCK);
        hRe = new float[partitions][BINS];
        hIm = new float[partitions][BINS];
        for (int p = 0; p < partitions; p++) {
            int from = p * BLOCK;
            Arrays.fill(work, 0);
            for (int i = 0; i < Math.min(BLOCK, impulseResponse.length - from); i++) work[i] = impulseResponse[from + i];
            fft.forward(work);
            unpack(work, hRe[p], hIm[p]);
        }
        xRe = new float[partitions][BINS];
        xIm = new float[partitions][BINS];
        outFifo = new float[4 * BLOCK];
        outCount = BLOCK; // the one-block latency, as leading silence
    }

    /** Convolves {@code length} samples in place (output = input delayed by {@value #BLOCK}, convolved). */
    void process(float[] samples, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            window[BLOCK + filled++] = samples[i];
            if (filled == BLOCK) {
                block();
                filled = 0;
            }
            samples[i] = outFifo[outRead];
            outRead = (outRead + 1) % outFifo.length;
            outCount--;
        }
    }

    private void block() {
        newest = (newest + 1) % partitions;
        for (int i = 0; i < N; i++) work[i] = window[i];
        fft.forward(work);
        unpack(work, xRe[newest], xIm[newest]);
        Arrays.fill(accRe, 0);
        Arrays.fill(accIm, 0);
        for (int k = 0; k < partitions; k++) {
            int age = Math.floorMod(newest - k, partitions);
            float[] ar = xRe[age], ai = xIm[age], br = hRe[k], bi = hIm[k];
            for (int j = 0; j < BINS; j++) {
                accRe[j] += ar[j] * br[j] - ai[j] * bi[j];
                accIm[j] += ar[j] * bi[j] + ai[j] * br[j];
            }
        }
        work[0] = accRe[0];
        work[1] = accRe[N / 2];
        for (int j = 1; j < N / 2; j++) {
            work[2 * j] = accRe[j];
            work[2 * j + 1] = accIm[j];
        }
        fft.inverse(work);
        // overlap-save: the second half is the valid linear convolution of the newest block
        int write = (outRead + outCount) % outFifo.length;
        for (int j = 0; j < BLOCK; j++) {
            outFifo[write] = (float) work[BLOCK + j];
            write = (write + 1) % outFifo.length;
        }
        outCount += BLOCK;
        System.arraycopy(window, BLOCK, window, 0, BLOCK);
    }

    /** {@link RealFft}'s packed spectrum into bins 0..N/2, real and imaginary parts apart. */
    private static void unpack(double[] packed, float[] re, float[] im) {
        re[0] = (float) packed[0];
        re[N / 2] = (float) packed[1];
        for (int j = 1; j < N / 2; j++) {
            re[j] = (float) packed[2 * j];
            im[j] = (float) packed[2 * j + 1];
        }
    }
}
