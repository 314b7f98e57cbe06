package io.wavebench.drivers.modem;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameFormatTest {

    @Test
    void every_size_round_trips_with_codewords_of_at_most_255_bytes() {
        for (int size = 1; size <= FrameFormat.MAX_PAYLOAD; size += 37) {
            FrameFormat f = new FrameFormat(size, 0.3);
            byte[] payload = LoopbackTrial.payload(size, size);
            byte[] air = f.encode(payload);
            assertEquals(f.codedLength(), air.length);
            assertTrue((size + 4 + f.blocks() - 1) / f.blocks() + f.parityPerBlock() <= 255);
            FrameFormat.Decoded d = f.decode(air);
            assertNotNull(d);
            assertArrayEquals(payload, d.payload());
            assertEquals(0, d.correctedSymbols());
        }
    }

    @Test
    void a_burst_spread_by_the_interleaver_is_corrected() {
        FrameFormat f = new FrameFormat(512, 0.3);
        assertTrue(f.blocks() > 1);
        byte[] payload = LoopbackTrial.payload(512, 1);
        byte[] air = f.encode(payload);
        // A burst longer than one codeword could correct alone, but spread over all of them.
        int burst = f.blocks() * (f.parityPerBlock() / 2) - f.blocks();
        for (int i = 100; i < 100 + burst; i++) air[i] ^= 0x5A;
        FrameFormat.Decoded d = f.decode(air);
        assertNotNull(d);
        assertArrayEquals(payload, d.payload());
        assertEquals(burst, d.correctedSymbols());
    }

    @Test
    void damage_beyond_the_code_is_rejected_never_miscorrected() {
        SplittableRandom r = new SplittableRandom(5);
        FrameFormat f = new FrameFormat(201, 0.3);
        byte[] payload = LoopbackTrial.payload(201, 2);
        for (int trial = 0; trial < 200; trial++) {
            byte[] air = f.encode(payload);
            for (int i = 0; i < air.length / 3; i++) air[r.nextInt(air.length)] = (byte) r.nextInt(256);
            FrameFormat.Decoded d = f.decode(air);
            if (d != null) assertArrayEquals(payload, d.payload(), "a decode may only ever give the true payload");
        }
    }

    @Test
    void header_round_trips_and_rejects_corruption_garbage_and_other_profiles() {
        FrameHeader h = new FrameHeader(FrameHeader.VERSION, ModemProfile.FAST, 201);
        byte[] bytes = h.encode();
        assertEquals(h, FrameHeader.decode(bytes, ModemProfile.FAST));
        assertNull(FrameHeader.decode(h.encode(), ModemProfile.ROBUST));
        for (int bit = 0; bit < 8 * FrameHeader.ENCODED_BYTES; bit++) {
            byte[] flipped = h.encode();
            flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            assertNull(FrameHeader.decode(flipped, ModemProfile.FAST), "bit " + bit + " flipped");
        }
        SplittableRandom r = new SplittableRandom(9);
        byte[] noise = new byte[FrameHeader.ENCODED_BYTES];
        for (int i = 0; i < 10_000; i++) {
            r.nextBytes(noise);
            assertNull(FrameHeader.decode(noise, ModemProfile.FAST));
        }
    }

    @Test
    void interleaver_inverts() {
        Interleaver il = new Interleaver(new int[] {5, 4, 4});
        int[][] words = {{1, 2, 3, 4, 5}, {6, 7, 8, 9}, {10, 11, 12, 13}};
        byte[] air = il.interleave(words);
        assertArrayEquals(new byte[] {1, 6, 10, 2, 7, 11, 3, 8, 12, 4, 9, 13, 5}, air);
        int[][] back = {new int[5], new int[4], new int[4]};
        il.deinterleave(air, back);
        assertArrayEquals(words, back);
    }
}
