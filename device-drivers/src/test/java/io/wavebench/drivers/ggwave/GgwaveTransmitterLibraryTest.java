package io.wavebench.drivers.ggwave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * wavebench's ggwave sound, heard by the ggwave library itself: every protocol with its payloads ({@link GgwavePayloads#forProtocol}),
 * at 48 and 44.1 kHz, must come out of ggwave's own receiver as the same bytes; and at 48 kHz,
 * ggwave's operating rate, the samples must be ggwave's own.
 */
class GgwaveTransmitterLibraryTest {

    @BeforeAll
    static void library() {
        GgwaveLibrary.assumeAvailable();
    }

    static Stream<Arguments> protocolsAndRates() {
        List<Arguments> cases = new ArrayList<>();
        for (GgwaveProtocol protocol : GgwaveProtocol.values()) {
            for (int rate : new int[] {48_000, 44_100}) cases.add(Arguments.of(protocol, rate));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1} Hz")
    @MethodSource("protocolsAndRates")
    void ggwave_decodes_every_payload_we_send(GgwaveProtocol protocol, int rate) throws Exception {
        GgwaveTransmitter transmitter = new GgwaveTransmitter(protocol, rate, 25);
        List<byte[]> sent = GgwavePayloads.forProtocol(protocol);
        for (byte[] payload : sent) {
            float[] capture = GgwavePayloads.padded(transmitter.modulate(payload), rate, 0.5, 0.5);
            List<byte[]> heard = GgwaveLibrary.decode(capture, rate);
            if (heard.isEmpty()) {
                // Only where ggwave's receiver cannot hear its own sound for this message either.
                float[] theirs = GgwavePayloads.padded(GgwaveLibrary.encode(protocol, payload, rate, 25), rate, 0.5, 0.5);
                assertEquals(List.of(), GgwaveLibrary.decode(theirs, rate).stream().map(HexFormat.of()::formatHex).toList(),
                        "ggwave decodes its own " + protocol + " sound at " + rate + " Hz of " + payload.length + " bytes but not ours");
                System.out.println("ggwave's receiver hears neither its own nor our " + protocol + " sound at " + rate + " Hz of " + payload.length + " bytes");
                continue;
            }
            assertEquals(List.of(HexFormat.of().formatHex(payload)), heard.stream().map(HexFormat.of()::formatHex).toList(),
                    "ggwave's receiver on our " + protocol + " sound at " + rate + " Hz of " + payload.length + " bytes");
        }
    }

    @ParameterizedTest
    @EnumSource(GgwaveProtocol.class)
    void at_48_khz_our_samples_are_ggwaves(GgwaveProtocol protocol) throws Exception {
        for (Map.Entry<String, byte[]> payload : GgwavePayloads.all().entrySet()) {
            float[] theirs = GgwaveLibrary.encode(protocol, payload.getValue(), 48_000, 25);
            float[] ours = new GgwaveTransmitter(protocol, 48_000, 25).modulate(payload.getValue());
            assertEquals(theirs.length, ours.length, protocol + ", " + payload.getKey() + ": sample count");
            double worst = 0;
            int at = -1;
            for (int i = 0; i < ours.length; i++) {
                double d = Math.abs(ours[i] - theirs[i]);
                if (d > worst) {
                    worst = d;
                    at = i;
                }
            }
            assertTrue(worst < 1e-5, protocol + ", " + payload.getKey() + ": largest difference " + worst + " at sample " + at);
        }
    }
}
