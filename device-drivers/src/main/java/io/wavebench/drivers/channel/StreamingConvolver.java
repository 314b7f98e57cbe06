package io.wavebench.drivers.channel;

import be.tarsos.dsp.util.fft.FloatFFT;

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
 * call gives. The FFT is TarsosDSP's (DESIGN §4).
 */
final class StreamingConvolver {

    static final int BLOCK = 512;
    private static final int N = 2 * BLOCK;

    private final FloatFFT fft = new FloatFFT(N);
    private final int partitions;
    /** Partition spectra in FloatFFT's packed real layout, N floats each. */
    private final float[][] h;
    /** Delay line of input-block spectra; x[(newest - k) mod partitions] is k blocks old. */
    private final float[][] x;
    private int newest;
    private final float[] window = new float[N]; // previous block | current block
    private int filled; // samples of the current block so far
    private final float[] acc = new float[N];
    private final float[] outFifo;
    private int outRead, outCount;

    StreamingConvolver(float[] impulseResponse) {
        partitions = Math.max(1, (impulseResponse.length + BLOCK - 1) / BLOCK);
        h = new float[partitions][N];
        for (int p = 0; p < partitions; p++) {
            int from = p * BLOCK;
            int len = Math.min(BLOCK, impulseResponse.length - from);
            if (len > 0) System.arraycopy(impulseResponse, from, h[p], 0, len);
            fft.realForward(h[p]);
        }
        x = new float[partitions][N];
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
        float[] spectrum = x[newest];
        System.arraycopy(window, 0, spectrum, 0, N);
        fft.realForward(spectrum);
        java.util.Arrays.fill(acc, 0);
        for (int k = 0; k < partitions; k++) {
            float[] xs = x[Math.floorMod(newest - k, partitions)];
            float[] hs = h[k];
            // packed layout: [0] = Re(0), [1] = Re(N/2), then (Re, Im) pairs
            acc[0] += xs[0] * hs[0];
            acc[1] += xs[1] * hs[1];
            for (int j = 2; j < N; j += 2) {
                float xr = xs[j], xi = xs[j + 1], hr = hs[j], hi = hs[j + 1];
                acc[j] += xr * hr - xi * hi;
                acc[j + 1] += xr * hi + xi * hr;
            }
        }
        fft.realInverse(acc, true);
        // overlap-save: the second half is the valid linear convolution of the newest block
        int write = (outRead + outCount) % outFifo.length;
        for (int j = 0; j < BLOCK; j++) {
            outFifo[write] = acc[BLOCK + j];
            write = (write + 1) % outFifo.length;
        }
        outCount += BLOCK;
        System.arraycopy(window, BLOCK, window, 0, BLOCK);
    }
}
