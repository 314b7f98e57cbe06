package io.wavebench.drivers.ggwave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ggwave's byte stream pinned by known answers that ggwave's own encoder produced (see
 * src/test/resources/ggwave/README.md), and its Reed-Solomon correcting what it should and no more.
 */
class GgwaveCodeTest {

    static List<String[]> knownAnswers() throws IOException {
        try (InputStream in = GgwaveCodeTest.class.getResourceAsStream("/ggwave/reed-solomon-known-answers.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.trim().split("\\s+")).toList();
        }
    }

    @Test
    void our_stream_is_ggwaves_for_every_known_answer() throws IOException {
        List<String[]> answers = knownAnswers();
        assertEquals(10, answers.size());
        for (String[] answer : answers) {
            byte[] payload = HexFormat.of().parseHex(answer[0]);
            assertEquals(answer[1], HexFormat.of().formatHex(GgwaveCode.encode(payload)), "stream for " + payload.length + " bytes");
        }
    }

    @Test
    void the_known_answers_decode_back_to_their_payloads() throws IOException {
        for (String[] answer : knownAnswers()) {
            byte[] stream = HexFormat.of().parseHex(answer[1]);
            byte[] payload = HexFormat.of().parseHex(answer[0]);
            assertEquals(Optional.of(payload.length), GgwaveCode.decodeLength(stream));
            assertArrayEquals(payload, GgwaveCode.decodePayload(stream, payload.length).orElseThrow().payload());
        }
    }

    @Test
    void corrects_up_to_half_its_check_bytes_and_refuses_beyond() throws IOException {
        Random random = new Random(3);
        for (String[] answer : knownAnswers()) {
            byte[] payload = HexFormat.of().parseHex(answer[0]);
            int ecc = GgwaveProtocol.eccBytesFor(payload.length);
            byte[] stream = HexFormat.of().parseHex(answer[1]);
            // One wrong byte in the length block is corrected.
            byte[] lengthHit = stream.clone();
            lengthHit[random.nextInt(3)] ^= (byte) (1 + random.nextInt(255));
            assertEquals(Optional.of(payload.length), GgwaveCode.decodeLength(lengthHit));
            // ecc/2 wrong payload bytes are corrected, and counted.
            byte[] hit = stream.clone();
            int[] positions = random.ints(3, stream.length).distinct().limit(ecc / 2).toArray();
            for (int p : positions) hit[p] ^= (byte) (1 + random.nextInt(255));
            GgwaveCode.Decoded decoded = GgwaveCode.decodePayload(hit, payload.length).orElseThrow();
            assertArrayEquals(payload, decoded.payload());
            assertEquals(positions.length, decoded.correctedBytes());
            // Wiping every byte is never read back as the payload.
            byte[] wiped = stream.clone();
            for (int p = 3; p < wiped.length; p++) wiped[p] ^= (byte) 0x5A;
            Optional<GgwaveCode.Decoded> none = GgwaveCode.decodePayload(wiped, payload.length);
            assertTrue(none.isEmpty() || !Arrays.equals(payload, none.get().payload()));
        }
    }

    @Test
    void the_ecc_rule_is_ggwaves() {
        assertEquals(2, GgwaveProtocol.eccBytesFor(1));
        assertEquals(2, GgwaveProtocol.eccBytesFor(3));
        assertEquals(4, GgwaveProtocol.eccBytesFor(4));
        assertEquals(4, GgwaveProtocol.eccBytesFor(10));
        assertEquals(6, GgwaveProtocol.eccBytesFor(18));
        assertEquals(56, GgwaveProtocol.eccBytesFor(140));
    }
}
