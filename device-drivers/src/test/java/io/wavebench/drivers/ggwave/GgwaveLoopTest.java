package io.wavebench.drivers.ggwave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wavebench.drivers.channel.ChannelModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our transmitter into our receiver, no Node needed: every protocol with its payloads ({@link GgwavePayloads#forProtocol}), both rates. */
class GgwaveLoopTest {

    @ParameterizedTest
    @EnumSource(GgwaveProtocol.class)
    void every_payload_comes_back_at_both_rates(GgwaveProtocol protocol) {
        for (int rate : new int[] {48_000, 44_100}) {
            for (byte[] payload : GgwavePayloads.forProtocol(protocol)) {
                float[] capture = GgwavePayloads.padded(new GgwaveTransmitter(protocol, rate, 25).modulate(payload), rate, 0.7, 0.5);
                List<GgwaveMessage> heard = new ArrayList<>();
                GgwaveReceiver receiver = new GgwaveReceiver(rate, heard::add);
                for (int at = 0; at < capture.length; at += 777) receiver.accept(capture, at, Math.min(777, capture.length - at));
                receiver.flush();
                String what = protocol + " at " + rate + " Hz, " + payload.length + " bytes";
                assertEquals(1, heard.size(), what + ": messages heard");
                assertArrayEquals(payload, heard.get(0).payload(), what);
                assertEquals(protocol, heard.get(0).protocol(), what);
                assertEquals(0.7 * rate, heard.get(0).startSample(), 0.05 * rate, what + ": start");
            }
        }
    }

    /**
     * The longest message (140 bytes, ggwave's normal speed: ≈ 12.8 s) from a sender whose clock is
     * 300 ppm fast or slow — 3.8 ms, a fifth of a frame, by the end marker — comes back whole with
     * nothing to correct. This does not show the receiver's clock stretch at work: with the stretch
     * held at 1 it passes too (a fifth of a frame barely moves a 9-frame chunk's coherent sum); it
     * shows that the end marker is found where the offset puts it and the message is not lost.
     */
    @Test
    void the_longest_message_comes_back_from_a_sender_whose_clock_is_300_ppm_off() {
        byte[] payload = new byte[GgwaveProtocol.MAX_PAYLOAD_BYTES];
        new Random(140).nextBytes(payload);
        int rate = 48_000;
        float[] sound = GgwavePayloads.padded(new GgwaveTransmitter(GgwaveProtocol.AUDIBLE_NORMAL, rate, 25).modulate(payload), rate, 0.5, 0.5);
        for (double ppm : new double[] {300, -300}) {
            ChannelModel clock = ChannelModel.builder().noNoise().noRoom().clockOffsetPpm(ppm).sampleRate(rate).seed(1).build();
            float[] heard = clock.process(sound, 0, sound.length);
            List<GgwaveMessage> messages = new ArrayList<>();
            GgwaveReceiver receiver = new GgwaveReceiver(rate, messages::add);
            receiver.accept(heard);
            receiver.flush();
            assertEquals(1, messages.size(), ppm + " ppm: messages heard");
            assertArrayEquals(payload, messages.get(0).payload(), ppm + " ppm");
            assertEquals(0, messages.get(0).correctedBytes(), ppm + " ppm: no byte needed correcting");
        }
    }

    /** A receiver given some protocols hears those and nothing of the others, though they share its markers. */
    @Test
    void a_receiver_for_some_protocols_hears_only_those() {
        int rate = 48_000;
        byte[] code = GgwavePayloads.all().get("18 digits");
        List<GgwaveProtocol> sent = List.of(GgwaveProtocol.AUDIBLE_FASTEST, GgwaveProtocol.AUDIBLE_FAST, GgwaveProtocol.ULTRASOUND_FASTEST,
                GgwaveProtocol.DT_FAST, GgwaveProtocol.AUDIBLE_NORMAL);
        List<float[]> parts = new ArrayList<>();
        for (GgwaveProtocol p : sent) parts.add(GgwavePayloads.padded(new GgwaveTransmitter(p, rate, 25).modulate(code), rate, 0.5, 0.3));
        float[] capture = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, capture, at, part.length);
            at += part.length;
        }
        List<GgwaveMessage> heard = new ArrayList<>();
        GgwaveReceiver receiver = new GgwaveReceiver(rate, EnumSet.of(GgwaveProtocol.AUDIBLE_FAST, GgwaveProtocol.ULTRASOUND_FASTEST), heard::add);
        receiver.accept(capture);
        receiver.flush();
        assertEquals(List.of(GgwaveProtocol.AUDIBLE_FAST, GgwaveProtocol.ULTRASOUND_FASTEST), heard.stream().map(GgwaveMessage::protocol).toList());
        for (GgwaveMessage m : heard) assertArrayEquals(code, m.payload(), m.protocol().toString());
    }
}
