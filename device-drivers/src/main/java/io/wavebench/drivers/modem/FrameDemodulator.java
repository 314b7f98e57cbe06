package io.wavebench.drivers.modem;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Coherent demodulation of one frame (DESIGN §4: speaker and mic response, echo, ±200 ppm), from
 * the symbol spectra to soft bits:
 * <ol>
 *   <li><b>channel</b>: the training symbol gives every carrier's gain and phase (speaker, mic,
 *       room echo within the cyclic prefix, the receiver's filter), smoothed over neighbouring
 *       carriers after taking out the common delay;</li>
 *   <li><b>clock offset</b>: a sample-clock offset is a pure time scaling, so symbol n arrives
 *       {@code ε·n} samples late and carrier k turns by {@code 2π·k·ε·n/N}. One ε per frame is
 *       found by maximizing the pilots' coherent sum over a grid fine enough that no pilot turns
 *       more than a quarter turn between grid points, then refined; every carrier is turned back.
 *       When the drift over a frame would take the DFT window towards the next symbol, the
 *       windows are moved by whole samples and the spectra taken again;</li>
 *   <li><b>noise</b>: per carrier, from the pilots' residuals (babble is coloured: low carriers
 *       are much noisier), so each soft bit is weighted by its carrier's SNR;</li>
 *   <li><b>soft bits</b>: max-log LLRs of the Gray-mapped QPSK cells;</li>
 *   <li>if the payload fails its checks, a <b>data-aided second pass</b>: the first pass's
 *       decision, re-encoded, is a known sequence on every cell, which re-measures channel and
 *       noise from all symbols instead of one training symbol, and the payload is decoded again;</li>
 *   <li>if that fails too, <b>equalization</b> ({@link FrameEqualizer}): the room's response,
 *       measured first on the frame's known start and then against each new decision, is divided
 *       out of the whole frame before the symbols are cut out of it, and the frame decoded again,
 *       in rounds;</li>
 *   <li>if that fails too, <b>echo cancellation</b> ({@link EchoCanceller}): the decision's echo past
 *       the cyclic prefix is taken out of every window and the payload decoded again, in rounds.</li>
 * </ol>
 */
final class FrameDemodulator {

    /** Largest clock offset searched for: five times DESIGN §4's ±200 ppm (the search is cheap). */
    static final double MAX_PPM = 1000;
    private static final int SMOOTH = 2;
    private static final int NOISE_SMOOTH = 8;

    private final CarrierPlan plan;
    private final ModemParameters p;
    private final SymbolDft dft;
    private final int n;
    private final double[] omega; // 2π k / N per band carrier

    private final double[] hRe;
    private final double[] hIm;
    private final double[] trainingNoise;
    private final double[] zTrainRe; // the training symbol's spectrum, kept for the data-aided pass
    private final double[] zTrainIm;
    private final EchoCanceller echo;
    private final FrameEqualizer equalizer = new FrameEqualizer();

    FrameDemodulator(CarrierPlan plan) {
        this.plan = plan;
        this.p = plan.p;
        this.dft = new SymbolDft(plan);
        this.n = p.dftSize();
        omega = new double[plan.carriers];
        for (int c = 0; c < plan.carriers; c++) omega[c] = 2 * Math.PI * plan.carrier(c) / n;
        hRe = new double[plan.carriers];
        hIm = new double[plan.carriers];
        trainingNoise = new double[plan.carriers];
        zTrainRe = new double[plan.carriers];
        zTrainIm = new double[plan.carriers];
        echo = new EchoCanceller(plan);
    }

    /** Measures the channel on the training symbol, whose DFT window starts at {@code windowStart}. */
    void train(SampleRing ring, long windowStart) {
        int m = plan.carriers;
        dft.transform(ring, windowStart, zTrainRe, zTrainIm);
        double[] rawRe = new double[m], rawIm = new double[m];
        for (int c = 0; c < m; c++) {
            double tr = plan.trainingRe[c], ti = plan.trainingIm[c];
            rawRe[c] = zTrainRe[c] * tr + zTrainIm[c] * ti;
            rawIm[c] = zTrainIm[c] * tr - zTrainRe[c] * ti;
        }
        smooth(rawRe, rawIm, SMOOTH, hRe, hIm, trainingNoise);
    }

