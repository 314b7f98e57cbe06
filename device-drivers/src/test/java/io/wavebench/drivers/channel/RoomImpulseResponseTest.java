package io.wavebench.drivers.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoomImpulseResponseTest {

    private static final int RATE = 48_000;

    @Test
    void schroeder_decay_gives_the_stated_rt60() {
        for (double rt60 : new double[] {0.15, 0.3, 0.5, 0.8}) {
            float[] h = RoomImpulseResponse.of(rt60, 0, 3, RATE).taps();
            double measured = rt60FromSchroeder(h);
            assertEquals(rt60, measured, 0.2 * rt60, "RT60 " + rt60 + " s measured " + measured);
        }
    }

    @Test
    void direct_to_reverberant_ratio_is_the_stated_one() {
        for (double drr : new double[] {-6, 0, 10}) {
            float[] h = RoomImpulseResponse.of(0.3, drr, 9, RATE).taps();
            double reverb = 0;
            for (int i = 1; i < h.length; i++) reverb += (double) h[i] * h[i];
            assertEquals(drr, 10 * Math.log10(h[0] * h[0] / reverb), 0.01);
        }
    }

    @Test
    void same_seed_same_room_other_seed_other_room() {
        assertArrayEquals(RoomImpulseResponse.of(0.3, 0, 1, RATE).taps(), RoomImpulseResponse.of(0.3, 0, 1, RATE).taps());
        assertFalse(Arrays.equals(RoomImpulseResponse.of(0.3, 0, 1, RATE).taps(), RoomImpulseResponse.of(0.3, 0, 2, RATE).taps()));
    }

    @Test
    void the_convolver_equals_direct_convolution_one_block_late() {
        float[] h = RoomImpulseResponse.of(0.05, 0, 4, RATE).taps();
        SplittableRandom r = new SplittableRandom(8);
        float[] x = new float[6000];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian() * 0.1f;
        float[] y = x.clone();
        StreamingConvolver c = new StreamingConvolver(h);
        for (int at = 0; at < y.length; ) {
            int n = Math.min(y.length - at, r.nextInt(1, 700));
            c.process(y, at, n);
            at += n;
        }
        int d = StreamingConvolver.BLOCK;
        for (int i = d; i < y.length; i += 37) {
            double expect = 0;
            for (int k = 0; k < h.length && k <= i - d; k++) expect += h[k] * x[i - d - k];
            assertEquals(expect, y[i], 1e-4, "sample " + i);
        }
        for (int i = 0; i < d; i++) assertEquals(0, y[i]);
    }

    /** ISO 3382 style: Schroeder backward integral, line fit from −5 to −25 dB (T20), × 3. */
    static double rt60FromSchroeder(float[] h) {
        double[] edc = new double[h.length];
        double sum = 0;
        for (int i = h.length - 1; i >= 0; i--) {
            sum += (double) h[i] * h[i];
            edc[i] = sum;
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < h.length; i++) {
            double db = 10 * Math.log10(edc[i] / edc[0]);
            if (db <= -5 && db >= -25) {
                double t = i / (double) RATE;
                sx += t; sy += db; sxx += t * t; sxy += t * db; n++;
            }
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx); // dB per second
        return -60 / slope;
    }
}
