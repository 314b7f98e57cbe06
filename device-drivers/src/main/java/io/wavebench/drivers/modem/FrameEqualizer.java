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
    static final double ESTIMATE_ERROR = 0.03;
    /**
     * Rounds of measuring the room against the latest decision and equalizing again, after the
     * first from the frame's known start. Fast at DRR 0 dB, 10, 15 and 20 dB SNR, 90 frames: of
     * the 69 decoded, 1 in the known start's round, 51 after one or two rounds more, 9 after
     * three to six, 8 by the canceller after them.
     */
    static final int ROUNDS = 8;
    /**
     * Data-aided passes after each equalized first pass: one, not the three of the heard frame; the
     * next round re-measures the room from a better decision anyway (fast, DRR 0 dB, 10 and 15 dB
     * SNR: 8 and 30 of 30 decoded with one, 6 and 30 with three, at 13× real time against 11×).
     */
    static final int DATA_AIDED_PASSES = 1;
    /** A round whose soft bits doubt less than this share fewer bits than the round before is the last. */
    static final double MIN_PROGRESS = 0.1;
    /**
     * Echo past the prefix this far below the noise (−10 dB) is not what failed a header. As the
     * known start measures it (6 frames a step): the reference channel (DRR 10 dB) where frames
     * fail for noise, 7–24 dB below (robust at 0 dB SNR) and 9–20 dB (fast at 6 dB); at DRR 0 dB,
     * fast at 10 dB SNR 5–7 dB above, ultrasonic at 6 dB 2–6 dB below (the known start measures
     * the late echo low where the noise is strong: the shrinkage takes its weak taps).
     */
    static final double ECHO_TO_NOISE = 0.1;
    /** Pre-frame samples the noise spectrum is measured on, at most. */
    static final int NOISE_SAMPLES = 8192;
    /** Fewer pre-frame samples than this: the noise is taken from the fit's residual instead. */
    static final int MIN_NOISE_SAMPLES = 1024;

    private final Map<Integer, RealFft> ffts = new HashMap<>();
    /** The noise density of the frame last equalized ({@link #noiseDensity}), and where it was measured. */
    private double[] noise = new double[0];
    private SampleRing noiseRing;
    private long noiseFrom;

    /**
     * The samples heard from {@code from} on, equalized: a ring holding them at the same sample
     * numbers, the room's response replaced by a unit tap at its direct sound ({@code delay}).
     *
     * @param ring  the samples heard
     * @param from  the sample the room's taps count from ({@link EchoCanceller#heardFrom})
     * @param room  the response, tap j taking the frame's sample i to {@code from + i + j}
     * @param to    the first sample not equalized; past what the room was measured on, the ring's
     *              own samples (the known start's room measures only the frame's first symbols)
     * @param delay the tap where the direct sound is, kept as the equalized frame's delay
     */
    SampleRing equalize(SampleRing ring, long from, long to, LongChannelEstimate room, int delay) {
        int heard = (int) (to - from);
        int size = Integer.highestOneBit(heard + room.g.length - 1) << 1;
        RealFft fft = ffts.computeIfAbsent(size, RealFft::new);
        double[] z = new double[size];
        double[] gSpectrum;
        int held = 0;
        if (room.size() == size) {
            // Measured against a decision of the whole frame: past what is held, the echo the room
            // makes of the decided frame, so cutting the frame's echo off leaves no step to divide.
            for (int i = 0; i < size; i++) z[i] = room.residual[i] + room.prediction[i];
            gSpectrum = room.gSpectrum;
            held = Math.min(room.heard(), heard);
        } else {
            gSpectrum = new double[size];
            System.arraycopy(room.g, 0, gSpectrum, 0, room.g.length);
            fft.forward(gSpectrum);
        }
        for (int i = held; i < heard; i++) z[i] = ring.get(from + i);
        fft.forward(z);

        int low = room.lowBin(size), high = room.highBin(size);
        double[] noise = noiseDensity(ring, from, room, size, fft);
        double meanGain = 0;
        for (int k = low; k <= high; k++) meanGain += LongChannelEstimate.power(gSpectrum, k);
        meanGain /= (high - low + 1);
        double signal = room.frameDensity();
        z[0] = 0;
        z[1] = 0;
        // The delay's phase e^{-2πik·delay/size}, turned on bin by bin from the band's first bin.
        double stepCos = Math.cos(-2 * Math.PI * delay / size), stepSin = Math.sin(-2 * Math.PI * delay / size);
        double cs = Math.cos(-2 * Math.PI * (double) low * delay / size), sn = Math.sin(-2 * Math.PI * (double) low * delay / size);
        for (int k = 1; k < size / 2; k++) {
            if (k < low || k > high) {
                z[2 * k] = 0;
                z[2 * k + 1] = 0;
                continue;
            }
            double gr = gSpectrum[2 * k], gi = gSpectrum[2 * k + 1];
            double w = 1 / (gr * gr + gi * gi + noise[k] / signal + ESTIMATE_ERROR * meanGain);
            double yr = z[2 * k], yi = z[2 * k + 1];
            double ur = (yr * gr + yi * gi) * w, ui = (yi * gr - yr * gi) * w;
            z[2 * k] = ur * cs - ui * sn;
            z[2 * k + 1] = ur * sn + ui * cs;
            double t = cs * stepCos - sn * stepSin;
            sn = cs * stepSin + sn * stepCos;
            cs = t;
        }
        fft.inverse(z);
        float[] out = new float[heard];
        for (int i = 0; i < heard; i++) out[i] = (float) z[i];
        return SampleRing.holding(from, out);
    }

    /**
     * Whether the echo past the cyclic prefix is worth undoing: its power, as {@code room}
     * measured it past tap {@code prefixEnd}, against the noise's, measured before the frame.
     * True when no noise was heard before the frame. The receiver asks before decoding a failed
     * header again, not before a failed payload's rounds: near the code's threshold, taking out
     * echo well under the noise still decodes frames (see {@link FrameDemodulator#payload}).
     */
    boolean echoMatters(SampleRing ring, long from, LongChannelEstimate room, int prefixEnd) {
        long start = Math.max(ring.start(), from - NOISE_SAMPLES);
        int length = (int) (from - start);
        if (length < MIN_NOISE_SAMPLES) return true;
        double noisePower = 0;
        for (long i = start; i < from; i++) noisePower += (double) ring.get(i) * ring.get(i);
        noisePower /= length;
        // The taps measure the band only: their energy is the band's share of the in-band gain.
        double bandShare = (room.highHz - room.lowHz) / (room.rate / 2);
        double echoPower = room.energy(prefixEnd, room.g.length) / bandShare * room.framePower;
        return echoPower >= ECHO_TO_NOISE * noisePower;
    }

    /**
     * The noise's power spectral density per sample at each bin of a {@code size}-point transform:
     * measured on what the ring holds before the frame (the receiver listened to it while
     * searching), smoothed over neighbouring bins; or, when too little of that is held, on the
     * fit's residual (which also holds the decision's errors, so it errs on the side of dividing
     * less). Measured once a frame.
     */
    private double[] noiseDensity(SampleRing ring, long from, LongChannelEstimate room, int size, RealFft fft) {
        if (ring == noiseRing && from == noiseFrom && noise.length == size / 2) return noise;
        long start = Math.max(ring.start(), from - NOISE_SAMPLES);
        int length = (int) (from - start);
        double[] x = new double[size];
        if (length >= MIN_NOISE_SAMPLES) {
            for (int i = 0; i < length; i++) x[i] = ring.get(start + i);
        } else {
            length = Math.min(size, room.heard());
            System.arraycopy(room.residual, 0, x, 0, length);
        }
        fft.forward(x);
        // A periodogram of L samples resolves size/L bins; averaging 16 of those makes it steady.
        int half = Math.max(8, 8 * size / length);
        double[] prefix = new double[size / 2 + 1];
        for (int k = 1; k < size / 2; k++) prefix[k + 1] = prefix[k] + LongChannelEstimate.power(x, k);
        noise = new double[size / 2];
        for (int k = 1; k < size / 2; k++) {
            int lo = Math.max(1, k - half), hi = Math.min(size / 2, k + half + 1);
            noise[k] = (prefix[hi] - prefix[lo]) / (hi - lo) / length;
        }
        noiseRing = ring;
        noiseFrom = from;
        return noise;
    }
}