    /**
     * {@code outRe/outIm}: {@code raw} averaged over ±{@code half} carriers with the common delay
     * (linear phase) taken out first, so the average does not cancel a steep phase slope;
     * {@code roughness}: how far raw strays from that, averaged wider — the training symbol's
     * own estimate of each carrier's noise.
     */
    private void smooth(double[] rawRe, double[] rawIm, int half, double[] outRe, double[] outIm, double[] roughness) {
        int m = rawRe.length;
        double ar = 0, ai = 0;
        for (int c = 0; c + 1 < m; c++) {
            ar += rawRe[c + 1] * rawRe[c] + rawIm[c + 1] * rawIm[c];
            ai += rawIm[c + 1] * rawRe[c] - rawRe[c + 1] * rawIm[c];
        }
        double slope = Math.atan2(ai, ar);
        double[] dr = new double[m], di = new double[m];
        for (int c = 0; c < m; c++) {
            double cs = Math.cos(-slope * c), sn = Math.sin(-slope * c);
            dr[c] = rawRe[c] * cs - rawIm[c] * sn;
            di[c] = rawRe[c] * sn + rawIm[c] * cs;
        }
        double[] dev = new double[m];
        for (int c = 0; c < m; c++) {
            double sr = 0, si = 0;
            int count = 0;
            for (int j = Math.max(0, c - half); j <= Math.min(m - 1, c + half); j++, count++) {
                sr += dr[j];
                si += di[j];
            }
            sr /= count;
            si /= count;
            double ex = dr[c] - sr, ey = di[c] - si;
            dev[c] = (ex * ex + ey * ey) * count / Math.max(1, count - 1);
            double cs = Math.cos(slope * c), sn = Math.sin(slope * c);
            outRe[c] = sr * cs - si * sn;
            outIm[c] = sr * sn + si * cs;
        }
        boxcar(dev, NOISE_SMOOTH, roughness);
    }

    private static void boxcar(double[] in, int half, double[] out) {
        boxcar(in, half, out, 1e-20);
    }

    /** {@code out[c]}: the mean of {@code in} over ±{@code half} neighbours, at least {@code floor}. */
    private static void boxcar(double[] in, int half, double[] out, double floor) {
        int m = in.length;
        for (int c = 0; c < m; c++) {
            double s = 0;
            int count = 0;
            for (int j = Math.max(0, c - half); j <= Math.min(m - 1, c + half); j++, count++) s += in[j];
            out[c] = Math.max(s / count, floor);
        }
    }

    /** Spectra of data symbols 1..symbols: {@code [symbol-1][c]}. */
    private record Spectra(double[][] re, double[][] im, int[] shift) {
    }

    private Spectra spectra(SampleRing ring, IntToLongFunction windowStart, int symbols, double driftGuess) {
        double[][] re = new double[symbols][plan.carriers];
        double[][] im = new double[symbols][plan.carriers];
        int[] shift = new int[symbols];
        for (int s = 0; s < symbols; s++) {
            shift[s] = (int) Math.round(driftGuess * (s + 1));
            dft.transform(ring, windowStart.applyAsLong(s + 1) + shift[s], re[s], im[s]);
        }
        return new Spectra(re, im, shift);
    }

    /**
     * Decodes the header from data symbols 1..{@link FrameLayout#headerSymbols}, or null. Where
     * that fails and the frame's known start shows echo past the prefix that the noise does not
     * drown, it decodes them again from the samples held, equalized with that room
     * ({@link FrameEqualizer}): the header has no decision to measure the room against, but the
     * chirp and the training symbol are enough for the early echo. The check keeps the second try
     * off most false triggers, which are noise (FalseTriggerTest's hour: 4 preamble triggers a
     * profile, each a cut-off frame).
     */
    FrameHeader header(SampleRing ring, IntToLongFunction windowStart) {
        FrameHeader header = decodeHeader(ring, windowStart);
        if (header != null) return header;
        long frameStart = frameStart(windowStart);
        long from = EchoCanceller.heardFrom(ring, frameStart);
        LongChannelEstimate start = echo.measureKnownStart(ring, frameStart, 0);
        int prefixEnd = (int) (frameStart - from) + p.cyclicPrefix() - p.windowAdvance();
        if (!equalizer.echoMatters(ring, from, start, prefixEnd)) return null;
        SampleRing flat = equalizer.equalize(ring, from, ring.end(), start, (int) (frameStart - from));
        train(flat, windowStart.applyAsLong(0));
        header = decodeHeader(flat, windowStart);
        train(ring, windowStart.applyAsLong(0));
        return header;
    }

