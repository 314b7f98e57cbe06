package io.wavebench.drivers.dsp;

import java.util.Arrays;

/**
 * Where a sound's power lies, by Welch's method: Hann-windowed frames, half overlapped, their
 * one-sided power spectra summed. Only shares of the total are read from it, so the window's scale
 * and the frame count cancel. The channel sets its noise by the share in a profile's band and the
 * evidence checks that a profile keeps to its band (DESIGN §4: SNR "defined over the profile's
 * occupied band"; an ultrasonic payment must not be heard).
 */
public final class WelchSpectrum {

    private final double[] power;
    private final double binHz;

    private WelchSpectrum(double[] power, double binHz) {
        this.power = power;
        this.binHz = binHz;
    }

    /** The spectrum of {@code samples} in frames of {@code frameSize} (a power of two); a sound shorter than one frame is zero-padded. */
    public static WelchSpectrum of(float[] samples, double sampleRate, int frameSize) {
        if (samples.length < frameSize) samples = Arrays.copyOf(samples, frameSize);
        RealFft fft = new RealFft(frameSize);
        double[] window = new double[frameSize];
        for (int i = 0; i < frameSize; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / frameSize);
        double[] frame = new double[frameSize];
        double[] power = new double[frameSize / 2 + 1];
        for (int start = 0; start + frameSize <= samples.length; start += frameSize / 2) {
            for (int i = 0; i < frameSize; i++) frame[i] = samples[start + i] * window[i];
            fft.forward(frame);
            power[0] += frame[0] * frame[0];
            power[frameSize / 2] += frame[1] * frame[1];
            // the bins above n/2 mirror those below: each of these stands for two
            for (int k = 1; k < frameSize / 2; k++) power[k] += 2 * (frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1]);
        }
        return new WelchSpectrum(power, sampleRate / frameSize);
    }

    /** The share (0..1) of the power between {@code lowHz} and {@code highHz}; 0 for silence. */
    public double share(double lowHz, double highHz) {
        double all = 0, in = 0;
        double nyquist = (power.length - 1) * binHz;
        for (int k = 0; k < power.length; k++) {
            all += power[k];
            // a bin across an edge counts by the part of it inside the band; the DC and Nyquist
            // bins are half as wide, as nothing lies below 0 Hz or above the Nyquist frequency
            double from = Math.max(0, (k - 0.5) * binHz), to = Math.min(nyquist, (k + 0.5) * binHz);
            double lo = Math.max(lowHz, from), hi = Math.min(highHz, to);
            if (hi > lo) in += power[k] * (hi - lo) / (to - from);
        }
        return all == 0 ? 0 : in / all;
    }
}
