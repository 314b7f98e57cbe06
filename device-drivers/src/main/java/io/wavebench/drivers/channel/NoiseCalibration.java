package io.wavebench.drivers.channel;

import be.tarsos.dsp.util.fft.FloatFFT;

/**
 * Measures how much of a noise bed's power falls in a band (DESIGN §4: SNR "defined over the
 * profile's occupied band"), so the channel can set the in-band noise level exactly. It runs a
 * copy of the bed with the channel's seed — the same voices, key or motor the channel will play,
 * whose level is part of the seeded scene — for {@value #SECONDS} s and takes a Welch estimate
 * (Hann-windowed {@value #FFT}-point frames, half overlapped): the window's scale cancels in the
 * ratio of in-band to total power, and the total comes from the samples themselves.
 */
final class NoiseCalibration {

    static final double SECONDS = 5;
    private static final int FFT = 4096;

    private NoiseCalibration() {
    }

    /** RMS of {@code kind}'s output within {@code lowHz..highHz} (the whole band for 0..fs/2). */
    static double inBandRms(NoiseKind kind, long seed, double sampleRate, double lowHz, double highHz) {
        double fullShare = (highHz - lowHz) / (sampleRate / 2);
        if (kind == NoiseKind.WHITE) return Math.sqrt(fullShare); // unit variance, flat by construction
        NoiseBed bed = kind.newBed(seed, sampleRate);
        int total = (int) (SECONDS * sampleRate);
        float[] x = new float[total];
        bed.fill(x, 0, total);
        double power = 0;
        for (float v : x) power += (double) v * v;
        power /= total;
        if (lowHz <= 0 && highHz >= sampleRate / 2) return Math.sqrt(power);
        FloatFFT fft = new FloatFFT(FFT);
        float[] frame = new float[FFT];
        double[] spectrum = new double[FFT / 2 + 1];
        for (int start = 0; start + FFT <= total; start += FFT / 2) {
            for (int i = 0; i < FFT; i++) {
                frame[i] = (float) (x[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / FFT)));
            }
            fft.realForward(frame);
            spectrum[0] += frame[0] * frame[0];
            spectrum[FFT / 2] += frame[1] * frame[1];
            for (int k = 1; k < FFT / 2; k++) spectrum[k] += 2.0 * (frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1]);
        }
        double all = 0, in = 0;
        for (int k = 0; k <= FFT / 2; k++) {
            all += spectrum[k];
            double hz = k * sampleRate / FFT;
            // bins straddling an edge count by the share of the bin inside the band
            double lo = Math.max(lowHz, hz - sampleRate / FFT / 2), hi = Math.min(highHz, hz + sampleRate / FFT / 2);
            if (hi > lo) in += spectrum[k] * (hi - lo) / (sampleRate / FFT);
        }
        return Math.sqrt(power * in / all);
    }
}