    private FrameHeader decodeHeader(SampleRing ring, IntToLongFunction windowStart) {
        int symbols = FrameLayout.headerSymbols(plan);
        Spectra z = spectra(ring, windowStart, symbols, 0);
        double[][][] pilotsOnly = pilotCells(symbols);
        double e = estimateDrift(z, pilotsOnly[0], pilotsOnly[1]);
        derotate(z, e);
        int cells = FrameLayout.HEADER_CELLS;
        float[] llr = new float[2 * cells];
        for (int cell = 0; cell < cells; cell++) {
            int s = cell / plan.dataPerSymbol(), c = plan.data[cell % plan.dataPerSymbol()];
            softBits(z.re[s][c], z.im[s][c], hRe[c], hIm[c], trainingNoise[c], llr, 2 * cell);
        }
        float[] soft = FrameLayout.headerSoft(llr);
        FrameHeader viterbi = FrameHeader.decode(FrameLayout.bytes(FrameHeader.CODE.decode(soft, FrameHeader.BITS)), p.profile());
        return viterbi != null ? viterbi : HeaderSearch.of(p.profile()).find(soft);
    }

    /**
     * Decodes the payload of a frame laid out as {@code layout}, or null: one pass, the data-aided
     * ones, and where those fail, the equalizer's rounds and then the canceller's.
     */
    FrameFormat.Decoded payload(SampleRing ring, IntToLongFunction windowStart, FrameLayout layout, FrameHeader header) {
        byte[] headerCoded = FrameLayout.headerCoded(header);
        Passes heard = passes(ring, windowStart, layout, headerCoded, layout.dataAidedPasses());
        if (heard.last.decoded() != null) return heard.last.decoded();
        // Not skipped where the echo past the prefix stands far under the noise, nor where the
        // known start's round leaves the soft bits no surer: both checks saved time where frames
        // fail for noise (robust at DRR 10 dB and 0 dB SNR: 26× real time against 7–8×), but near
        // the code's threshold taking out even that echo decodes frames (fast at DRR 10 dB and
        // 6 dB SNR: 13 of 30 decoded with the checks, 27 without, 20 with the canceller alone).
        LongChannelEstimate start = echo.measureKnownStart(ring, frameStart(windowStart), heard.drift);
        Attempt last = equalized(ring, windowStart, layout, headerCoded, heard, start);
        if (last.decoded() != null) return last.decoded();
        return echoCancelled(ring, windowStart, layout, headerCoded, last, heard.shift, heard.drift);
    }

    /** What {@link #passes} made of a frame: its last attempt, the windows' shifts and the clock drift. */
    private record Passes(Attempt last, int[] shift, double drift) {
    }

    /** The first pass on the training symbol's channel, then up to {@code dataAidedPasses} data-aided ones until one decodes. */
    private Passes passes(SampleRing ring, IntToLongFunction windowStart, FrameLayout layout, byte[] headerCoded, int dataAidedPasses) {
        int symbols = layout.dataSymbols;
        Spectra z = spectra(ring, windowStart, symbols, 0);
        double[][][] pilotsOnly = pilotCells(symbols);
        double e = estimateDrift(z, pilotsOnly[0], pilotsOnly[1]);
        // The windows must stay inside the cyclic prefix: past a few samples of drift, take the
        // spectra again on windows that follow the drift.
        if (Math.abs(e) * symbols > p.windowAdvance() / 2.0) {
            z = spectra(ring, windowStart, symbols, e);
            e = estimateDrift(z, pilotsOnly[0], pilotsOnly[1]);
        }
        derotate(z, e);
        double[] noise = pilotNoise(z, pilotsOnly, hRe, hIm);
        Attempt last = decodeCells(z, layout, hRe, hIm, noise, null);

        // Data-aided passes: the last decision as known cells everywhere. The LDPC decoder's
        // failed decision is mostly right and the next pass's channel is better for it, so
        // version 3 tries again with each new decision.
        for (int pass = 0; pass < dataAidedPasses && last.decoded() == null; pass++) {
            last = dataAidedPass(z, layout, headerCoded, last);
        }
        return new Passes(last, z.shift, e);
    }

