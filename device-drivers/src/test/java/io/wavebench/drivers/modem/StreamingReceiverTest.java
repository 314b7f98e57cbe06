package io.wavebench.drivers.modem;

import io.wavebench.drivers.channel.ChannelModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingReceiverTest {

    private static final float RATE = 48_000;

    private static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) n += p.length;
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static float[] silence(double seconds) {
        return new float[(int) (RATE * seconds)];
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void two_frames_back_to_back_both_decode(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, RATE);
        byte[] first = LoopbackTrial.payload(201, 11);
        byte[] second = LoopbackTrial.payload(16, 12);
        LoopbackTrial trial = new LoopbackTrial(modem, 7);
        List<ReceivedFrame> frames = trial.receive(concat(silence(0.3), modem.modulate(first), modem.modulate(second), silence(0.3)), 2048);
        assertEquals(2, frames.size());
        assertArrayEquals(first, frames.get(0).payload());
        assertArrayEquals(second, frames.get(1).payload());
        assertTrue(frames.get(0).endSample() <= frames.get(1).startSample() + 64, "frames in order, not overlapping");
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void payload_corrupted_beyond_fec_yields_nothing(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, RATE);
        ModemParameters p = modem.parameters();
        float[] frame = modem.modulate(LoopbackTrial.payload(201, 3));
        // Replace 70 % of the data symbols after the header with another frame's symbols: beyond
        // even the robust profile's LDPC code (rate 0.42 with its repeats), which corrects 40 %.
        int payloadStart = p.preambleSamples() + (1 + FrameLayout.headerSymbols(new CarrierPlan(p))) * p.symbolSamples();
        int payloadLength = frame.length - payloadStart;
        int from = payloadStart + payloadLength / 8;
        int length = (int) (payloadLength * 0.7);
        float[] garbage = modem.modulate(LoopbackTrial.payload(512, 99));
        System.arraycopy(garbage, garbage.length / 2, frame, from, length);
        LoopbackTrial trial = new LoopbackTrial(modem, 5);
        List<ReceivedFrame> frames = trial.receive(trial.onAir(frame), 4096);
        assertEquals(List.of(), frames);
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void ten_seconds_of_noise_yield_nothing(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, RATE);
        LoopbackTrial trial = new LoopbackTrial(modem, 21);
        trial.snrDb = -10; // loud noise: 10 dB above the level a frame would have
        List<ReceivedFrame> frames = trial.receive(silence(10), 8192);
        assertEquals(List.of(), frames);
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void after_a_false_trigger_the_next_real_frame_is_caught(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, RATE);
        ModemParameters p = modem.parameters();
        // A bare preamble (no header after it) — the receiver believes it, fails the header —
        // followed 50 ms later by a real frame that starts inside where that header would be.
        float[] bare = Arrays.copyOf(modem.modulate(new byte[] {1}), p.preambleSamples());
        byte[] payload = LoopbackTrial.payload(201, 8);
        float[] played = concat(silence(0.4), bare, silence(0.05), modem.modulate(payload), silence(0.3));
        List<ReceivedFrame> frames = new ArrayList<>();
        StreamingReceiver receiver = modem.newReceiver(frames::add);
        float[] heard = new LoopbackTrial(modem, 4).channel().process(played, 0, played.length);
        receiver.accept(heard, 0, heard.length);
        assertEquals(1, frames.size());
        assertArrayEquals(payload, frames.get(0).payload());
        assertTrue(receiver.falseTriggers() >= 1, "the bare preamble was a trigger");
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void after_a_truncated_frame_with_a_good_header_the_next_frame_is_caught(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, RATE);
        // The header promises 512 bytes; the sound stops after a third. The next frame's preamble,
        // inside the promised span, makes the receiver drop the cut frame at once.
        float[] cut = modem.modulate(LoopbackTrial.payload(512, 1));
        cut = Arrays.copyOf(cut, cut.length / 3);
        byte[] payload = LoopbackTrial.payload(201, 2);
        float[] played = concat(silence(0.3), cut, silence(0.1), modem.modulate(payload), silence(0.3));
        LoopbackTrial trial = new LoopbackTrial(modem, 9);
        List<ReceivedFrame> frames = trial.receive(played, 4096);
        assertEquals(1, frames.size());
        assertArrayEquals(payload, frames.get(0).payload());
    }

    @ParameterizedTest(name = "{0} ppm")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {600, -600, 200, -200})
    void long_frames_survive_clock_offsets_beyond_the_window_advance(double ppm) {
        // 512 bytes on the robust profile last ≈1.8 s: at 600 ppm the symbols drift ≈50 samples,
        // beyond the 36 samples the DFT window may slide before reaching the next symbol; the
        // demodulator measures the drift and moves its windows (DESIGN §4 asks ±200 ppm).
        AcousticModem modem = AcousticModem.of(ModemProfile.ROBUST, RATE);
        byte[] payload = LoopbackTrial.payload(512, 77);
        LoopbackTrial trial = new LoopbackTrial(modem, 77);
        trial.ppm = ppm;
        List<ReceivedFrame> frames = trial.receive(trial.onAir(modem.modulate(payload)), 4096);
        assertEquals(1, frames.size());
        assertArrayEquals(payload, frames.get(0).payload());
    }

    @Test
    void blocks_of_one_sample_work() {
        AcousticModem modem = AcousticModem.of(ModemProfile.FAST, RATE);
        byte[] payload = LoopbackTrial.payload(201, 5);
        LoopbackTrial trial = new LoopbackTrial(modem, 6);
        List<ReceivedFrame> frames = trial.receive(trial.onAir(modem.modulate(payload)), 1);
        assertEquals(1, frames.size());
        assertArrayEquals(payload, frames.get(0).payload());
    }

    @Test
    void frame_positions_count_from_the_first_sample_fed() {
        AcousticModem modem = AcousticModem.of(ModemProfile.ROBUST, RATE);
        float[] frame = modem.modulate(LoopbackTrial.payload(16, 1));
        float[] played = concat(silence(0.5), frame, silence(0.2));
        List<ReceivedFrame> frames = new ArrayList<>();
        modem.newReceiver(frames::add).accept(played, 0, played.length);
        assertEquals(1, frames.size());
        // Positions are as heard through the receiver's band filter, a few samples late.
        assertEquals(24_000, frames.get(0).startSample(), 8);
        assertEquals(24_000 + frame.length, frames.get(0).endSample(), 8);
        assertEquals(0, frames.get(0).correctedSymbols(), "clean channel");
    }

    @Test
    void a_polarity_inverted_microphone_still_decodes() {
        AcousticModem modem = AcousticModem.of(ModemProfile.ROBUST, RATE);
        byte[] payload = LoopbackTrial.payload(201, 3);
        float[] played = concat(silence(0.3), modem.modulate(payload), silence(0.2));
        for (int i = 0; i < played.length; i++) played[i] = -played[i];
        List<ReceivedFrame> frames = new ArrayList<>();
        modem.newReceiver(frames::add).accept(played, 0, played.length);
        assertEquals(1, frames.size());
        assertArrayEquals(payload, frames.get(0).payload());
    }

    @Test
    void reset_forgets_a_half_heard_frame_and_restarts_sample_numbers() {
        AcousticModem modem = AcousticModem.of(ModemProfile.FAST, RATE);
        byte[] payload = LoopbackTrial.payload(201, 4);
        float[] frame = modem.modulate(payload);
        List<ReceivedFrame> frames = new ArrayList<>();
        StreamingReceiver receiver = modem.newReceiver(frames::add);
        receiver.accept(frame, 0, frame.length / 2);
        receiver.reset();
        assertEquals(0, receiver.samplesFed());
        float[] played = concat(silence(0.1), frame, silence(0.1));
        receiver.accept(played, 0, played.length);
        assertEquals(1, frames.size());
        assertEquals(4_800, frames.get(0).startSample(), 8);
    }

    @Test
    void a_listener_that_throws_leaves_the_receiver_listening() {
        AcousticModem modem = AcousticModem.of(ModemProfile.FAST, RATE);
        float[] frame = modem.modulate(LoopbackTrial.payload(16, 4));
        List<ReceivedFrame> frames = new ArrayList<>();
        StreamingReceiver receiver = modem.newReceiver(f -> {
            frames.add(f);
            if (frames.size() == 1) throw new IllegalStateException("listener failed");
        });
        float[] played = concat(silence(0.1), frame, silence(0.1), frame, silence(0.1));
        try {
            receiver.accept(played, 0, played.length);
        } catch (IllegalStateException expected) {
            // everything was fed; the next call, even an empty one, carries on
            receiver.accept(played, 0, 0);
        }
        assertEquals(2, frames.size());
    }

    @Test
    void a_receiver_only_hears_its_own_profile() {
        AcousticModem fast = AcousticModem.of(ModemProfile.FAST, RATE);
        AcousticModem robust = AcousticModem.of(ModemProfile.ROBUST, RATE);
        float[] played = concat(silence(0.2), fast.modulate(LoopbackTrial.payload(201, 1)), silence(0.2));
        List<ReceivedFrame> frames = new ArrayList<>();
        robust.newReceiver(frames::add).accept(played, 0, played.length);
        assertEquals(List.of(), frames);
    }

    @Test
    void seconds_long_blocks_and_long_streams_keep_memory_bounded() {
        AcousticModem modem = AcousticModem.of(ModemProfile.ULTRASONIC, RATE);
        byte[] payload = LoopbackTrial.payload(201, 2);
        float[] frame = modem.modulate(payload);
        SplittableRandom r = new SplittableRandom(3);
        float[] noise = new float[(int) (RATE * 20)];
        for (int i = 0; i < noise.length; i++) noise[i] = (float) (0.01 * r.nextGaussian());
        List<ReceivedFrame> frames = new ArrayList<>();
        StreamingReceiver receiver = modem.newReceiver(frames::add);
        receiver.accept(noise, 0, noise.length); // 20 s in one block: longer than the ring
        float[] tail = concat(frame, silence(0.1));
        receiver.accept(tail, 0, tail.length);
        assertEquals(1, frames.size());
        assertEquals(noise.length, frames.get(0).startSample(), 8);
    }
}
