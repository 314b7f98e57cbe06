package io.wavebench.drivers.channel;

/**
 * The benchmark's reference channel (DESIGN §4): a phone speaker into a reader's MEMS mic in a
 * room with RT60 0.3 s, the phone's clock 200 ppm fast, and noise at a stated SNR over the
 * profile's occupied band. One definition, so every result quoted "through the reference channel"
 * means the same air.
 *
 * <p>Direct-to-reverberant ratio +10 dB: a phone held ≈25 cm from the reader in a small shop
 * (≈30 m³, RT60 0.3 s, speaker facing the reader) is about a third of the critical distance
 * (0.057·√(2·V/RT60) ≈ 0.8 m) from it, and DRR = 20·log10(0.8 / 0.25) ≈ +10 dB. At DRR 0 dB
 * (the reader at the critical distance) the OFDM modem's robust profile still decodes at 10 dB,
 * the fast one not even at 30 dB (echo past the cyclic prefix; see the README).
 */
public final class ReferenceChannel {

    public static final double RT60_SECONDS = 0.3;
    public static final double DIRECT_TO_REVERBERANT_DB = 10;
    public static final double CLOCK_OFFSET_PPM = 200;

    private ReferenceChannel() {
    }

    /**
     * The reference channel settings; call {@code build()} (or change a setting first).
     *
     * @param noise        {@link NoiseKind#BABBLE} or {@link NoiseKind#WHITE} in the benchmark
     * @param referenceRms the played signal's RMS (a modem's {@code nominalRms()})
     */
    public static ChannelModel.Builder builder(NoiseKind noise, double snrDb, double referenceRms,
                                               double bandLowHz, double bandHighHz, long seed) {
        return ChannelModel.builder()
                .speaker(DeviceResponse.PHONE_SPEAKER)
                .roomRt60(RT60_SECONDS, DIRECT_TO_REVERBERANT_DB)
                .microphone(DeviceResponse.READER_MIC)
                .noise(noise)
                .snrInBandDb(snrDb, referenceRms, bandLowHz, bandHighHz)
                .clockOffsetPpm(CLOCK_OFFSET_PPM)
                .seed(seed);
    }

    public static ChannelModel of(NoiseKind noise, double snrDb, double referenceRms,
                                  double bandLowHz, double bandHighHz, long seed) {
        return builder(noise, snrDb, referenceRms, bandLowHz, bandHighHz, seed).build();
    }
}