    /**
     * Echo past the cyclic prefix, undone linearly ({@link FrameEqualizer}): first with the room
     * as the frame's known start measured it ({@code start}, no decision needed), then for up to
     * {@link FrameEqualizer#ROUNDS} rounds with the room measured against the last decision, each
     * round starting from the one before, until one decodes or a round makes too little progress.
     * Returns the last attempt; the training symbol's channel is measured on the heard samples
     * again before it returns.
     */
    private Attempt equalized(SampleRing ring, IntToLongFunction windowStart, FrameLayout layout, byte[] headerCoded, Passes heard,
                              LongChannelEstimate start) {
        long frameStart = frameStart(windowStart);
        long from = EchoCanceller.heardFrom(ring, frameStart);
        int delay = (int) (frameStart - from);
        int[] shift = heard.shift;
        IntToLongFunction window = s -> s == 0 ? windowStart.applyAsLong(0) : windowStart.applyAsLong(s) + shift[s - 1];
        Attempt last = equalizedPasses(ring, from, ring.end(), start, delay, windowStart, layout, headerCoded);
        double doubt = doubt(layout, last);
        LongChannelEstimate room = start;
        for (int round = 0; round < FrameEqualizer.ROUNDS && last.decoded() == null; round++) {
            double[][][] known = erased(layout.cells(headerCoded, last.coded()), layout, last.llr());
            room = echo.measure(ring, frameStart, known, heard.drift, window, room);
            last = equalizedPasses(ring, from, from + room.heard(), room, delay, windowStart, layout, headerCoded);
            double now = doubt(layout, last);
            if (now > (1 - FrameEqualizer.MIN_PROGRESS) * doubt) break;
            doubt = now;
        }
        train(ring, windowStart.applyAsLong(0));
        return last;
    }

    /** The frame heard over {@code [from, to)}, equalized with {@code room}, decoded from the start. */
    private Attempt equalizedPasses(SampleRing ring, long from, long to, LongChannelEstimate room, int delay,
                                    IntToLongFunction windowStart, FrameLayout layout, byte[] headerCoded) {
        SampleRing flat = equalizer.equalize(ring, from, to, room, delay);
        train(flat, windowStart.applyAsLong(0));
        return passes(flat, windowStart, layout, headerCoded, FrameEqualizer.DATA_AIDED_PASSES).last;
    }

    /**
     * How many of the payload's coded bits the soft bits themselves expect to be wrong,
     * Σ 1/(1 + e^|LLR|): it falls as rounds take out more echo, and stops falling when they no
     * longer help. (Counting where the decoder's failed decision and the soft bits disagree
     * instead, a noisier count, stopped rounds that would have decoded: fast at DRR 0 dB, 10 and
     * 15 dB SNR, with 5 % progress asked, 8 and 30 of 30 decoded, 9 of them by the canceller's
     * rounds after; with this count and 10 %, 11 and 30, 7.)
     */
    private static double doubt(FrameLayout layout, Attempt attempt) {
        double sum = 0;
        for (float l : layout.payloadSoft(attempt.llr())) sum += 1 / (1 + Math.exp(Math.abs(l)));
        return sum;
    }

    /** Where the preamble search placed the frame's first sample. */
    private long frameStart(IntToLongFunction windowStart) {
        return windowStart.applyAsLong(0) - p.preambleSamples() - p.cyclicPrefix() + p.windowAdvance();
    }

    /** Channel and noise measured again on every cell, taking {@code last}'s decision as what was sent, and decoded again. */
    private Attempt dataAidedPass(Spectra z, FrameLayout layout, byte[] headerCoded, Attempt last) {
        return dataAided(z, zTrainRe, zTrainIm, layout.cells(headerCoded, last.coded()), layout);
    }

