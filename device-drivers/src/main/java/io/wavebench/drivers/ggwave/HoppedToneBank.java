package io.wavebench.drivers.ggwave;

/**
 * The DFT of a frame-long window at a fixed set of ggwave's tone bins, taken every hop as the
 * window slides, from sums over each hop's samples rather than over the whole frame each time.
 *
 * <p>A frame of {@code q·hop + r} samples starting at hop {@code t} is hops {@code t … t+q−1}
 * whole and the first {@code r} samples of hop {@code t+q}. With {@code P_u(ω) = Σ_k x[u·hop+k]
 * e^{−jωk}} over one hop, the frame's DFT is {@code Σ_h e^{−jω·hop·h} P_{t+h}(ω)} plus the part
 * hop's sum turned by {@code e^{−jω·hop·q}} — the same sum as {@link ToneBank#dft}, grouped by
 * hop: each sample is multiplied once per bin instead of sixteen times (one hop is 1/16 frame).
 */
final class HoppedToneBank {

    private final int bins;
    private final int hop;
    private final int wholeHops;
    private final int rest;
    private final ToneBank hopBank;
    private final ToneBank restBank;
    /** Per bin, e^{−jω·hop·h} for h = 0 … wholeHops. */
    private final float[][] turnRe;
    private final float[][] turnIm;
    /** Per hop in the window (a ring of wholeHops), its sum at every bin. */
    private final float[][] partRe;
    private final float[][] partIm;
    private final float[] restRe;
    private final float[] restIm;
    private long nextPart;

    HoppedToneBank(int[] bins, double sampleRate, int frame, int hop) {
        this.bins = bins.length;
        this.hop = hop;
        wholeHops = frame / hop;
        rest = frame % hop;
        hopBank = new ToneBank(bins, sampleRate, hop);
        restBank = rest == 0 ? null : new ToneBank(bins, sampleRate, rest);
        turnRe = new float[bins.length][wholeHops + 1];
        turnIm = new float[bins.length][wholeHops + 1];
        for (int b = 0; b < bins.length; b++) {
            for (int h = 0; h <= wholeHops; h++) {
                double phase = hopBank.omega(b) * hop * h;
                turnRe[b][h] = (float) Math.cos(phase);
                turnIm[b][h] = (float) -Math.sin(phase);
            }
        }
        partRe = new float[wholeHops][bins.length];
        partIm = new float[wholeHops][bins.length];
        restRe = new float[bins.length];
        restIm = new float[bins.length];
    }

    /** Hops a frame spans whole. */
    int wholeHops() {
        return wholeHops;
    }

    /** Samples of the last, part hop of a frame (0 when a frame is whole hops). */
    int rest() {
        return rest;
    }

    /** The hop a frame starting at hop {@code t} needs summed next: hops are added in order, each once. */
    long nextPart() {
        return nextPart;
    }

    /** Adds hop {@code nextPart()}'s {@code hop} samples. */
    void addHop(float[] samples) {
        int slot = (int) (nextPart % wholeHops);
        hopBank.dft(samples, partRe[slot], partIm[slot]);
        nextPart++;
    }

    /**
     * The DFT of the frame starting at hop {@code t}, into re and im: hops {@code t … t+wholeHops−1}
     * must have been added, and {@code restSamples} are the first {@link #rest()} samples after them.
     */
    void frame(long t, float[] restSamples, float[] re, float[] im) {
        if (nextPart < t + wholeHops || nextPart - wholeHops > t) {
            throw new IllegalStateException("frame at hop " + t + " needs hops " + t + ".." + (t + wholeHops - 1) + " summed; next to add is " + nextPart);
        }
        if (restBank != null) restBank.dft(restSamples, restRe, restIm);
        for (int b = 0; b < bins; b++) {
            float[] cr = turnRe[b];
            float[] ci = turnIm[b];
            float sr = 0;
            float si = 0;
            for (int h = 0; h < wholeHops; h++) {
                int slot = (int) ((t + h) % wholeHops);
                float pr = partRe[slot][b];
                float pi = partIm[slot][b];
                sr += pr * cr[h] - pi * ci[h];
                si += pr * ci[h] + pi * cr[h];
            }
            if (restBank != null) {
                sr += restRe[b] * cr[wholeHops] - restIm[b] * ci[wholeHops];
                si += restRe[b] * ci[wholeHops] + restIm[b] * cr[wholeHops];
            }
            re[b] = sr;
            im[b] = si;
        }
    }
}
