package io.wavebench.drivers.modem;

import io.wavebench.drivers.dsp.RealFft;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongChannelEstimateTest {

    @Test
    void a_response_longer_than_the_prefix_is_measured_from_a_known_frame() {
        // A robust frame heard directly (256 samples late) and again 30 ms after (as loud), the
        // last 50 ms of its echo not yet heard: the fit must explain what was heard, and its
        // response at a carrier must be the room's. Three gradient steps (a canceller's second
        // round): version 3's robust frame is 15 data symbols (version 2's was 26), few against the
        // 105 ms of taps, and two steps from it leave carrier 2 0.12 off and −25 dB of residual.
        ModemParameters p = ModemParameters.of(ModemProfile.ROBUST, 48_000);
        CarrierPlan plan = new CarrierPlan(p);
        FrameLayout layout = new FrameLayout(plan, 201);
        byte[] payload = LoopbackTrial.payload(201, 7);
        float[] u = FrameWaveform.of(plan, layout.cells(new FrameHeader(FrameHeader.VERSION, p.profile(), 201), payload));
        int direct = 256, echo = 256 + 1440;
        double[] y = new double[u.length + echo];
        SplittableRandom noise = new SplittableRandom(3);
        for (int i = 0; i < u.length; i++) {
            y[i + direct] += 0.5 * u[i];
            y[i + echo] += 0.5 * u[i];
        }
        for (int i = 0; i < y.length; i++) y[i] += 1e-4 * noise.nextGaussian();
        int heard = y.length - 2400;
        LongChannelEstimate h = new LongChannelEstimate(u, y, heard, 5056, 128, p.preambleLowHz() - EchoCanceller.BAND_MARGIN_HZ,
                p.preambleHighHz() + EchoCanceller.BAND_MARGIN_HZ, p.sampleRate(), 3, null, new HashMap<Integer, RealFft>());

        double heardEnergy = 0, residualEnergy = 0;
        for (int i = 0; i < heard; i++) {
            heardEnergy += y[i] * y[i];
            residualEnergy += h.residual[i] * h.residual[i];
        }
        double residualDb = 10 * Math.log10(residualEnergy / heardEnergy);
        // −31 dB measured (one step, the plain division: −14 dB; the band without its margin: −25 dB).
        assertTrue(residualDb < -28, "residual " + residualDb + " dB of what was heard");
        // Inside the band; the two edge carriers (pilots) come out 10–20 % low.
        for (int c : new int[] {2, plan.carriers / 2, plan.carriers - 3}) {
            double omega = 2 * Math.PI * plan.carrier(c) / p.dftSize();
            double[] g = new double[2];
            h.response(omega, g);
            double re = 0.5 * (Math.cos(omega * direct) + Math.cos(omega * echo));
            double im = -0.5 * (Math.sin(omega * direct) + Math.sin(omega * echo));
            assertEquals(re, g[0], 0.05, "carrier " + c + " real part");
            assertEquals(im, g[1], 0.05, "carrier " + c + " imaginary part");
        }
    }
}
