package io.wavebench.drivers.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AcousticModemTest {

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void transmission_stays_below_full_scale_and_fades_in_and_out(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, 48_000);
        float[] frame = modem.modulate(LoopbackTrial.payload(512, 1));
        float peak = 0;
        double energy = 0;
        for (float v : frame) {
            peak = Math.max(peak, Math.abs(v));
            energy += v * v;
        }
        assertTrue(peak <= 0.9f, "peak " + peak);
        assertTrue(Math.abs(frame[0]) < 0.01 && Math.abs(frame[frame.length - 1]) < 0.01, "fades");
        assertEquals(modem.nominalRms(), Math.sqrt(energy / frame.length), modem.nominalRms() * 0.05);
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void airtime_is_the_length_of_the_frame(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, 48_000);
        for (int size : new int[] {1, 201, 1024}) {
            assertEquals(modem.modulate(new byte[size]).length / 48_000.0, modem.airtimeSeconds(size), 1e-9);
        }
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void a_201_byte_token_fits_the_airtime_of_design_section_6(ModemProfile profile) {
        // Frame version 3's targets (ModemCapacityBench measures the SNR each decodes at).
        double limit = switch (profile) {
            case ROBUST -> 0.5;
            case FAST -> 0.25;
            case ULTRASONIC -> 1.2;
        };
        for (float rate : new float[] {48_000, 44_100}) {
            assertTrue(AcousticModem.of(profile, rate).airtimeSeconds(201) <= limit, profile + " at " + rate + " Hz");
        }
    }

    @Test
    void payload_sizes_outside_the_frame_are_refused() {
        AcousticModem modem = AcousticModem.of(ModemProfile.ROBUST, 48_000);
        assertThrows(IllegalArgumentException.class, () -> modem.modulate(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> modem.modulate(new byte[AcousticModem.maxPayloadBytes() + 1]));
    }

    @Test
    void ultrasonic_needs_a_high_sample_rate_and_says_so() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> AcousticModem.of(ModemProfile.ULTRASONIC, 32_000));
        assertTrue(e.getMessage().contains("ultrasonic"), e.getMessage());
        AcousticModem.of(ModemProfile.ULTRASONIC, 44_100);
    }

    @ParameterizedTest
    @EnumSource(ModemProfile.class)
    void works_at_44100_hz(ModemProfile profile) {
        AcousticModem modem = AcousticModem.of(profile, 44_100);
        byte[] payload = LoopbackTrial.payload(201, 1);
        LoopbackTrial trial = new LoopbackTrial(modem, 3);
        var frames = trial.receive(trial.onAir(modem.modulate(payload)), 4096);
        assertEquals(1, frames.size());
        Assertions.assertArrayEquals(payload, frames.get(0).payload());
    }
}
