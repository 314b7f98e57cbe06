package io.wavebench.drivers.ggwave;

import java.util.List;

/**
 * One band of ggwave protocols sharing a freqStart, so sharing their start and end markers
 * (ggwave sends 16 tones, one in each pair of bins from freqStart up: the lower bin of even pairs
 * and the upper of odd ones for a start marker, the other way round for an end marker). Every hop
 * it takes the 16 pairs' powers on a frame-long window and integrates them over a marker's length;
 * where most pairs agree over that box it reports a start marker, at the hop where they agree most.
 */
final class MarkerTrack {

    /** Box of hops a marker is integrated over: the 15 frame-long windows wholly inside its 16 frames. */
    static final int MARKER_BOX_HOPS = 15 * 16;
    static final int HOPS_PER_FRAME = 16;
    /** Start marker: the power contrast over the box, on minus off over on plus off, at least this. */
    private static final double START_CONTRAST = 0.2;
    /** ... and at least this many of the 16 pairs louder on their marker bin. */
    private static final int START_PAIRS = 12;

    /** Told of each start marker found: where it starts (in samples) and its contrast. */
    interface StartListener {
        void started(MarkerTrack track, long markerStart, double contrast);
    }

    final List<GgwaveProtocol> protocols;
    final HoppedToneBank markerBank;
    final ToneBank dataBank;
    private final int hop;
    private final int hopsHeld;
    private final StartListener listener;
    /** Per hop, the 16 pairs' power on the start marker's bin and on the end marker's. */
    private final float[] on;
    private final float[] off;
    /** Per hop, Σ over pairs of (on − off)/(on + off): +16 on a start marker, −16 on an end marker, whatever the tones' level. */
    private final float[] agreement;
    private double boxAgreement;
    private final double[] boxOn = new double[16];
    private final double[] boxOff = new double[16];
    private final float[] re;
    private final float[] im;
    private boolean tracking;
    private double best;
    private double bestContrast;
    private long bestHop;
    long ignoreBeforeHop;

    MarkerTrack(int freqStart, List<GgwaveProtocol> protocols, double sampleRate, int frame, int hop, int hopsHeld, StartListener listener) {
        this.protocols = protocols;
        this.hop = hop;
        this.hopsHeld = hopsHeld;
        this.listener = listener;
        int[] markerBins = new int[32];
        for (int i = 0; i < 16; i++) {
            int startOn = 2 * i + (i % 2);
            markerBins[2 * i] = freqStart + startOn;
            markerBins[2 * i + 1] = freqStart + 2 * i + 1 - (i % 2);
        }
        markerBank = new HoppedToneBank(markerBins, sampleRate, frame, hop);
        int tones = protocols.stream().mapToInt(GgwaveProtocol::tonesPerTx).max().orElseThrow();
        int[] dataBins = new int[16 * tones];
        for (int b = 0; b < dataBins.length; b++) dataBins[b] = freqStart + b;
        dataBank = new ToneBank(dataBins, sampleRate, frame);
        on = new float[hopsHeld * 16];
        off = new float[hopsHeld * 16];
        agreement = new float[hopsHeld];
        re = new float[32];
        im = new float[32];
    }

    /** The frame at hop {@code t}, its hops added to {@link #markerBank} and {@code restSamples} after them. */
    void analyse(long t, float[] restSamples) {
        markerBank.frame(t, restSamples, re, im);
        int row = (int) (t % hopsHeld) * 16;
        float loudest = 0;
        for (int i = 0; i < 16; i++) {
            float pOn = re[2 * i] * re[2 * i] + im[2 * i] * im[2 * i];
            float pOff = re[2 * i + 1] * re[2 * i + 1] + im[2 * i + 1] * im[2 * i + 1];
            on[row + i] = pOn;
            off[row + i] = pOff;
            boxOn[i] += pOn;
            boxOff[i] += pOff;
            loudest = Math.max(loudest, Math.max(pOn, pOff));
        }
        // A floor far under the loudest bin, so exact silence and rounding dust count for nothing.
        float floor = 1e-6f * loudest + Float.MIN_NORMAL;
        float agree = 0;
        for (int i = 0; i < 16; i++) agree += (on[row + i] - off[row + i]) / (on[row + i] + off[row + i] + floor);
        agreement[(int) (t % hopsHeld)] = agree;
        boxAgreement += agree;
        long first = t - MARKER_BOX_HOPS + 1;
        if (first > 0) {
            int old = (int) ((first - 1) % hopsHeld) * 16;
            for (int i = 0; i < 16; i++) {
                boxOn[i] -= on[old + i];
                boxOff[i] -= off[old + i];
            }
            boxAgreement -= agreement[(int) ((first - 1) % hopsHeld)];
        }
        if (first < 0 || first < ignoreBeforeHop) return;
        double contrast = contrast(boxOn, boxOff);
        boolean passes = contrast >= START_CONTRAST && louder(boxOn, boxOff) >= START_PAIRS;
        // Where most pairs agree, hop after hop, the box lies squarely on the marker: the power
        // contrast is flat there when the marker stands in silence, and louder data tones on
        // marker bins would pull a power sum into the data.
        double energy = boxAgreement;
        if (tracking) {
            if (passes && energy > best) {
                best = energy;
                bestContrast = contrast;
                bestHop = first;
            } else if (!passes || first - bestHop >= 2 * HOPS_PER_FRAME) {
                tracking = false;
                listener.started(this, bestHop * hop, bestContrast);
                ignoreBeforeHop = bestHop + MARKER_BOX_HOPS;
            }
        } else if (passes) {
            tracking = true;
            best = energy;
            bestContrast = contrast;
            bestHop = first;
        }
    }

    /** The end marker's strength over {@code hops} hops from hop {@code first}: contrast, pairs, agreement, reversed. */
    double[] endMarker(long first, int hops) {
        double[] sumOn = new double[16];
        double[] sumOff = new double[16];
        double agree = 0;
        for (long t = first; t < first + hops; t++) {
            agree -= agreement[(int) (t % hopsHeld)];
            int row = (int) (t % hopsHeld) * 16;
            for (int i = 0; i < 16; i++) {
                sumOn[i] += on[row + i];
                sumOff[i] += off[row + i];
            }
        }
        return new double[] {contrast(sumOff, sumOn), louder(sumOff, sumOn), agree};
    }

    private static double contrast(double[] a, double[] b) {
        double diff = 0;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            diff += a[i] - b[i];
            sum += a[i] + b[i];
        }
        return sum <= 0 ? 0 : diff / sum;
    }

    /** Pairs whose first bin is clearly the louder: by 5 % of a pair's mean power, so numerical dust in silence counts for neither. */
    private static int louder(double[] a, double[] b) {
        double mean = 0;
        for (int i = 0; i < a.length; i++) mean += (a[i] + b[i]) / a.length;
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] - b[i] > 0.05 * mean) n++;
        return n;
    }
}
