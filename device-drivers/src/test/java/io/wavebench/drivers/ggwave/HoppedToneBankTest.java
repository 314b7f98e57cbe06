package io.wavebench.drivers.ggwave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hop-by-hop frame DFT is the whole-frame DFT, at 48 kHz (whole hops) and 44.1 kHz (a part hop). */
class HoppedToneBankTest {

    private static final int[] BINS = {40, 41, 57, 71, 320, 351};

    @Test
    void every_hop_s_frame_equals_the_direct_dft_of_that_frame() {
        for (double rate : new double[] {48_000, 44_100}) {
            int frame = (int) Math.round(GgwaveProtocol.SAMPLES_PER_FRAME * rate / GgwaveProtocol.BASE_SAMPLE_RATE);
            int hop = (int) Math.round(frame / 16.0);
            Random random = new Random(7);
            float[] x = new float[frame * 6];
            for (int i = 0; i < x.length; i++) x[i] = (float) (Math.sin(2 * Math.PI * 1900 * i / rate) + 0.3 * random.nextGaussian());
            ToneBank direct = new ToneBank(BINS, rate, frame);
            HoppedToneBank hopped = new HoppedToneBank(BINS, rate, frame, hop);
            float[] window = new float[frame];
            float[] hopSamples = new float[hop];
            float[] rest = new float[hopped.rest()];
            float[] re = new float[BINS.length];
            float[] im = new float[BINS.length];
            float[] wantRe = new float[BINS.length];
            float[] wantIm = new float[BINS.length];
            for (long t = 0; (t * hop) + frame <= x.length; t++) {
                while (hopped.nextPart() < t + hopped.wholeHops()) {
                    System.arraycopy(x, (int) hopped.nextPart() * hop, hopSamples, 0, hop);
                    hopped.addHop(hopSamples);
                }
                System.arraycopy(x, (int) (t + hopped.wholeHops()) * hop, rest, 0, rest.length);
                hopped.frame(t, rest, re, im);
                System.arraycopy(x, (int) t * hop, window, 0, frame);
                direct.dft(window, wantRe, wantIm);
                for (int b = 0; b < BINS.length; b++) {
                    double scale = Math.hypot(wantRe[b], wantIm[b]) + frame * 1e-2;
                    assertEquals(wantRe[b], re[b], scale * 1e-4, "re, bin " + BINS[b] + " at hop " + t + ", " + rate + " Hz");
                    assertEquals(wantIm[b], im[b], scale * 1e-4, "im, bin " + BINS[b] + " at hop " + t + ", " + rate + " Hz");
                }
            }
            assertEquals(rate == 48_000 ? 0 : frame % hop, hopped.rest(), "a 1024-sample frame is 16 whole hops at 48 kHz");
        }
    }

    @Test
    void a_frame_whose_hops_are_not_all_summed_is_refused() {
        HoppedToneBank hopped = new HoppedToneBank(BINS, 48_000, 1024, 64);
        float[] out = new float[BINS.length];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> hopped.frame(0, new float[0], out, out.clone()));
        assertEquals("frame at hop 0 needs hops 0..15 summed; next to add is 0", e.getMessage());
    }
}
