package io.wavebench.drivers.channel;

import io.wavebench.drivers.dsp.WelchSpectrum;

/**
 * Measures how much of a noise bed's power falls in a band (DESIGN §4: SNR "defined over the
 * profile's occupied band"), so the channel can set the in-band noise level exactly. It runs a
 * copy of the bed with the channel's seed — the same voices, key or motor the channel will play,
 * whose level is part of the seeded scene — for {@value #SECONDS} s: the total power comes from the
 * samples themselves, the band's share of it from a Welch estimate in {@value #FFT}-point frames.
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
        return Math.sqrt(power * WelchSpectrum.of(x, sampleRate, FFT).share(lowHz, highHz));
    }
}
