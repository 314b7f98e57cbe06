package io.wavebench.drivers.channel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DESIGN §4: "SNR is defined over the profile's occupied band" — measured here independently. */
class InBandSnrTest {

    private static final int RATE = 48_000;
    private static final int N = 1 << 18; // 5.5 s

    @ParameterizedTest
    @EnumSource(value = NoiseKind.class, names = {"WHITE", "PINK", "BABBLE"})
    void measured_in_band_snr_is_the_stated_one(NoiseKind kind) {
        double ref = 0.2, gainDb = -6, low = 1500, high = 9400;
        for (double snr : new double[] {0, 10}) {
            ChannelModel channel = ChannelModel.builder().gainDb(gainDb).noise(kind)
                    .snrInBandDb(snr, ref, low, high).seed(11).build();
            float[] noise = channel.process(new float[N], 0, N);
            double signalPower = Math.pow(ref * Math.pow(10, gainDb / 20), 2);
            double measured = 10 * Math.log10(signalPower / Spectra.bandPower(noise, N, RATE, low, high));
            assertEquals(snr, measured, 0.5, channel.describe());
        }
    }

    @ParameterizedTest
    @EnumSource(value = NoiseKind.class, names = {"WHITE", "PINK", "BABBLE"})
    void the_speaker_response_counts_against_the_signal(NoiseKind kind) {
        // A flat signal in the band through the phone speaker, noise added after it: the SNR
        // compares the shaped signal with the noise, both measured in the band.
        double ref = 0.2, low = 1500, high = 9400;
        ChannelModel channel = ChannelModel.builder().speaker(DeviceResponse.PHONE_SPEAKER).noise(kind)
                .snrInBandDb(5, ref, low, high).seed(5).build();
        float[] noise = channel.process(new float[N], 0, N);
        double signalPower = ref * ref * DeviceResponse.PHONE_SPEAKER.meanPowerGain(low, high, RATE);
        double measured = 10 * Math.log10(signalPower / Spectra.bandPower(noise, N, RATE, low, high));
        assertEquals(5, measured, 0.5, channel.describe());
    }
}
