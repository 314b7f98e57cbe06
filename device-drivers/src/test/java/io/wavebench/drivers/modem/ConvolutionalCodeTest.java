package io.wavebench.drivers.modem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.wavebench.drivers.modem.SoftBitChannel.channel;
import static io.wavebench.drivers.modem.SoftBitChannel.randomBits;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvolutionalCodeTest {

    @ParameterizedTest
    @EnumSource(ConvolutionalCode.class)
    void clean_soft_bits_decode_exactly_and_lengths_add_up(ConvolutionalCode code) {
        byte[] message = randomBits(1000, 1);
        byte[] coded = code.encode(message);
        assertEquals(code.codedBits(message.length), coded.length);
        assertArrayEquals(message, code.decode(channel(coded, 0.01, 2), message.length));
    }

    @ParameterizedTest
    @EnumSource(ConvolutionalCode.class)
    void noise_that_flips_many_hard_decisions_is_corrected(ConvolutionalCode code) {
        // Eb/N0 of 4 dB: a hard decision on each coded bit is wrong 6-19 % of the time; soft
        // Viterbi leaves at most a few stray bits in 2000.
        byte[] message = randomBits(2000, 3);
        byte[] coded = code.encode(message);
        double rate = message.length / (double) coded.length;
        double sigma = Math.sqrt(1 / (2 * rate * Math.pow(10, 0.4)));
        float[] llr = channel(coded, sigma, 4);
        int hardErrors = 0;
        for (int i = 0; i < coded.length; i++) if ((llr[i] < 0 ? 1 : 0) != coded[i]) hardErrors++;
        assertTrue(hardErrors > coded.length / 50, "the channel flips bits: " + hardErrors);
        byte[] decoded = code.decode(llr, message.length);
        int errors = 0;
        for (int i = 0; i < message.length; i++) if (decoded[i] != message[i]) errors++;
        assertTrue(errors <= 4, code + ": " + errors + " bit errors after decoding, " + hardErrors + " before");
    }
}
