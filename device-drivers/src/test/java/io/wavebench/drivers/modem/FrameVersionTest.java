package io.wavebench.drivers.modem;

import io.wavebench.drivers.channel.ChannelModel;
import io.wavebench.drivers.channel.NoiseKind;
import io.wavebench.drivers.channel.ReferenceChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frame version 3 (LDPC, no Reed-Solomon, repeats in spare cells) is sent; version 2 is still received. */
class FrameVersionTest {

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void the_transmitter_sends_version_3_and_a_receiver_takes_version_2_frames_too(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, 48_000);
        byte[] payload = LoopbackTrial.payload(201, 5);
        assertArrayEquals(modem.modulate(payload, FrameHeader.VERSION), modem.modulate(payload));
        assertTrue(modem.airtimeSeconds(201) < modem.airtimeSeconds(201, FrameHeader.CONVOLUTIONAL_VERSION));
        for (int version : new int[] {FrameHeader.CONVOLUTIONAL_VERSION, FrameHeader.VERSION}) {
            for (long seed = 1; seed <= 2; seed++) {
                ChannelModel channel = ReferenceChannel.of(NoiseKind.BABBLE, profile == ModemProfile.ROBUST ? 10 : 18, modem.nominalRms(),
                        modem.parameters().preambleLowHz(), modem.parameters().preambleHighHz(), seed);
                float[] played = new LoopbackTrial(modem, seed).onAir(modem.modulate(payload, version));
                List<ReceivedFrame> frames = new ArrayList<>();
                float[] heard = channel.process(played, 0, played.length);
                modem.newReceiver(frames::add).accept(heard, 0, heard.length);
                assertEquals(1, frames.size(), profile + " version " + version + ", seed " + seed);
                assertArrayEquals(payload, frames.get(0).payload());
            }
        }
    }

    @Test
    void the_header_names_version_2_or_3_and_nothing_else_is_believed() {
        for (int version = 0; version < 8; version++) {
            byte[] bytes = new FrameHeader(version, ModemProfile.ROBUST, 201).encode();
            FrameHeader decoded = FrameHeader.decode(bytes, ModemProfile.ROBUST);
            if (version == 2 || version == 3) assertEquals(version, decoded.version());
            else assertNull(decoded, "version " + version);
        }
    }

    @Test
    void version_3_carries_no_reed_solomon_and_its_crc_still_rejects_one_wrong_bit() {
        FrameFormat f = new FrameFormat(201, 0);
        assertEquals(0, f.parityPerBlock());
        byte[] payload = LoopbackTrial.payload(201, 3);
        byte[] air = f.encode(payload);
        assertEquals(201 + FrameFormat.CRC_BYTES, air.length);
        assertArrayEquals(payload, f.decode(air).payload());
        for (int bit = 0; bit < 8 * air.length; bit += 97) {
            byte[] wrong = air.clone();
            wrong[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            assertNull(f.decode(wrong), "bit " + bit);
        }
    }

    /**
     * Version 3 fills the cells after the coded bits with repeats: each coded bit's soft value is
     * the sum over its copies, so a clean frame's soft bits are ±(copies); version 2 sends each once.
     */
    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void repeats_fill_the_spare_cells_and_their_soft_bits_add_up(ModemProfile profile) {
        CarrierPlan plan = new CarrierPlan(ModemParameters.of(profile, 48_000));
        for (int version : new int[] {FrameHeader.CONVOLUTIONAL_VERSION, FrameHeader.VERSION}) {
            FrameLayout layout = new FrameLayout(plan, 201, version);
            byte[] coded = new byte[layout.payloadCodedBits];
            new SplittableRandom(version).nextBytes(coded);
            for (int i = 0; i < coded.length; i++) coded[i] &= 1;
            double[][][] cells = layout.cells(FrameLayout.headerCoded(new FrameHeader(version, profile, 201)), coded);
            int total = FrameLayout.HEADER_CELLS + layout.payloadCells;
            float[] llr = new float[2 * total];
            for (int cell = 0; cell < total; cell++) {
                int s = layout.symbolOf(cell) - 1, c = layout.carrierOf(cell);
                llr[2 * cell] = cells[0][s][c] > 0 ? 1 : -1;
                llr[2 * cell + 1] = cells[1][s][c] > 0 ? 1 : -1;
            }
            float[] soft = layout.payloadSoft(llr);
            int copies = 0;
            for (int i = 0; i < coded.length; i++) {
                assertEquals(coded[i] == 0, soft[i] > 0, "bit " + i + " of version " + version);
                assertEquals(Math.rint(soft[i]), soft[i]);
                copies += (int) Math.abs(soft[i]);
            }
            if (version == FrameHeader.CONVOLUTIONAL_VERSION) {
                assertEquals(coded.length, copies);
            } else {
                int spare = layout.dataSymbols * plan.dataPerSymbol() - FrameLayout.HEADER_CELLS;
                assertEquals(2 * spare, copies, "every spare cell carries copies");
                assertTrue(copies > coded.length);
            }
        }
    }

    @Test
    void robust_and_fast_and_ultrasonic_use_the_stated_ldpc_rates() {
        assertEquals("802.11n LDPC rate 1/2", FrameLayout.codeFor(ModemParameters.of(ModemProfile.ROBUST, 48_000), 3).toString());
        assertEquals("802.11n LDPC rate 3/4", FrameLayout.codeFor(ModemParameters.of(ModemProfile.FAST, 48_000), 3).toString());
        assertEquals("802.11n LDPC rate 1/2", FrameLayout.codeFor(ModemParameters.of(ModemProfile.ULTRASONIC, 48_000), 3).toString());
        assertEquals(ConvolutionalCode.RATE_1_4, FrameLayout.codeFor(ModemParameters.of(ModemProfile.ROBUST, 48_000), 2));
    }

    /** A burst of noise ten times as strong over two symbols shows in the map there and not elsewhere. */
    @Test
    void the_noise_map_follows_a_burst_from_the_pilots_and_from_known_cells() {
        CarrierPlan plan = new CarrierPlan(ModemParameters.of(ModemProfile.ROBUST, 48_000));
        int symbols = 14, m = plan.carriers;
        double[][] zRe = new double[symbols][m], zIm = new double[symbols][m];
        double[][][] known = new double[2][symbols][m];
        double[] hr = new double[m], hi = new double[m], average = new double[m];
        SplittableRandom r = new SplittableRandom(4);
        for (int c = 0; c < m; c++) {
            hr[c] = 0.6;
            hi[c] = -0.8;
            average[c] = 0.01;
        }
        for (int s = 0; s < symbols; s++) {
            double sigma = Math.sqrt((s == 6 || s == 7 ? 0.1 : 0.01) / 2);
            for (int c = 0; c < m; c++) {
                double xr = plan.pilot[c] ? plan.pilotRe(s + 1, c) : (r.nextBoolean() ? 1 : -1) * Math.sqrt(0.5);
                double xi = plan.pilot[c] ? plan.pilotIm(s + 1, c) : (r.nextBoolean() ? 1 : -1) * Math.sqrt(0.5);
                known[0][s][c] = xr;
                known[1][s][c] = xi;
                zRe[s][c] = hr[c] * xr - hi[c] * xi + sigma * r.nextGaussian();
                zIm[s][c] = hr[c] * xi + hi[c] * xr + sigma * r.nextGaussian();
            }
        }
        double[][] fromPilots = NoiseMap.of(plan, zRe, zIm, hr, hi, average);
        double[][] fromKnown = NoiseMap.of(plan, zRe, zIm, hr, hi, average, known);
        for (double[][] map : List.of(fromPilots, fromKnown)) {
            for (int c = 0; c < m - 1; c += 7) {
                assertTrue(map[6][c] > 2 * map[0][c], "burst at carrier " + c + ": " + map[6][c] + " vs " + map[0][c]);
                assertTrue(map[13][c] < 0.02, "quiet symbol at carrier " + c + ": " + map[13][c]);
            }
        }
        assertFalse(fromKnown[6][40] > 0.2, "the known-cell map is not inflated: " + fromKnown[6][40]);
        assertNotNull(fromPilots);
    }

    /** Noise ten times as strong below carrier 80 all frame long: the known-cell map keeps the step sharp. */
    @Test
    void the_known_cell_map_keeps_the_noise_colour_sharp() {
        CarrierPlan plan = new CarrierPlan(ModemParameters.of(ModemProfile.ROBUST, 48_000));
        int symbols = 14, m = plan.carriers;
        double[][] zRe = new double[symbols][m], zIm = new double[symbols][m];
        double[][][] known = new double[2][symbols][m];
        double[] hr = new double[m], hi = new double[m], average = new double[m];
        SplittableRandom r = new SplittableRandom(6);
        for (int c = 0; c < m; c++) {
            hr[c] = 1;
            average[c] = 0.001;
        }
        for (int s = 0; s < symbols; s++) {
            for (int c = 0; c < m; c++) {
                double sigma = Math.sqrt((c < 80 ? 0.1 : 0.01) / 2);
                known[0][s][c] = Math.sqrt(0.5);
                known[1][s][c] = -Math.sqrt(0.5);
                zRe[s][c] = known[0][s][c] + sigma * r.nextGaussian();
                zIm[s][c] = known[1][s][c] + sigma * r.nextGaussian();
            }
        }
        double[][] map = NoiseMap.of(plan, zRe, zIm, hr, hi, average, known);
        for (int s = 0; s < symbols; s += 3) {
            assertTrue(map[s][77] > 5 * map[s][83], "symbol " + s + ": " + map[s][77] + " vs " + map[s][83]);
        }
    }
}