    /**
     * Decodes with channel and noise measured on {@code known} cells in every symbol (the training
     * symbol's spectrum {@code trainRe/trainIm} included) instead of the training symbol alone.
     */
    private Attempt dataAided(Spectra z, double[] trainRe, double[] trainIm, double[][][] known, FrameLayout layout) {
        int symbols = layout.dataSymbols;
        int m = plan.carriers;
        double[] h2Re = new double[m], h2Im = new double[m], noise2 = new double[m];
        for (int c = 0; c < m; c++) {
            double sr = trainRe[c] * plan.trainingRe[c] + trainIm[c] * plan.trainingIm[c];
            double si = trainIm[c] * plan.trainingRe[c] - trainRe[c] * plan.trainingIm[c];
            for (int s = 0; s < symbols; s++) {
                double xr = known[0][s][c], xi = known[1][s][c];
                sr += z.re[s][c] * xr + z.im[s][c] * xi;
                si += z.im[s][c] * xr - z.re[s][c] * xi;
            }
            h2Re[c] = sr / (symbols + 1);
            h2Im[c] = si / (symbols + 1);
        }
        double[] residual = new double[m];
        for (int c = 0; c < m; c++) {
            double acc = 0;
            for (int s = 0; s < symbols; s++) {
                double xr = known[0][s][c], xi = known[1][s][c];
                double er = z.re[s][c] - (h2Re[c] * xr - h2Im[c] * xi);
                double ei = z.im[s][c] - (h2Re[c] * xi + h2Im[c] * xr);
                acc += er * er + ei * ei;
            }
            residual[c] = acc / Math.max(1, symbols - 1);
        }
        boxcar(residual, 2, noise2);
        return decodeCells(z, layout, h2Re, h2Im, noise2, known);
    }

    /**
     * Echo past the cyclic prefix ({@link EchoCanceller}): the last decision's echo taken out of
     * every window, then decoded data-aided again, for {@link EchoCanceller#ROUNDS} rounds (a
     * code deciding codewords) or {@link EchoCanceller#LDPC_ROUNDS} (one that may not).
     */
    private FrameFormat.Decoded echoCancelled(SampleRing ring, IntToLongFunction windowStart, FrameLayout layout,
                                              byte[] headerCoded, Attempt last, int[] shift, double drift) {
        int symbols = layout.dataSymbols;
        long frameStart = frameStart(windowStart);
        IntToLongFunction window = s -> s == 0 ? windowStart.applyAsLong(0) : windowStart.applyAsLong(s) + shift[s - 1];
        double[][] re = new double[symbols + 1][plan.carriers], im = new double[symbols + 1][plan.carriers];
        LongChannelEstimate room = null;
        int rounds = layout.code.decidesCodewords() ? EchoCanceller.ROUNDS : EchoCanceller.LDPC_ROUNDS;
        for (int round = 0; round < rounds; round++) {
            double[][][] known = layout.cells(headerCoded, last.coded());
            double[][][] cancelled = erased(known, layout, last.llr());
            room = echo.clean(ring, frameStart, cancelled, drift, window, room, re, im);
            Spectra z = new Spectra(Arrays.copyOfRange(re, 1, symbols + 1), Arrays.copyOfRange(im, 1, symbols + 1), shift);
            derotate(z, drift);
            Attempt attempt = dataAided(z, re[0], im[0], known, layout);
            if (attempt.decoded() != null) return attempt.decoded();
            last = attempt;
        }
        return null;
    }

