package io.wavebench.drivers.ggwave;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * What each protocol is checked with: the short messages on every protocol, and the longest
     * ones (140 random bytes, every byte value) on the fastest protocol of each family (audible,
     * ultrasound, DT). A family shares its tones, framing and code, and differs only in how many
     * frames a chunk sounds, which the short messages already cover; the long ones on the slower
     * speeds would add minutes of sound to every build for nothing the fastest does not show.
     */
    static List<byte[]> forProtocol(GgwaveProtocol protocol) {
        Map<String, byte[]> all = all();
        List<byte[]> payloads = new ArrayList<>(List.of(all.get("1 byte"), all.get("18 digits")));
        if (protocol.framesPerTx() == FASTEST_FRAMES_PER_TX) {
            payloads.add(all.get("140 random bytes"));
            payloads.addAll(List.of(everyByteValue()));
        }
        return payloads;
    }

    /** ggwave's fastest protocols sound each chunk for 3 frames. */
    private static final int FASTEST_FRAMES_PER_TX = 3;

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
