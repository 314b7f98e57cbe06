package io.wavebench.drivers.ggwave;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** The payloads every ggwave check uses: the shortest, an 18-digit payment code, the longest, every byte value. */
final class GgwavePayloads {

    private GgwavePayloads() {
    }

    static Map<String, byte[]> all() {
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        payloads.put("1 byte", new byte[] {(byte) 0xA5});
        payloads.put("18 digits", "284915736028174953".getBytes(StandardCharsets.US_ASCII));
        byte[] random = new byte[GgwaveProtocol.MAX_PAYLOAD_BYTES];
        new Random(17).nextBytes(random);
        payloads.put("140 random bytes", random);
        return payloads;
    }

    /** All 256 byte values, in as many messages as it takes (140 bytes at most each). */
    static byte[][] everyByteValue() {
        byte[] first = new byte[GgwaveProtocol.MAX_PAYLOAD_BYTES];
        byte[] second = new byte[256 - GgwaveProtocol.MAX_PAYLOAD_BYTES];
        for (int i = 0; i < 256; i++) {
            if (i < first.length) first[i] = (byte) i;
            else second[i - first.length] = (byte) i;
        }
        return new byte[][] {first, second};
    }

    /** {@code before} s of silence, the sound, {@code after} s of silence. */
    static float[] padded(float[] sound, int sampleRate, double before, double after) {
        int lead = (int) (before * sampleRate);
        float[] out = new float[lead + sound.length + (int) (after * sampleRate)];
        System.arraycopy(sound, 0, out, lead, sound.length);
        return out;
    }
}