    /**
     * {@code known} with each payload cell's real or imaginary part zeroed where the decoder's
     * decision and the cell's own soft bit disagree: neither is sure, and cancelling a
     * wrong value doubles that cell's error in every window its echo reaches. An erased cell keeps
     * its own value (the residual carries it) and only its echo stays. Fast, DRR 0 dB, 15 dB SNR:
     * 48 of 50 frames decoded, 45 without the erasures.
     */
    private static double[][][] erased(double[][][] decided, FrameLayout layout, float[] llr) {
        double[][][] known = new double[2][][];
        for (int part = 0; part < 2; part++) {
            known[part] = new double[decided[part].length][];
            for (int s = 0; s < known[part].length; s++) known[part][s] = decided[part][s].clone();
        }
        int cells = FrameLayout.HEADER_CELLS + layout.payloadCells;
        for (int cell = FrameLayout.HEADER_CELLS; cell < cells; cell++) {
            int s = layout.symbolOf(cell) - 1, c = layout.carrierOf(cell);
            if ((llr[2 * cell] > 0) != (known[0][s][c] > 0)) known[0][s][c] = 0;
            if ((llr[2 * cell + 1] > 0) != (known[1][s][c] > 0)) known[1][s][c] = 0;
        }
        return known;
    }

    /**
     * The decoder's decision on the coded bits, what the frame format's checks made of its message
     * (null: rejected), and the cells' soft bits it decided from.
     */
    private record Attempt(byte[] coded, FrameFormat.Decoded decoded, float[] llr) {
    }

    /** {@code known}: every cell's value as a data-aided pass believes it, or null in the first pass (pilots only). */
    private Attempt decodeCells(Spectra z, FrameLayout layout, double[] hr, double[] hi, double[] noise, double[][][] known) {
        int cells = FrameLayout.HEADER_CELLS + layout.payloadCells;
        float[] llr = new float[2 * cells];
        double[][] local = known == null ? NoiseMap.of(plan, z.re, z.im, hr, hi, noise) : NoiseMap.of(plan, z.re, z.im, hr, hi, noise, known);
        for (int cell = FrameLayout.HEADER_CELLS; cell < cells; cell++) {
            int s = layout.symbolOf(cell) - 1, c = layout.carrierOf(cell);
            softBits(z.re[s][c], z.im[s][c], hr[c], hi[c], local[s][c], llr, 2 * cell);
        }
        PayloadCode.Decision d = layout.code.decide(layout.payloadSoft(llr), layout.format.codedLength() * 8);
        return new Attempt(d.coded(), layout.format.decode(FrameLayout.bytes(d.message())), llr);
    }

    /** Gray QPSK: LLR(b) = 2√2 · Re/Im(Z · conj(H)) / σ², positive for a 0 bit. */
    private static void softBits(double zr, double zi, double hr, double hi, double noise, float[] llr, int at) {
        double scale = 2 * Math.sqrt(2) / noise;
        llr[at] = (float) ((zr * hr + zi * hi) * scale);
        llr[at + 1] = (float) ((zi * hr - zr * hi) * scale);
    }

    /**
     * Known values at the pilots of data symbols 1..symbols: {@code [re|im][symbol-1][i]} for
     * carrier {@code plan.pilots[i]} (only the pilot columns, not every carrier).
     */
    private double[][][] pilotCells(int symbols) {
        int[] pilots = plan.pilots;
        double[][] re = new double[symbols][pilots.length];
        double[][] im = new double[symbols][pilots.length];
        for (int s = 0; s < symbols; s++) {
            for (int i = 0; i < pilots.length; i++) {
                re[s][i] = plan.pilotRe(s + 1, pilots[i]);
                im[s][i] = plan.pilotIm(s + 1, pilots[i]);
            }
        }
        return new double[][][] {re, im};
    }

