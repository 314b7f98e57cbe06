package io.wavebench.drivers.modem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static io.wavebench.drivers.modem.SoftBitChannel.channel;
import static io.wavebench.drivers.modem.SoftBitChannel.randomBits;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LdpcCodeTest {

    /**
     * Every base matrix against a second transcription of the standard's tables (IEEE Std
     * 802.11-2012 Annex F), taken from another public copy than the one {@link LdpcMatrix} was typed
     * from: H·c = 0 holds for any matrix, so only another copy can catch a mistyped shift (it caught
     * one, n = 1296 rate 2/3).
     */
    @Test
    void every_base_matrix_matches_a_second_transcription_of_the_standard() throws IOException {
        Map<String, List<int[]>> other = new LinkedHashMap<>();
        try (InputStream in = LdpcCodeTest.class.getResourceAsStream("/modem/ieee80211n-ldpc-base-matrices.txt")) {
            List<int[]> rows = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("n=")) {
                    other.put(line, rows = new ArrayList<>());
                } else {
                    String[] cells = line.split("\\s+");
                    int[] row = new int[cells.length];
                    for (int c = 0; c < cells.length; c++) row[c] = Integer.parseInt(cells[c]);
                    rows.add(row);
                }
            }
        }
        assertEquals(12, other.size(), "three lengths by four rates");
        for (LdpcMatrix matrix : LdpcMatrix.values()) {
            for (int z : LdpcMatrix.LIFTINGS) {
                String key = "n=" + 24 * z + " rate=" + matrix.numerator + "/" + matrix.denominator;
                List<int[]> expected = other.get(key);
                int[][] base = matrix.base(z);
                assertEquals(expected.size(), base.length, key + ": block rows");
                for (int r = 0; r < base.length; r++) assertArrayEquals(expected.get(r), base[r], key + ", block row " + (r + 1));
            }
        }
    }


    private static int differences(byte[] a, byte[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) d++;
        return d;
    }

    @ParameterizedTest
    @EnumSource(LdpcMatrix.class)
    void every_802_11n_code_has_its_stated_size_and_encodes_to_words_with_zero_syndrome(LdpcMatrix matrix) {
        for (int z : LdpcMatrix.LIFTINGS) {
            QcLdpcCode code = new QcLdpcCode(matrix, z);
            assertEquals(24 * z, code.n);
            assertEquals(code.n * matrix.numerator / matrix.denominator, code.k, matrix + " Z=" + z);
            for (int length : new int[] {code.k, code.k / 3, 1}) {
                byte[] message = randomBits(length, z + length);
                byte[] word = code.encode(message);
                assertEquals(0, code.failedChecks(word), matrix + " Z=" + z + ": H·c = 0");
                for (int i = 0; i < length; i++) assertEquals(message[i], word[i], "systematic");
                for (int i = length; i < code.k; i++) assertEquals(0, word[i], "shortened bits are zero");
                // A word with any one bit flipped is not a codeword: every column of H has a 1.
                for (int bit : new int[] {0, code.k - 1, code.k, code.n - 1}) {
                    word[bit] ^= 1;
                    assertTrue(code.failedChecks(word) > 0, matrix + " Z=" + z + ": bit " + bit + " flipped");
                    word[bit] ^= 1;
                }
            }
        }
    }

    @Test
    void the_shortest_802_11n_length_that_sends_fewest_bits_is_chosen() {
        LdpcPayloadCode half = new LdpcPayloadCode(LdpcMatrix.RATE_1_2);
        // 201 bytes and a CRC-32: two 1944-bit codewords (Z = 81) shortened to 820 message bits each.
        assertEquals(81, half.plan(1640).code().z);
        assertEquals(2, half.plan(1640).codewords());
        assertEquals(1640 + 2 * 972, half.codedBits(1640));
        // Five bytes: one 648-bit codeword (Z = 27) shortened to 40 + 324.
        assertEquals(27, half.plan(40).code().z);
        assertEquals(40 + 324, half.codedBits(40));
        assertEquals(1640 + 2 * 324, new LdpcPayloadCode(LdpcMatrix.RATE_3_4).codedBits(1640));
    }

    @ParameterizedTest
    @EnumSource(LdpcMatrix.class)
    void clean_soft_bits_decode_exactly_for_every_length(LdpcMatrix matrix) {
        LdpcPayloadCode code = new LdpcPayloadCode(matrix);
        for (int length : new int[] {8, 40, 300, 1640, 8 * 1028}) {
            byte[] message = randomBits(length, length);
            byte[] coded = code.encode(message);
            assertEquals(code.codedBits(length), coded.length);
            assertArrayEquals(message, code.decode(channel(coded, 0.3, 2), length), matrix + ", " + length + " bits");
        }
    }

    /**
     * 802.11n's rate-1/2 1944-bit code corrects 80 hard errors (4.1 % of the bits, every LLR ±1)
     * spread at random; the same input without iterating is still 80 bits wrong.
     */
    @Test
    void eighty_flipped_bits_in_a_1944_bit_codeword_are_corrected_by_iterating() {
        QcLdpcCode code = new QcLdpcCode(LdpcMatrix.RATE_1_2, 81);
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            byte[] message = randomBits(code.k, 100 + trial);
            byte[] word = code.encode(message);
            float[] llr = new float[code.n];
            for (int i = 0; i < code.n; i++) llr[i] = word[i] == 0 ? 1 : -1;
            int flipped = 0;
            while (flipped < 80) {
                int i = r.nextInt(code.n);
                if (Math.signum(llr[i]) == (word[i] == 0 ? 1 : -1)) {
                    llr[i] = -llr[i];
                    flipped++;
                }
            }
            QcLdpcCode.Result decoded = code.decode(llr, code.k, LdpcPayloadCode.MAX_ITERATIONS);
            assertTrue(decoded.valid(), "trial " + trial + ": " + decoded.iterations() + " iterations");
            assertArrayEquals(word, decoded.word(), "trial " + trial);
            QcLdpcCode.Result notIterated = code.decode(llr, code.k, 0);
            assertFalse(notIterated.valid());
            assertEquals(80, differences(word, notIterated.word()));
        }
    }

    /**
     * Rate 1/2 at Eb/N0 = 2 dB (a hard decision is wrong ≈12 % of the time), 201 bytes and a CRC as
     * two shortened codewords (rate 0.46): every frame of 30 decodes. Cut to 0 iterations, no
     * frame decodes.
     */
    @Test
    void soft_noise_that_flips_a_tenth_of_the_bits_is_corrected_and_not_without_iterations() {
        PayloadCode code = new LdpcPayloadCode(LdpcMatrix.RATE_1_2);
        PayloadCode idle = new LdpcPayloadCode(LdpcMatrix.RATE_1_2, 0);
        int good = 0, goodIdle = 0, hardErrors = 0, codedBits = 0;
        for (int trial = 0; trial < 30; trial++) {
            byte[] message = randomBits(1640, 200 + trial);
            byte[] coded = code.encode(message);
            double rate = message.length / (double) coded.length;
            double sigma = Math.sqrt(1 / (2 * rate * Math.pow(10, 0.2)));
            float[] llr = channel(coded, sigma, 300 + trial);
            for (int i = 0; i < coded.length; i++) if ((llr[i] < 0 ? 1 : 0) != coded[i]) hardErrors++;
            codedBits += coded.length;
            if (differences(message, code.decode(llr, message.length)) == 0) good++;
            if (differences(message, idle.decode(llr, message.length)) == 0) goodIdle++;
        }
        assertTrue(hardErrors > codedBits / 15, "the channel flips bits: " + hardErrors + " of " + codedBits);
        assertEquals(30, good);
        assertEquals(0, goodIdle);
    }
}
