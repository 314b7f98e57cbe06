package io.wavebench.drivers.modem;

import io.wavebench.drivers.dsp.FractionalResampler;
import io.wavebench.drivers.dsp.RealFft;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * Takes out the echo that arrives after the cyclic prefix (DESIGN §4: echoes, RT60 up to 0.5 s),
 * given a decision on every cell of the frame. An echo longer than the prefix puts the previous
 * symbols into each DFT window (inter-symbol interference) and cuts the window's own symbol short
 * of a whole period (inter-carrier interference); at a direct-to-reverberant ratio of 0 dB it is
 * as loud as the signal. Once the symbols are decided, both are known:
 * <ol>
 *   <li>the decided frame is re-modulated ({@link FrameWaveform}) and resampled to the reader's
 *       clock with the drift the demodulator measured;</li>
 *   <li>the room's impulse response over {@link #ECHO_SECONDS} is measured against it
 *       ({@link LongChannelEstimate}): the preamble, the training symbol, the pilots and the
 *       decided data all sound the room;</li>
 *   <li>every window gets {@code y − g ∗ u}, what the decision does not explain (noise, and the
 *       error of every wrong decision as the room delivers it), plus each cell's own decided value
 *       at the gain the window hears its own cell with ({@link #ownGains}).</li>
 * </ol>
 * So each cell keeps its own true value and loses the other cells' interference, as far as those
 * were decided right; a wrong decision on the cell itself does not pull its cleaned value towards
 * the wrong decision. Each round of decoding fixes most of the wrong decisions, so the next
 * round cancels better: decision-directed cancellation of ISI and ICI in OFDM with an
 * insufficient guard interval (Kim and Stüber, "Residual ISI cancellation for OFDM with
 * applications to HDTV broadcasting", IEEE JSAC 16(8), 1998), iterated as in turbo equalization
 * (Douillard et al., Eur. Trans. Telecommun. 6(5), 1995).
 */
final class EchoCanceller {

    /** Length of the response measured after the direct sound: RT60 0.3 s loses 20 dB per 100 ms. */
    static final double ECHO_SECONDS = 0.1;
    /**
     * Taps measured before the frame's start as the preamble search placed it: the search is off by
     * a few samples, and the taps well before the direct sound measure the estimate's noise.
     */
    static final int PRECURSOR = 256;
    /** Of those, the ones surely before the direct sound (the clock resampler rings 16 taps early). */
    private static final int NOISE_TAPS = 128;
    /**
     * The response is measured this far beyond the band's edges: the frame's spectrum spills past
     * them (the edge carriers' side lobes, the ramps), and leaving that out of the fit left 4 dB
     * more residual (a known frame through two taps: −22 dB, with the margin −26 dB).
     */
    static final double BAND_MARGIN_HZ = 300;
    /**
     * Gradient steps of the first round's estimate; later rounds take one from the previous
     * estimate. Fast, DRR 0 dB, 15 dB SNR: 16 of 20 with one step, 17 with two, 18 with three.
     */
    private static final int FIRST_STEPS = 2;
    /**
     * Rounds of cancelling and decoding again after the data-aided pass. Fast at DRR 0 dB and
     * 20 dB SNR decoded 3, 6 of 10 frames after 2, 4 rounds before the shrinkage; with it, 15 dB:
     * 6 of 10 after 2 rounds, 9 after 3.
     */
    static final int ROUNDS = 3;
    /**
     * Rounds for a code whose failed decision need not be a codeword ({@link PayloadCode#decidesCodewords}:
     * LDPC, frame version 3). Its failed decision is no better than the soft bits' signs (fast,
     * DRR 0 dB, 15 dB SNR: 16 % of the coded bits wrong, where version 2's Viterbi decision had
     * 7–10 %, which one round cleaned), so each round takes out only a little more echo, until the
     * soft bits cross the code's threshold and it decodes all at once. Robust, DRR 0 dB, 6 dB SNR, 8 frames: 5 decoded after
     * 3 rounds, 8 after 10; EchoBench, 30 frames: 19 after 3, 27 after 10. Cancelling the soft
     * bits' expected values instead of the decision (soft interference cancellation) decoded as
     * many (3 rounds 3 of 8, 10 rounds 8 of 8; EchoBench 28 of 30). Those were 10 rounds; since
     * {@link FrameEqualizer}'s rounds come first and leave a better decision, 4: fast at DRR 0 dB
     * and 10 dB SNR, EchoBench, 10 of 30 decoded with 4 rounds, 9 with 2, 4 with none.
     */
    static final int LDPC_ROUNDS = 4;

    /** Own-cell gains are computed once per this many samples of window offset (the clock moves it). */
    private static final int OFFSET_STEP = 16;

    private final CarrierPlan plan;
    private final ModemParameters p;
    private final int n;
    private final int taps;
    private final double amplitude;
    private final SymbolDft dft;
    private final Map<Integer, RealFft> ffts = new HashMap<>();

    EchoCanceller(CarrierPlan plan) {
        this.plan = plan;
        this.p = plan.p;
        this.n = p.dftSize();
        this.taps = PRECURSOR + (int) Math.round(ECHO_SECONDS * p.sampleRate());
        // OfdmModulator: a unit cell is a sinusoid of this amplitude.
        this.amplitude = p.nominalRms() * Math.sqrt(2.0 / plan.carriers);
        this.dft = new SymbolDft(plan);
    }

    /**
     * Fills {@code outRe/outIm[symbol][c]} (symbol 0 the training symbol, 1.. the data symbols)
     * with the cleaned spectra of the windows starting at {@code window.applyAsLong(symbol)}.
     *
     * @param frameStart where the preamble search placed the frame's first sample
     * @param cells      the decided data cells, {@code [re|im][symbol-1][c]}
     * @param drift      samples per symbol by which each symbol arrives later than the one before
     *                   beyond the nominal spacing (the demodulator's clock estimate)
     * @param previous   this frame's estimate from the round before, or null
     * @return the room's response as measured, for the next round
     */
    LongChannelEstimate clean(SampleRing ring, long frameStart, double[][][] cells, double drift, IntToLongFunction window,
                              LongChannelEstimate previous, double[][] outRe, double[][] outIm) {
        int symbols = cells[0].length + 1;
        double stretch = 1 + drift / p.symbolSamples();
        long from = heardFrom(ring, frameStart);
        LongChannelEstimate h = measure(ring, frameStart, cells, drift, window, previous);
        int heard = h.heard();

        double[] omega = new double[plan.carriers];
        for (int c = 0; c < plan.carriers; c++) omega[c] = 2 * Math.PI * plan.carrier(c) / (n * stretch);
        Map<Integer, double[][]> gainsByOffset = new HashMap<>();
        float[] buffer = new float[n];
        for (int s = 0; s < symbols; s++) {
            int at = (int) (window.applyAsLong(s) - from);
            for (int i = 0; i < n; i++) {
                int j = at + i;
                buffer[i] = j >= 0 && j < heard ? (float) h.residual[j] : 0f;
            }
            dft.transform(buffer, outRe[s], outIm[s]);
            // The symbol's body starts at sent sample T, in u at T·stretch; the window starts
            // `offset` samples of u after it (the taps hold the room's delay).
            double bodyStart = (p.preambleSamples() + (double) s * p.symbolSamples() + p.cyclicPrefix()) * stretch;
            double offset = at - bodyStart;
            // The offset moves the weights' ramps, not the taps' phases: to the nearest
            // OFFSET_STEP samples it changes a weight by at most OFFSET_STEP / 2N.
            int key = (int) Math.round(offset / OFFSET_STEP) * OFFSET_STEP;
            double[][] gain = gainsByOffset.computeIfAbsent(key, o -> ownGains(h, o, omega));
            for (int c = 0; c < plan.carriers; c++) {
                double xr = s == 0 ? plan.trainingRe[c] : cells[0][s - 1][c];
                double xi = s == 0 ? plan.trainingIm[c] : cells[1][s - 1][c];
                // The window's DFT of the tone A·Re(X·G·e^{jω(t − body)}): (A/2)·X·G·e^{jω·offset}
                // times Σ_{i<N} e^{jδi}, δ how far the clock moved the tone off its bin.
                double delta = omega[c] - 2 * Math.PI * plan.carrier(c) / n;
                double half = delta / 2;
                double mag = Math.abs(half) < 1e-12 ? n : Math.sin(half * n) / Math.sin(half);
                double ph = omega[c] * offset + half * (n - 1);
                double er = mag * Math.cos(ph), ei = mag * Math.sin(ph);
                double gr = gain[0][c], gi = gain[1][c];
                double ar = xr * gr - xi * gi, ai = xr * gi + xi * gr;
                outRe[s][c] += amplitude / 2 * (ar * er - ai * ei);
                outIm[s][c] += amplitude / 2 * (ar * ei + ai * er);
            }
        }
        return h;
    }

    /** The first sample a measurement of the room starts from: {@link #PRECURSOR} before the frame, if still held. */
    static long heardFrom(SampleRing ring, long frameStart) {
        return Math.max(frameStart - PRECURSOR, ring.start());
    }

    /**
     * The room's response measured against the frame whose data symbols carry {@code cells}
     * (arguments as for {@link #clean}); tap j carries what the frame's sample i sounds at
     * {@link #heardFrom} + i + j, the direct sound near tap {@link #PRECURSOR}.
     */
    LongChannelEstimate measure(SampleRing ring, long frameStart, double[][][] cells, double drift, IntToLongFunction window,
                                LongChannelEstimate previous) {
        int symbols = cells[0].length + 1;
        double stretch = 1 + drift / p.symbolSamples();
        float[] u = FractionalResampler.resample(FrameWaveform.of(plan, cells), 1, stretch);
        long from = heardFrom(ring, frameStart);
        long lastWindow = window.applyAsLong(symbols - 1) + n;
        long to = Math.min(ring.end(), Math.max(lastWindow, frameStart + u.length + taps));
        int heard = (int) (to - from);
        double[] y = new double[heard];
        for (int i = 0; i < heard; i++) y[i] = ring.get(from + i);
        return new LongChannelEstimate(u, y, heard, taps, NOISE_TAPS,
                p.preambleLowHz() - BAND_MARGIN_HZ, p.preambleHighHz() + BAND_MARGIN_HZ,
                p.sampleRate(), previous == null ? FIRST_STEPS : 1, previous == null ? null : previous.g, ffts);
    }

    /**
     * The room's response measured on the start of the frame alone, where everything sent is
     * known before any decision: the chirp and the training symbol, heard until the first data
     * symbol arrives. Short, so it measures the early part of the response best.
     */
    LongChannelEstimate measureKnownStart(SampleRing ring, long frameStart, double drift) {
        double stretch = 1 + drift / p.symbolSamples();
        float[] u = FractionalResampler.resample(FrameWaveform.of(plan, new double[2][0][]), 1, stretch);
        long from = heardFrom(ring, frameStart);
        long to = Math.min(ring.end(), frameStart + Math.round((p.preambleSamples() + p.symbolSamples()) * stretch));
        int heard = (int) (to - from);
        double[] y = new double[heard];
        for (int i = 0; i < heard; i++) y[i] = ring.get(from + i);
        return new LongChannelEstimate(u, y, heard, taps, NOISE_TAPS,
                p.preambleLowHz() - BAND_MARGIN_HZ, p.preambleHighHz() + BAND_MARGIN_HZ,
                p.sampleRate(), FIRST_STEPS, null, ffts);
    }

    /**
     * Each carrier's gain on its own cell as the window hears it: tap j delivers the symbol's tone
     * to the window samples where the tone, delayed by j, is on (its prefix and body), so the taps
     * within the prefix count whole, later ones for the part of the window they still reach, and
     * taps past a whole symbol not at all (that is interference on later symbols, cancelled there).
     * The residual carries a wrong decision's error at exactly this gain, so adding the decision
     * back at this gain leaves the cell's true value: adding it back at the whole room's response
     * instead pulled wrong cells towards their decision (fast, DRR 0 dB, 30 dB SNR: of 2210 cells,
     * 209 decided wrong, 259 wrong after cleaning; with these gains 170, and falling each round).
     */
    private double[][] ownGains(LongChannelEstimate h, int offset, double[] omega) {
        int cp = p.cyclicPrefix();
        double[] weight = new double[taps];
        for (int j = 0; j < taps; j++) {
            int lo = Math.max(0, j - offset - cp), hi = Math.min(n, j - offset + n);
            weight[j] = Math.max(0, hi - lo) / (double) n;
        }
        double[][] gain = new double[2][plan.carriers];
        double[] response = new double[2];
        for (int c = 0; c < plan.carriers; c++) {
            h.response(omega[c], weight, response);
            gain[0][c] = response[0];
            gain[1][c] = response[1];
        }
        return gain;
    }
}
