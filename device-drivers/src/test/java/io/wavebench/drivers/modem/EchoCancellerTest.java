package io.wavebench.drivers.modem;

import io.wavebench.drivers.dsp.FractionalResampler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Echo longer than the cyclic prefix (DESIGN §4: echoes), taken out by {@link FrameEqualizer} and
 * {@link EchoCanceller}. Each case here failed with the canceller's rounds set to 0 when it was
 * written, before the equalizer; since the equalizer runs first, each decodes without the
 * canceller's rounds too (checked), and fails with neither. What only the canceller still adds is
 * measured by EchoBench (fast at DRR 0 dB, 10 dB SNR: 10 of 30 frames with it, 4 without).
 */
class EchoCancellerTest {

    /**
     * {@code played} heard directly and again after each of {@code delaysSeconds}, every echo as
     * loud as the direct sound (hard walls), then through a sample clock {@code ppm} fast; no noise.
     */
    static float[] withEchoes(float[] played, float rate, double ppm, double... delaysSeconds) {
        return withEchoes(played, rate, ppm, 1, delaysSeconds);
    }

    /** As {@link #withEchoes(float[], float, double, double...)} with each echo {@code echoGain} times the direct sound's amplitude. */
    static float[] withEchoes(float[] played, float rate, double ppm, double echoGain, double... delaysSeconds) {
        int longest = (int) Math.round(delaysSeconds[delaysSeconds.length - 1] * rate);
        float[] heard = new float[played.length + longest];
        float gain = (float) (1 / (1 + echoGain * delaysSeconds.length));
        for (int i = 0; i < played.length; i++) heard[i] += gain * played[i];
        for (double seconds : delaysSeconds) {
            int delay = (int) Math.round(seconds * rate);
            for (int i = 0; i < played.length; i++) heard[i + delay] += (float) (echoGain * gain * played[i]);
        }
        return FractionalResampler.resample(heard, 1 + ppm * 1e-6, 1);
    }

    /**
     * A frame of {@code profile} in frame {@code version} after 0.25 s of silence, through
     * {@code delaysSeconds} of echo each {@code echoGain} times the direct sound, at +150 ppm:
     * what the receiver made of it.
     */
    private static void decodes(ModemProfile profile, int version, double echoGain, double... delaysSeconds) {
        AcousticModem modem = AcousticModem.of(profile, 48_000);
        byte[] payload = LoopbackTrial.payload(201, 15);
        float[] sound = modem.modulate(payload, version);
        float[] played = new float[sound.length + 24_000];
        System.arraycopy(sound, 0, played, 12_000, sound.length);
        float[] heard = withEchoes(played, 48_000, 150, echoGain, delaysSeconds);
        List<ReceivedFrame> frames = new ArrayList<>();
        modem.newReceiver(frames::add).accept(heard, 0, heard.length);
        assertEquals(1, frames.size());
        assertArrayEquals(payload, frames.get(0).payload());
    }

    @Test
    void fast_decodes_through_an_echo_at_15_ms_as_loud_as_the_direct_sound() {
        // 15 ms is 8 ms past the 6.7 ms prefix: 40 % of each window is the previous symbol, and
        // fast's rate-3/4 LDPC code does not decode through that without the canceller.
        decodes(ModemProfile.FAST, FrameHeader.VERSION, 1, 0.015);
    }

    @Test
    void ultrasonic_decodes_through_echoes_at_15_and_40_ms_each_as_loud_as_the_direct_sound() {
        // Its rate-1/2 code over 40 symbols carries the single echo without the canceller; a
        // second one, a whole symbol and more late, it does not.
        decodes(ModemProfile.ULTRASONIC, FrameHeader.VERSION, 1, 0.015, 0.040);
    }

    @Test
    void robust_decodes_through_echoes_at_15_and_40_ms_each_3_dB_below_the_direct_sound() {
        // Version 3's robust frame is 15 symbols under a rate-1/2 LDPC code (version 2's was 26
        // under rate 1/3 and Reed-Solomon): with both echoes as loud as the direct sound over a
        // quarter of its soft bits start wrong and the canceller's rounds do not bring it back (0 of 4
        // payloads); with each echo at half the direct sound's power it decodes only with the
        // canceller (4 of 4 payloads with it, 0 without).
        decodes(ModemProfile.ROBUST, FrameHeader.VERSION, Math.sqrt(0.5), 0.015, 0.040);
    }

    @Test
    void a_version_2_frame_still_decodes_through_an_echo_at_15_ms_as_loud_as_the_direct_sound() {
        // Older phones send convolutional frames; the canceller cancels their Viterbi decision.
        decodes(ModemProfile.FAST, FrameHeader.CONVOLUTIONAL_VERSION, 1, 0.015);
    }
}
