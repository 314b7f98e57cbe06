package io.wavebench.drivers.modem;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The header by maximum likelihood over the headers a receiver can take, for when the Viterbi
 * decoder's word fails its CRC-16 (DESIGN §4: header protected on its own).
 *
 * <p>A receiver of one profile takes only {@code 2 × 1024} headers: versions 2 and 3, its own
 * profile, lengths 1..{@value FrameFormat#MAX_PAYLOAD}, each with the CRC-16 those fields give. The
 * Viterbi decoder looks for the best of all 2<sup>48</sup> words of the header's code and then
 * asks the CRC; scoring the soft bits against each of the 2048 possible codewords instead is the
 * maximum-likelihood decision over what can have been sent (Proakis, "Digital Communications",
 * §8.2: soft-decision decoding of a block code by correlation), which needs the soft bits to say
 * 11 bits, not 48. Robust at 3 dB in babble lost 4 frames in 381 to their headers, each of them
 * with a payload the LDPC code could have carried.
 *
 * <p>It picks a header even from noise, so its word is taken only when it is clearly better than
 * the rest: its correlation with the (clipped) soft bits at least {@value #MIN_AGREEMENT} of their
 * total weight and ahead of the runner-up by {@value #MIN_LEAD}. Measured: a perfect match scores
 * 1; the best of 2048 for 20 000 draws of noise, Gaussian and heavy-tailed, at most 0.51
 * ({@code HeaderSearchTest} draws 5000 and holds them 0.02 under the bar); real headers the
 * Viterbi decoder refused, robust at 0–3 dB in the reference channel at DRR 6 dB, 0.58–0.87 with
 * leads 0.11–0.25, and one at 0.44 with a lead of 0.03 (refused). A header believed wrongly
 * costs only a payload decode: the LDPC code and the CRC-32 reject the frame,
 * and the receiver searches on from the preamble it had believed ({@link StreamingReceiver}).
 */
final class HeaderSearch {

    /** The best header's correlation over the soft bits' total weight, at least. */
    static final double MIN_AGREEMENT = 0.55;
    /** Soft bits are limited to this many times their median magnitude before they are matched. */
    static final double CLIP = 2;
    /** Its lead over the runner-up, in the same measure. */
    static final double MIN_LEAD = 0.1;

    private static final int[] VERSIONS = {FrameHeader.VERSION, FrameHeader.CONVOLUTIONAL_VERSION};
    private static final Map<ModemProfile, HeaderSearch> BY_PROFILE = new EnumMap<>(ModemProfile.class);

    private final FrameHeader[] headers;
    /** Each header's coded bits, 0 or 1, as {@link FrameHeader#CODE} sends them (before the copies and the interleaver). */
    private final byte[][] codewords;

    private HeaderSearch(ModemProfile profile) {
        int n = VERSIONS.length * FrameFormat.MAX_PAYLOAD;
        headers = new FrameHeader[n];
        codewords = new byte[n][];
        int i = 0;
        for (int version : VERSIONS) {
            for (int length = 1; length <= FrameFormat.MAX_PAYLOAD; length++, i++) {
                headers[i] = new FrameHeader(version, profile, length);
                codewords[i] = FrameHeader.CODE.encode(FrameLayout.bits(headers[i].encode()));
            }
        }
    }

    /** The search for {@code profile}'s headers; the codewords are made once per profile (2048 × 162 bits). */
    static synchronized HeaderSearch of(ModemProfile profile) {
        return BY_PROFILE.computeIfAbsent(profile, HeaderSearch::new);
    }

    /**
     * The header whose codeword best matches {@code soft} (one LLR per coded bit, positive for 0,
     * the copies already added), or null when it does not clear {@link #MIN_AGREEMENT} and
     * {@link #MIN_LEAD}.
     */
    FrameHeader find(float[] soft) {
        Match m = match(soft);
        return m.agreement() >= MIN_AGREEMENT && m.lead() >= MIN_LEAD ? m.header() : null;
    }

    /** The best header, its agreement and its lead over the runner-up (both over the soft bits' total weight). */
    record Match(FrameHeader header, double agreement, double lead) {
    }

    Match match(float[] soft) {
        if (soft.length != codewords[0].length) {
            throw new IllegalArgumentException("expected " + codewords[0].length + " soft bits, got " + soft.length);
        }
        float[] clipped = clipped(soft);
        double weight = 0;
        for (float l : clipped) weight += Math.abs(l);
        if (weight == 0) return new Match(headers[0], 0, 0);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < codewords.length; i++) {
            byte[] word = codewords[i];
            double score = 0;
            for (int k = 0; k < word.length; k++) score += word[k] == 0 ? clipped[k] : -clipped[k];
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = i;
            } else if (score > second) {
                second = score;
            }
        }
        return new Match(headers[best], bestScore / weight, (bestScore - second) / weight);
    }

    /**
     * The soft bits limited to {@value #CLIP} times their median magnitude: a burst of babble or a
     * click gives a few soft bits many times the others' weight, and left alone they decide the
     * match (noise with heavy-tailed soft bits scored up to 0.78 unclipped).
     */
    private static float[] clipped(float[] soft) {
        float[] magnitudes = new float[soft.length];
        for (int k = 0; k < soft.length; k++) magnitudes[k] = Math.abs(soft[k]);
        Arrays.sort(magnitudes);
        float limit = (float) CLIP * magnitudes[magnitudes.length / 2];
        float[] out = new float[soft.length];
        for (int k = 0; k < soft.length; k++) out[k] = Math.max(-limit, Math.min(limit, soft[k]));
        return out;
    }
}
