package io.wavebench.drivers.modem;

import io.wavebench.drivers.dsp.Fft;
import java.util.Arrays;

/**
 * Finds the {@link Preamble} in the receiver's sample ring by normalized cross-correlation
 * (DESIGN §4). The score at position m is the correlation of the template with the
 * template-long slice at m, divided by both energies: it lies in [-1, 1] whatever the level, so
 * one threshold works for a phone at 10 cm and at 2 m. Its absolute value is used because some
 * microphone paths invert polarity; the tone demodulator does not care about sign either.
 *
 * <p>Correlation is done block-wise with FFTs (overlap-save): one block of {@code fftSize} samples
 * gives {@code fftSize - template + 1} scores for two transforms, which keeps the search well
 * above the 50× real-time target of DESIGN §6. All work arrays are allocated once.
 */
final class PreambleDetector {

    enum Result {
        /** Fewer than one block of samples after the search position: feed more. */
        NEED_MORE,
        /** Nothing above threshold in this block: advance the search by {@link #blockAdvance()}. */
        NONE,
        /** A crossing too close to the block end to find its peak: search again from {@link #position()}. */
        RESCAN,
        /** A preamble starts at {@link #position()}, with score {@link #score()}. */
        FOUND
    }

    private final int templateLength;
    private final double templateNorm;
    private final Fft fft;
    private final double[] templateRe;
    private final double[] templateIm;
    private final double[] re;
    private final double[] im;
    private final double[] energy;
    private final double threshold;
    private final int peakSpan;
    private long position;
    private double score;

    /**
     * @param threshold normalized-correlation level that starts a peak search
     * @param peakSpan  samples after the first crossing in which the highest score is taken as the
     *                  frame start (the crossing is often on the rising flank of the peak)
     */
    PreambleDetector(float[] template, double threshold, int peakSpan) {
        this.templateLength = template.length;
        this.threshold = threshold;
        this.peakSpan = peakSpan;
        int size = Integer.highestOneBit(2 * template.length - 1) << 1;
        fft = new Fft(size);
        templateRe = new double[size];
        templateIm = new double[size];
        double e = 0;
        for (int i = 0; i < template.length; i++) {
            templateRe[i] = template[i];
            e += (double) template[i] * template[i];
        }
        templateNorm = Math.sqrt(e);
        fft.forward(templateRe, templateIm);
        re = new double[size];
        im = new double[size];
        energy = new double[size + 1];
        if (peakSpan >= blockAdvance()) throw new IllegalArgumentException("peak span " + peakSpan + " exceeds a block");
    }

    int fftSize() {
        return fft.size();
    }

    /** Scores one block yields; the search moves on by this much after {@link Result#NONE}. */
    int blockAdvance() {
        return fft.size() - templateLength + 1;
    }

    long position() {
        return position;
    }

    double score() {
        return score;
    }

    /** Scores positions {@code from .. from + blockAdvance() - 1} if the ring holds them. */
    Result search(SampleRing ring, long from) {
        int n = fft.size();
        if (ring.end() - from < n) return Result.NEED_MORE;
        ring.copy(from, re, 0, n);
        Arrays.fill(im, 0);
        energy[0] = 0;
        for (int i = 0; i < n; i++) energy[i + 1] = energy[i] + re[i] * re[i];
        fft.forward(re, im);
        for (int k = 0; k < n; k++) {
            // X · conj(T): correlation, not convolution.
            double xr = re[k], xi = im[k], tr = templateRe[k], ti = templateIm[k];
            re[k] = xr * tr + xi * ti;
            im[k] = xi * tr - xr * ti;
        }
        fft.inverse(re, im);
        int count = blockAdvance();
        // A floor on the energy keeps digital silence (and float dust) from scoring.
        double floor = templateLength * 1e-10;
        for (int m = 0; m < count; m++) {
            double s = Math.abs(re[m]) / (templateNorm * Math.sqrt(energy[m + templateLength] - energy[m] + floor));
            if (s < threshold) continue;
            if (m + peakSpan >= count) {
                position = from + m;
                return Result.RESCAN;
            }
            int best = m;
            double bestScore = s;
            for (int j = m + 1; j <= m + peakSpan; j++) {
                double sj = Math.abs(re[j]) / (templateNorm * Math.sqrt(energy[j + templateLength] - energy[j] + floor));
                if (sj > bestScore) {
                    bestScore = sj;
                    best = j;
                }
            }
            position = from + best;
            score = bestScore;
            return Result.FOUND;
        }
        return Result.NONE;
    }
}
