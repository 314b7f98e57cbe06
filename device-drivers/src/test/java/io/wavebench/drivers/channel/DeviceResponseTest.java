package io.wavebench.drivers.channel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceResponseTest {

    private static final int RATE = 48_000;

    private static double throughDb(DeviceResponse response, double hz) {
        float[] in = Spectra.tone(hz, 0.1, RATE, RATE);
        float[] out = ChannelModel.builder().speaker(response).build().process(in, 0, in.length);
        return 20 * Math.log10(Spectra.rms(out, RATE / 2, RATE) / 0.1);
    }

    @Test
    void phone_speaker_attenuates_200_hz_against_2_khz_by_the_designed_amount() {
        double designed = DeviceResponse.PHONE_SPEAKER.gainDb(2000, RATE) - DeviceResponse.PHONE_SPEAKER.gainDb(200, RATE);
        double measured = throughDb(DeviceResponse.PHONE_SPEAKER, 2000) - throughDb(DeviceResponse.PHONE_SPEAKER, 200);
        assertEquals(designed, measured, 0.2);
        assertTrue(designed >= 20, "a phone speaker is weak at 200 Hz: " + designed + " dB down");
    }

    @Test
    void phone_speaker_rolls_off_above_11_khz_with_a_few_db_of_ripple_in_between() {
        DeviceResponse s = DeviceResponse.PHONE_SPEAKER;
        assertTrue(s.gainDb(16_000, RATE) < s.gainDb(8000, RATE) - 6);
        double min = 99, max = -99;
        for (double hz = 1000; hz <= 8000; hz += 50) {
            min = Math.min(min, s.gainDb(hz, RATE));
            max = Math.max(max, s.gainDb(hz, RATE));
        }
        assertTrue(max - min >= 3 && max - min <= 9, "ripple " + (max - min) + " dB");
    }

    @Test
    void reader_mic_is_flat_in_the_voice_and_modem_bands_and_rolls_off_gently() {
        DeviceResponse m = DeviceResponse.READER_MIC;
        for (double hz = 300; hz <= 9500; hz += 100) assertEquals(0, m.gainDb(hz, RATE), 1.5, "at " + hz + " Hz");
        assertTrue(m.gainDb(19_000, RATE) < -2 && m.gainDb(19_000, RATE) > -12, "gentle roll-off: " + m.gainDb(19_000, RATE));
        assertEquals(0, DeviceResponse.FLAT.gainDb(200, RATE), 1e-12);
    }
}
