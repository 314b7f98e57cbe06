package io.wavebench.drivers.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HeaderSearchTest {

    /** Soft bits of {@code header}'s codeword, ±4, with {@code burst} coded bits from {@code from} on turned against it at twice the weight (a click or a burst of babble). */
    private static float[] softWithBurst(FrameHeader header, int from, int burst) {
        byte[] coded = FrameHeader.CODE.encode(FrameLayout.bits(header.encode()));
        float[] soft = new float[coded.length];
        for (int k = 0; k < coded.length; k++) soft[k] = coded[k] == 0 ? 4 : -4;
        for (int k = from; k < from + burst; k++) soft[k] = -2 * soft[k];
        return soft;
    }

    @ParameterizedTest
    @CsvSource({"3, ROBUST, 201", "3, FAST, 1", "2, ULTRASONIC, 1024", "3, ROBUST, 37"})
    void a_header_the_viterbi_decoder_gets_wrong_is_found_among_those_that_can_be_sent(int version, ModemProfile profile, int length) {
        FrameHeader sent = new FrameHeader(version, profile, length);
        float[] soft = softWithBurst(sent, 60, 14);
        byte[] viterbi = FrameHeader.CODE.decode(soft, FrameHeader.BITS);
        assertNull(FrameHeader.decode(FrameLayout.bytes(viterbi), profile), "the burst must defeat the Viterbi decoder and its CRC, or this test proves nothing");
        assertEquals(sent, HeaderSearch.of(profile).find(soft));
    }

    @Test
    void noise_is_not_taken_for_a_header() {
        HeaderSearch search = HeaderSearch.of(ModemProfile.ROBUST);
        SplittableRandom random = new SplittableRandom(2026);
        double highest = 0;
        for (int draw = 0; draw < 5000; draw++) {
            float[] soft = new float[FrameHeader.codedBits()];
            for (int k = 0; k < soft.length; k++) {
                double g = gaussian(random);
                soft[k] = (float) (draw % 2 == 0 ? g : g * g * g); // Gaussian, and heavy-tailed as bursts make them
            }
            HeaderSearch.Match m = search.match(soft);
            highest = Math.max(highest, m.agreement());
            assertNull(search.find(soft), "draw " + draw + " taken for " + m.header() + " (agreement " + m.agreement() + ", lead " + m.lead() + ")");
        }
        assertTrue(highest < HeaderSearch.MIN_AGREEMENT - 0.02, "noise came within 0.02 of the bar: " + highest);
    }

    @Test
    void silence_gives_no_header() {
        assertNull(HeaderSearch.of(ModemProfile.FAST).find(new float[FrameHeader.codedBits()]));
    }

    @Test
    void a_header_that_two_lengths_match_equally_is_refused() {
        // Half the soft bits say one length, half another: the best has no lead, so neither is believed.
        FrameHeader a = new FrameHeader(3, ModemProfile.ROBUST, 200), b = new FrameHeader(3, ModemProfile.ROBUST, 201);
        byte[] ca = FrameHeader.CODE.encode(FrameLayout.bits(a.encode())), cb = FrameHeader.CODE.encode(FrameLayout.bits(b.encode()));
        float[] soft = new float[ca.length];
        boolean toA = true;
        for (int k = 0; k < soft.length; k++) {
            byte bit = ca[k] == cb[k] ? ca[k] : (toA ? ca[k] : cb[k]);
            if (ca[k] != cb[k]) toA = !toA;
            soft[k] = bit == 0 ? 4 : -4;
        }
        HeaderSearch.Match m = HeaderSearch.of(ModemProfile.ROBUST).match(soft);
        assertTrue(m.lead() < HeaderSearch.MIN_LEAD, "lead " + m.lead());
        assertNull(HeaderSearch.of(ModemProfile.ROBUST).find(soft));
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
