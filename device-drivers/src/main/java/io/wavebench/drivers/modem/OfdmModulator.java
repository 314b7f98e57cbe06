package io.wavebench.drivers.modem;

import java.util.Arrays;

/**
 * Writes OFDM symbols (see {@link ModemParameters}): each symbol's body is the sum of its carriers
 * over {@code dftSize} samples, preceded by its last {@code cyclicPrefix} samples. Neighbouring
 * symbols overlap by {@code taper} samples under complementary raised-cosine ramps (windowed
 * OFDM): a hard jump between symbols would click 37.5 times a second on a real speaker and
 * splash sound out of the band, which for the ultrasonic profile would make it audible. The
 * receiver's DFT window never reaches the ramps.
 */
final class OfdmModulator {

    private final ModemParameters p;
    private final CarrierPlan plan;
    private final double[] cos;
    private final double[] sin;
    private final double amplitude;
    private final double[] ramp;
    private final double[] body;

    OfdmModulator(CarrierPlan plan) {
        this.plan = plan;
        this.p = plan.p;
        int n = p.dftSize();
        cos = new double[n];
        sin = new double[n];
        for (int i = 0; i < n; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = Math.sin(2 * Math.PI * i / n);
        }
        // One carrier of unit-magnitude value is a sinusoid of this amplitude; all of them together
        // have the nominal RMS.
        amplitude = p.nominalRms() * Math.sqrt(2.0 / plan.carriers);
        ramp = new double[p.taper()];
        for (int i = 0; i < ramp.length; i++) ramp[i] = 0.5 - 0.5 * Math.cos(Math.PI * (i + 0.5) / ramp.length);
        body = new double[n];
    }

    /**
     * Adds the symbol with carrier values {@code re + j·im} (band indices) to {@code out}, its
     * cyclic prefix starting at {@code start}; the ramps reach {@code taper/2} samples either side.
     */
    void addSymbol(double[] re, double[] im, float[] out, int start) {
        int n = p.dftSize();
        Arrays.fill(body, 0);
        for (int c = 0; c < plan.carriers; c++) {
            double a = re[c] * amplitude, b = im[c] * amplitude;
            if (a == 0 && b == 0) continue;
            int k = plan.carrier(c);
            int idx = 0;
            for (int t = 0; t < n; t++) {
                body[t] += a * cos[idx] - b * sin[idx];
                idx += k;
                if (idx >= n) idx -= n;
            }
        }
        int cp = p.cyclicPrefix();
        int half = p.taper() / 2;
        int length = cp + n;
        for (int t = -half; t < length + p.taper() - half; t++) {
            int at = start + t;
            if (at < 0 || at >= out.length) continue;
            double w = 1;
            if (t < p.taper() - half) w = ramp[t + half];
            else if (t >= length - half) w = ramp[p.taper() - 1 - (t - (length - half))];
            out[at] += (float) (w * body[Math.floorMod(t - cp, n)]);
        }
    }
}
