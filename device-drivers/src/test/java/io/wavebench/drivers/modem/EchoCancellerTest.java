package io.wavebench.drivers.modem;

import io.wavebench.drivers.dsp.FractionalResampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Echo longer than the cyclic prefix (DESIGN §4: echoes), taken out by {@link EchoCanceller}. Each
 * case here fails with the canceller's rounds set to 0 (checked when it was written).
 */
class EchoCancellerTest {

    /**
     * {@code played} heard directly and again after each of {@code delaysSeconds}, every echo as
     * loud as the direct sound (hard walls), then through a sample clock {@code ppm} fast; no noise.
     */
    static float[] withEchoes(float[] played, float rate, double ppm, double... delaysSeconds) {
        int longest = (int) Math.round(delaysSeconds[delaysSeconds.length - 1] * rate);
        float[] heard = new float[played.length + longest];
        float gain = 1f / (1 + delaysSeconds.length);
        for (int i = 0; i < played.length; i++) heard[i] += gain * played[i];
        for (double seconds : delaysSeconds) {
            int delay = (int) Math.round(seconds * rate);
            for (int i = 0; i < played.length; i++) heard[i + delay] += gain * played[i];
        }
        return FractionalResampler.resample(heard, 1 + ppm * 1e-6, 1);
    }

    /** A frame of {@code profile} after 0.25 s of silence, through {@code delaysSeconds} of echo at +150 ppm: what the receiver made of it. */
    private static void decodes(ModemProfile profile, double... delaysSeconds) {
        AcousticModem modem = AcousticModem.of(profile, 48_000);
        byte[] payload = LoopbackTrial.payload(201, 15);
        float[] sound = modem.modulate(payload);
        float[] played = new float[sound.length + 24_000];
        System.arraycopy(sound, 0, played, 12_000, sound.length);
        float[] heard = withEchoes(played, 48_000, 150, delaysSeconds);
        List<ReceivedFrame> frames = new ArrayList<>();
        modem.newReceiver(frames::add).accept(heard, 0, heard.length);
        assertEquals(1, frames.size());
        assertArrayEquals(payload, frames.get(0).payload());
    }

    @Test
    void fast_decodes_through_an_echo_at_15_ms_as_loud_as_the_direct_sound() {
        // 15 ms is 8 ms past the 6.7 ms prefix: 40 % of each window is the previous symbol, and
        // fast's rate-1/2 code does not decode through that without the canceller.
        decodes(ModemProfile.FAST, 0.015);
    }

    @ParameterizedTest
    @EnumSource(value = ModemProfile.class, names = {"ROBUST", "ULTRASONIC"})
    void the_stronger_codes_decode_through_echoes_at_15_and_40_ms_each_as_loud_as_the_direct_sound(ModemProfile profile) {
        // Their lower code rates carry the single echo without the canceller; a second one, a
        // whole symbol and more late, they do not.
        decodes(profile, 0.015, 0.040);
    }
}
