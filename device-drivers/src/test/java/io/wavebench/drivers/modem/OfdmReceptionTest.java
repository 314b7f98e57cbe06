package io.wavebench.drivers.modem;

import io.wavebench.drivers.channel.ChannelModel;
import io.wavebench.drivers.channel.NoiseKind;
import io.wavebench.drivers.channel.ReferenceChannel;
import io.wavebench.drivers.dsp.FractionalResampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the OFDM design promises beyond a plain round trip: other rates, echo, and no wrong frame ever. */
class OfdmReceptionTest {

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

    private static List<ReceivedFrame> receiveAll(AcousticModem modem, float[] heard) {
        List<ReceivedFrame> frames = new ArrayList<>();
        modem.newReceiver(frames::add).accept(heard, 0, heard.length);
        return frames;
    }

    static Stream<Arguments> rates() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (ModemProfile profile : ModemProfile.values()) {
            b.add(Arguments.of(profile, 48_000f, 44_100f));
            b.add(Arguments.of(profile, 44_100f, 48_000f));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}: made at {1} Hz, heard at {2} Hz")
    @MethodSource("rates")
    void a_frame_made_at_one_rate_decodes_at_the_other(ModemProfile profile, float txRate, float rxRate) {
        // 50 Hz carriers are the same tones at 48 and 44.1 kHz: the phone and the reader need not agree.
        AcousticModem tx = AcousticModem.of(profile, txRate);
        AcousticModem rx = AcousticModem.of(profile, rxRate);
        byte[] payload = LoopbackTrial.payload(201, 31);
        float[] played = concat(new float[(int) (0.3 * txRate)], tx.modulate(payload), new float[(int) (0.2 * txRate)]);
        float[] heard = FractionalResampler.resample(played, txRate, rxRate);
        LoopbackTrial trial = new LoopbackTrial(rx, 32);
        trial.ppm = -200;
        heard = trial.channel().process(heard, 0, heard.length);
        List<ReceivedFrame> frames = receiveAll(rx, heard);
        assertEquals(1, frames.size());
        assertArrayEquals(payload, frames.get(0).payload());
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void the_reference_channel_at_a_comfortable_snr_decodes(ModemProfile profile) {
        // DESIGN §6's channel (phone speaker, RT60 0.3 s, reader mic, ±200 ppm) with babble 5 dB
        // above each profile's target SNR.
        AcousticModem modem = AcousticModem.of(profile, 48_000);
        double snr = switch (profile) {
            case ROBUST -> 8;
            case FAST -> 20;
            case ULTRASONIC -> 15;
        };
        for (long seed = 1; seed <= 3; seed++) {
            byte[] payload = LoopbackTrial.payload(201, seed);
            ChannelModel channel = ReferenceChannel.builder(NoiseKind.BABBLE, snr, modem.nominalRms(),
                    modem.parameters().preambleLowHz(), modem.parameters().preambleHighHz(), seed)
                    .clockOffsetPpm(seed % 2 == 0 ? 200 : -200).build();
            float[] played = new LoopbackTrial(modem, seed).onAir(modem.modulate(payload));
            List<ReceivedFrame> frames = receiveAll(modem, channel.process(played, 0, played.length));
            assertEquals(1, frames.size(), channel.describe());
            assertArrayEquals(payload, frames.get(0).payload());
        }
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void a_frame_cut_short_yields_nothing_or_the_true_payload_never_another(ModemProfile profile) {
        // The code may well fill in a missing tail (the robust profile decodes 70 % of a frame);
        // what it must never do is report anything but what was sent.
        AcousticModem modem = AcousticModem.of(profile, 48_000);
        byte[] payload = LoopbackTrial.payload(201, 5);
        float[] frame = modem.modulate(payload);
        for (double kept : new double[] {0.3, 0.5, 0.7, 0.9, 0.97}) {
            float[] cut = Arrays.copyOf(frame, (int) (frame.length * kept));
            LoopbackTrial trial = new LoopbackTrial(modem, 6);
            List<ReceivedFrame> frames = trial.receive(trial.onAir(cut), 4096);
            assertTrue(frames.size() <= 1, "kept " + kept);
            for (ReceivedFrame f : frames) assertArrayEquals(payload, f.payload(), "kept " + kept);
            if (kept <= 0.3) assertEquals(List.of(), frames, "kept " + kept);
        }
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void a_corrupted_header_yields_nothing(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, 48_000);
        ModemParameters p = modem.parameters();
        float[] frame = modem.modulate(LoopbackTrial.payload(201, 7));
        // Overwrite the header's symbols with another frame's payload symbols.
        float[] other = modem.modulate(LoopbackTrial.payload(201, 8));
        int from = p.preambleSamples() + p.symbolSamples();
        int length = FrameLayout.headerSymbols(new CarrierPlan(p)) * p.symbolSamples();
        System.arraycopy(other, other.length - length - p.symbolSamples(), frame, from, length);
        LoopbackTrial trial = new LoopbackTrial(modem, 9);
        assertEquals(List.of(), trial.receive(trial.onAir(frame), 4096));
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void two_phones_sounding_at_once_never_yield_a_wrong_payload(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, 48_000);
        byte[] a = LoopbackTrial.payload(201, 10);
        byte[] b = LoopbackTrial.payload(201, 11);
        float[] fa = modem.modulate(a);
        float[] fb = modem.modulate(b);
        for (double lag : new double[] {0.0, 0.013, 0.1, 0.4}) {
            for (double level : new double[] {1.0, 0.5, 0.1}) {
                int offset = (int) (lag * 48_000) + 4800;
                float[] mix = new float[offset + fb.length + 9600];
                for (int i = 0; i < fa.length; i++) mix[4800 + i] += fa[i];
                for (int i = 0; i < fb.length; i++) mix[offset + i] += (float) (level * fb[i]);
                for (ReceivedFrame f : receiveAll(modem, mix)) {
                    assertTrue(Arrays.equals(a, f.payload()) || Arrays.equals(b, f.payload()),
                            "lag " + lag + " s, level " + level + ": a payload neither phone sent");
                }
            }
        }
    }
}