    /**
     * The clock offset in samples per symbol that best lines up the pilots' phases, given the
     * window shifts already applied; each pilot weighted by the training symbol's noise estimate.
     */
    private double estimateDrift(Spectra z, double[][] xRe, double[][] xIm) {
        int symbols = z.re.length;
        int[] carriers = plan.pilots;
        double[] noise = trainingNoise;
        // R = Z · conj(H · X) / σ², with the known window shifts taken out.
        double[][] rr = new double[carriers.length][symbols];
        double[][] ri = new double[carriers.length][symbols];
        for (int i = 0; i < carriers.length; i++) {
            int c = carriers[i];
            for (int s = 0; s < symbols; s++) {
                double xr = xRe[s][i], xi = xIm[s][i];
                double gr = hRe[c] * xr - hIm[c] * xi, gi = hRe[c] * xi + hIm[c] * xr;
                double ar = (z.re[s][c] * gr + z.im[s][c] * gi) / noise[c];
                double ai = (z.im[s][c] * gr - z.re[s][c] * gi) / noise[c];
                double ph = -omega[c] * z.shift[s];
                double cs = Math.cos(ph), sn = Math.sin(ph);
                rr[i][s] = ar * cs - ai * sn;
                ri[i][s] = ar * sn + ai * cs;
            }
        }
        double maxDrift = MAX_PPM * 1e-6 * p.symbolSamples();
        double topOmega = omega[plan.carriers - 1];
        double step = (Math.PI / 4) / (topOmega * symbols);
        int points = (int) Math.ceil(maxDrift / step);
        double best = 0, bestScore = Double.NEGATIVE_INFINITY;
        for (int g = -points; g <= points; g++) {
            double e = g * step;
            double score = coherence(rr, ri, carriers, e);
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        // Golden-section refinement within one grid step either side.
        double lo = best - step, hi = best + step;
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
        double fa = coherence(rr, ri, carriers, a), fb = coherence(rr, ri, carriers, b);
        for (int it = 0; it < 24; it++) {
            if (fa > fb) {
                hi = b; b = a; fb = fa;
                a = hi - phi * (hi - lo);
                fa = coherence(rr, ri, carriers, a);
            } else {
                lo = a; a = b; fa = fb;
                b = lo + phi * (hi - lo);
                fb = coherence(rr, ri, carriers, b);
            }
        }
        return (lo + hi) / 2;
    }

    /** Re Σ R[c][s] · e^{+j ω_c e (s+1)}: how well drift e lines the known cells up. */
    private double coherence(double[][] rr, double[][] ri, int[] carriers, double e) {
        double sum = 0;
        for (int i = 0; i < carriers.length; i++) {
            double step = omega[carriers[i]] * e;
            double sr = Math.cos(step), si = Math.sin(step);
            double wr = sr, wi = si;
            double[] a = rr[i], b = ri[i];
            for (int s = 0; s < a.length; s++) {
                sum += a[s] * wr - b[s] * wi;
                double t = wr * sr - wi * si;
                wi = wr * si + wi * sr;
                wr = t;
            }
        }
        return sum;
    }

    /** Turns every carrier back by the drift, net of the window shift already applied. */
    private void derotate(Spectra z, double e) {
        for (int s = 0; s < z.re.length; s++) {
            double delay = e * (s + 1) - z.shift[s];
            for (int c = 0; c < plan.carriers; c++) {
                double ph = omega[c] * delay;
                double cs = Math.cos(ph), sn = Math.sin(ph);
                double r = z.re[s][c], i = z.im[s][c];
                z.re[s][c] = r * cs - i * sn;
                z.im[s][c] = r * sn + i * cs;
            }
        }
    }

    /** Per-carrier noise from the pilots' residuals, interpolated between pilots, averaged over neighbours. */
    private double[] pilotNoise(Spectra z, double[][][] x, double[] hr, double[] hi) {
        int[] pilots = plan.pilots;
        double[] atPilot = new double[pilots.length];
        int symbols = z.re.length;
        for (int i = 0; i < pilots.length; i++) {
            int c = pilots[i];
            double acc = 0;
            for (int s = 0; s < symbols; s++) {
                double xr = x[0][s][i], xi = x[1][s][i];
                double er = z.re[s][c] - (hr[c] * xr - hi[c] * xi);
                double ei = z.im[s][c] - (hr[c] * xi + hi[c] * xr);
                acc += er * er + ei * ei;
            }
            atPilot[i] = acc / symbols;
        }
        // Floor 0, not 1e-20: the sums are never negative, so this is the plain average; the floor
        // is applied after interpolating, below.
        double[] smoothed = new double[pilots.length];
        boxcar(atPilot, 1, smoothed, 0);
        double[] noise = new double[plan.carriers];
        for (int i = 0; i + 1 < pilots.length; i++) {
            int a = pilots[i], b = pilots[i + 1];
            for (int c = a; c <= b; c++) {
                double t = (c - a) / (double) (b - a);
                noise[c] = Math.max(1e-20, smoothed[i] * (1 - t) + smoothed[i + 1] * t);
            }
        }
        return noise;
    }
}
