package io.wavebench.drivers.modem;

import io.wavebench.drivers.dsp.RealFft;
import java.util.HashMap;
import java.util.Map;

/**
 * Undoes the room over a whole frame before the symbols are cut out of it (DESIGN §4: echoes,
 * RT60 up to 0.5 s), so an echo longer than the cyclic prefix no longer reaches the next symbol's
 * window: a linear MMSE (Wiener) equalizer in the frequency domain, one transform of the frame
 * and its echo, with the room's response as {@link LongChannelEstimate} measured it.
 *
 * <p>The frame is a block between silences: heard from before its start to past its echo, it is
 * the linear convolution of what was sent with the room, so a transform long enough for both
 * turns the room into one gain per bin ({@code Y = G·U + N}) and
 * {@code Û = Y·G* / (|G|² + N/S)} is the frame as sent, up to the noise the room's notches
 * amplify (the Wiener division: the frequency-domain equalizer of single-carrier block
 * transmission, Falconer et al., "Frequency domain equalization for single-carrier broadband
 * wireless systems", IEEE Commun. Mag. 40(4), 2002, here over a whole OFDM frame rather than one
 * symbol). This is the limit of impulse-response shortening (Melsa, Younce and Rohrs, IEEE Trans.
 * Commun. 44(12), 1996) with the whole response squeezed to one tap, which a diffuse room tail
 * allows only at a transform as long as the frame: a short time-domain filter cannot invert it.
 * At the room's critical distance (direct and reverberant sound alike loud) the response's
 * magnitude over frequency is Rician with K = 1, so deep notches are rare and the noise they
 * amplify stays well below the interference removed.
 *
 * <p>Unlike {@link EchoCanceller}, which subtracts the echo of the decided cells, the equalizer
 * needs only the room: a wrong decision costs a little accuracy of the measured response, not
 * its own error again in every window its echo reaches.
 */
final class FrameEqualizer {

    /**
     * The measured response's own error, as a share of its mean power: the Wiener division's floor,
     * so a notch the measurement missed is not divided by (the response is measured from a decision
     * with a sixth of its bits wrong, and a noiseless recording would otherwise be divided without
     * limit).
     */
    static final double ESTIMATE_ERROR = Double.parseDouble(System.getProperty("eq.err", "0.03"));
    /** Rounds of measuring the room against the latest decision and equalizing again. */
    static final int ROUNDS = Integer.getInteger("eq.rounds", 3);
    /** Pre-frame samples the noise spectrum is measured on, at most. */
    static final int NOISE_SAMPLES = 8192;
    /** Fewer pre-frame samples than this: the noise is taken from the fit's residual instead. */
    static final int MIN_NOISE_SAMPLES = 1024;

    private final Map<Integer, RealFft> ffts = new HashMap<>();

    /**
     * The samples heard from {@code from} on, equalized: a ring holding them at the same sample
     * numbers, the room's response replaced by a unit tap at its direct sound ({@code delay}).
     *
     * @param ring  the samples heard
     * @param from  the sample the room's taps count from ({@link EchoCanceller#heardFrom})
     * @param room  the response, tap j taking the frame's sample i to {@code from + i + j}
     * @param delay the tap where the direct sound is, kept as the equalized frame's delay
     */
    SampleRing equalize(SampleRing ring, long from, LongChannelEstimate room, int delay) {
        return equalize(ring, from, from + room.heard(), room, delay);
    }

    SampleRing equalize(SampleRing ring, long from, long to, LongChannelEstimate room, int delay) {
        int size = room.size(), heard = (int) Math.min(size, to - from);
        RealFft fft = ffts.computeIfAbsent(size, RealFft::new);
        // What was heard, and past it the echo the room makes of the decided frame: the end of
        // the frame's echo is not held yet, and cutting it off would leave a step to be divided.
        double[] y = new double[size];
        room.predict(y);
        for (int i = 0; i < heard; i++) y[i] = ring.get(from + i);
        fft.forward(y);
        double[] gSpectrum = new double[size];
        System.arraycopy(room.g, 0, gSpectrum, 0, room.g.length);
        fft.forward(gSpectrum);

        int low = room.lowBin(), high = room.highBin();
        double[] noise = noiseSpectrum(ring, from, heard, room, fft);
        double meanGain = 0;
        for (int k = low; k <= high; k++) meanGain += LongChannelEstimate.power(gSpectrum, k);
        meanGain /= (high - low + 1);
        double signal = room.framePower();
        double[] z = y;
        z[0] = 0;
        z[1] = 0;
        for (int k = 1; k < size / 2; k++) {
            if (k < low || k > high) {
                z[2 * k] = 0;
                z[2 * k + 1] = 0;
                continue;
            }
            double gr = gSpectrum[2 * k], gi = gSpectrum[2 * k + 1];
            double w = 1 / (gr * gr + gi * gi + noise[k] / signal + ESTIMATE_ERROR * meanGain);
            double yr = z[2 * k], yi = z[2 * k + 1];
            // Û = Y·G*/(…), then delayed by `delay` samples: e^{-2πik·delay/size}.
            double ur = (yr * gr + yi * gi) * w, ui = (yi * gr - yr * gi) * w;
            double ph = -2 * Math.PI * (double) k * delay / size;
            double cs = Math.cos(ph), sn = Math.sin(ph);
            z[2 * k] = ur * cs - ui * sn;
            z[2 * k + 1] = ur * sn + ui * cs;
        }
        fft.inverse(z);
        float[] out = new float[heard];
        for (int i = 0; i < heard; i++) out[i] = (float) z[i];
        return SampleRing.holding(from, out);
    }

    /**
     * The noise's expected power per bin in a transform of the {@code heard} samples: measured on
     * what the ring holds before the frame (the receiver listened to it while searching), smoothed
     * over neighbouring bins; or, when too little of that is held, the fit's residual's (which
     * also holds the decision's errors, so it errs on the side of dividing less).
     */
    private static double[] noiseSpectrum(SampleRing ring, long from, int heard, LongChannelEstimate room, RealFft fft) {
        int size = room.size();
        long start = Math.max(ring.start(), from - NOISE_SAMPLES);
        int length = (int) (from - start);
        double[] x = new double[size];
        double scale;
        if (length >= MIN_NOISE_SAMPLES) {
            for (int i = 0; i < length; i++) x[i] = ring.get(start + i);
            scale = heard / (double) length;
        } else {
            System.arraycopy(room.residual, 0, x, 0, size);
            scale = 1;
            length = room.heard();
        }
        fft.forward(x);
        // A periodogram of L samples resolves size/L bins; averaging 16 of those makes it steady.
        int half = Math.max(8, 8 * size / length);
        double[] power = new double[size / 2];
        for (int k = 1; k < size / 2; k++) power[k] = LongChannelEstimate.power(x, k);
        double[] prefix = new double[size / 2 + 1];
        for (int k = 0; k < size / 2; k++) prefix[k + 1] = prefix[k] + power[k];
        double[] noise = new double[size / 2];
        for (int k = 1; k < size / 2; k++) {
            int lo = Math.max(1, k - half), hi = Math.min(size / 2, k + half + 1);
            noise[k] = scale * (prefix[hi] - prefix[lo]) / (hi - lo);
        }
        return noise;
    }
}
