package io.wavebench.drivers.ggwave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wavebench.drivers.channel.ChannelModel;
import io.wavebench.drivers.channel.NoiseKind;
import io.wavebench.drivers.channel.ReferenceChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ggwave library's sound, heard by wavebench's receiver: every protocol with its payloads ({@link GgwavePayloads#forProtocol}), at 48
 * and 44.1 kHz, after silence and before silence, several messages in one capture, and through the
 * reference channel (DESIGN §4) at a stated in-band SNR. The receiver listens for all protocols at
 * once and is told nothing but the samples and their rate.
 */
class GgwaveReceiverLibraryTest {

    @BeforeAll
    static void library() {
        GgwaveLibrary.assumeAvailable();
    }

    static Stream<Arguments> protocolsAndRates() {
        return GgwaveTransmitterLibraryTest.protocolsAndRates();
    }

    @ParameterizedTest(name = "{0} at {1} Hz")
    @MethodSource("protocolsAndRates")
    void we_decode_every_payload_ggwave_sends(GgwaveProtocol protocol, int rate) throws Exception {
        List<byte[]> sent = GgwavePayloads.forProtocol(protocol);
        for (byte[] payload : sent) {
            float[] capture = GgwavePayloads.padded(GgwaveLibrary.encode(protocol, payload, rate, 25), rate, 1.3, 0.6);
            List<GgwaveMessage> heard = listen(capture, rate);
            String what = "our receiver on ggwave's " + protocol + " sound at " + rate + " Hz of " + payload.length + " bytes";
            assertEquals(List.of(HexFormat.of().formatHex(payload)), hex(heard), what);
            assertEquals(protocol, heard.get(0).protocol(), what);
            assertEquals(1.3 * rate, heard.get(0).startSample(), 0.02 * rate, what + ": where the start marker began");
        }
    }

    @Test
    void several_messages_in_one_capture_each_once_in_order() throws Exception {
        for (int rate : new int[] {48_000, 44_100}) {
            List<float[]> parts = new ArrayList<>();
            List<String> sent = new ArrayList<>();
            int i = 0;
            for (GgwaveProtocol protocol : List.of(GgwaveProtocol.AUDIBLE_FASTEST, GgwaveProtocol.ULTRASOUND_FAST, GgwaveProtocol.AUDIBLE_NORMAL,
                    GgwaveProtocol.DT_FASTEST, GgwaveProtocol.AUDIBLE_FASTEST)) {
                byte[] payload = ("message " + i++ + " by " + protocol).getBytes(StandardCharsets.US_ASCII);
                parts.add(GgwavePayloads.padded(GgwaveLibrary.encode(protocol, payload, rate, 25), rate, 0.3 + 0.2 * i, 0));
                sent.add(HexFormat.of().formatHex(payload));
            }
            int total = parts.stream().mapToInt(p -> p.length).sum() + rate;
            float[] capture = new float[total];
            int at = 0;
            for (float[] p : parts) {
                System.arraycopy(p, 0, capture, at, p.length);
                at += p.length;
            }
            assertEquals(sent, hex(listen(capture, rate)), "five messages back to back at " + rate + " Hz");
        }
    }

    /**
     * Through the reference channel (a phone speaker, a room with RT60 0.3 s, the reader's mic,
     * the phone's clock 200 ppm fast) with white noise at 10 dB in-band SNR over the protocol's
     * band: the 18-digit payment code by every audible and ultrasound protocol, ten trials each.
     */
    @Test
    void through_the_reference_channel_at_10_db_white_noise() throws Exception {
        byte[] code = GgwavePayloads.all().get("18 digits");
        int rate = 48_000;
        List<String> failures = new ArrayList<>();
        for (GgwaveProtocol protocol : List.of(GgwaveProtocol.AUDIBLE_NORMAL, GgwaveProtocol.AUDIBLE_FAST, GgwaveProtocol.AUDIBLE_FASTEST,
                GgwaveProtocol.ULTRASOUND_NORMAL, GgwaveProtocol.ULTRASOUND_FAST, GgwaveProtocol.ULTRASOUND_FASTEST)) {
            float[] sound = GgwaveLibrary.encode(protocol, code, rate, 25);
            int decoded = 0;
            for (int trial = 0; trial < 10; trial++) {
                float[] played = GgwavePayloads.padded(sound, rate, 0.4 + 0.05 * trial, 0.8);
                ChannelModel channel = ReferenceChannel.of(NoiseKind.WHITE, 10, rms(sound), protocol.bandLowHz(), protocol.bandHighHz(), 1000L * protocol.id() + trial);
                float[] heard = channel.process(played, 0, played.length);
                List<GgwaveMessage> messages = listen(heard, rate);
                if (hex(messages).equals(List.of(HexFormat.of().formatHex(code)))) decoded++;
                else failures.add(protocol + " trial " + trial + ": " + hex(messages));
            }
            System.out.println("reference channel, white noise 10 dB in-band: " + protocol + " " + decoded + "/10");
        }
        assertEquals(List.of(), failures, "every trial decodes the code, exactly once");
    }

    static double rms(float[] sound) {
        double sum = 0;
        int n = 0;
        for (float x : sound) {
            if (x != 0) {
                sum += x * x;
                n++;
            }
        }
        return Math.sqrt(sum / Math.max(1, n));
    }

    static List<GgwaveMessage> listen(float[] capture, int rate) {
        List<GgwaveMessage> heard = new ArrayList<>();
        GgwaveReceiver receiver = new GgwaveReceiver(rate, heard::add);
        for (int at = 0; at < capture.length; at += 1000) receiver.accept(capture, at, Math.min(1000, capture.length - at));
        receiver.flush();
        return heard;
    }

    static List<String> hex(List<GgwaveMessage> messages) {
        return messages.stream().map(m -> HexFormat.of().formatHex(m.payload())).toList();
    }
}
