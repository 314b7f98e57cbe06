package io.wavebench.drivers.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole DESIGN §4 chain: gain → speaker → room → noise → mic → clock → clipping. */
class ChannelChainTest {

    private static final int RATE = 48_000;

    private static ChannelModel.Builder fullChain(NoiseKind noise, long seed) {
        return ReferenceChannel.builder(noise, 3, 0.2, 1500, 9400, seed).gainDb(-3).clipAt(0.5);
    }

    private static float[] chunked(ChannelModel channel, float[] in, long seed) {
        float[] joined = new float[in.length + 64];
        int produced = 0;
        SplittableRandom r = new SplittableRandom(seed);
        for (int at = 0; at < in.length; ) {
            int n = Math.min(in.length - at, r.nextInt(1, 3000));
            float[] part = channel.process(in, at, n);
            System.arraycopy(part, 0, joined, produced, part.length);
            produced += part.length;
            at += n;
        }
        return Arrays.copyOf(joined, produced);
    }

    @ParameterizedTest
    @EnumSource(NoiseKind.class)
    void chunked_processing_equals_one_shot_through_every_stage(NoiseKind noise) {
        float[] in = Spectra.tone(3000, 0.2, 2 * RATE, RATE);
        float[] whole = fullChain(noise, 7).build().process(in, 0, in.length);
        assertArrayEquals(whole, chunked(fullChain(noise, 7).build(), in, 3));
    }

    @ParameterizedTest
    @EnumSource(NoiseKind.class)
    void same_seed_same_output_other_seed_other_output(NoiseKind noise) {
        float[] in = Spectra.tone(2000, 0.2, RATE / 2, RATE);
        float[] a = fullChain(noise, 1).build().process(in, 0, in.length);
        float[] b = fullChain(noise, 1).build().process(in, 0, in.length);
        float[] c = fullChain(noise, 2).build().process(in, 0, in.length);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void clipping_bounds_the_output() {
        float[] in = Spectra.tone(1000, 0.6, RATE, RATE);
        float[] out = ChannelModel.builder().gainDb(6).roomRt60(0.3).noise(NoiseKind.SUBWAY).snrDb(0, 0.6).clipAt(0.5).build()
                .process(in, 0, in.length);
        double peak = 0;
        int clipped = 0;
        for (float v : out) {
            peak = Math.max(peak, Math.abs(v));
            if (Math.abs(v) == 0.5f) clipped++;
        }
        assertEquals(0.5, peak, 1e-7);
        assertTrue(clipped > out.length / 10, "a loud tone clips often: " + clipped);
    }

    @Test
    void the_room_delays_by_one_block_and_echoes() {
        float[] in = new float[RATE];
        in[100] = 1;
        float[] out = ChannelModel.builder().roomRt60(0.3, 0).build().process(in, 0, in.length);
        assertEquals(1, out[100 + StreamingConvolver.BLOCK], 1e-5);
        double tail = 0;
        for (int i = 101 + StreamingConvolver.BLOCK; i < out.length; i++) tail += out[i] * out[i];
        assertEquals(1, tail, 0.01, "DRR 0 dB: echo energy equals the direct path's");
    }

    @Test
    void describe_names_every_stage_in_order() {
        ChannelModel c = ReferenceChannel.builder(NoiseKind.BABBLE, 3, 0.26, 1500, 9400, 1).clipAt(0.5).build();
        assertEquals("gain 0.0 dB, phone speaker, room RT60 0.30 s (DRR +10.0 dB), reader mic, "
                + "babble at in-band SNR 3.0 dB (1500–9400 Hz, ref rms 0.26), clock +200 ppm, clipping at 0.50 FS", c.describe());
    }

    @ParameterizedTest
    @EnumSource(NoiseKind.class)
    void noise_beds_stream_the_same_however_cut(NoiseKind kind) {
        int n = 3 * RATE;
        float[] whole = new float[n];
        kind.newBed(4, RATE).fill(whole, 0, n);
        float[] parts = new float[n];
        NoiseBed bed = kind.newBed(4, RATE);
        SplittableRandom r = new SplittableRandom(5);
        for (int at = 0; at < n; ) {
            int len = Math.min(n - at, r.nextInt(1, 5000));
            bed.fill(parts, at, len);
            at += len;
        }
        assertArrayEquals(whole, parts);
        double rms = Spectra.rms(whole, 0, n);
        assertTrue(rms > 0.2 && rms < 5, kind + " is roughly unit level: " + rms);
    }
}
