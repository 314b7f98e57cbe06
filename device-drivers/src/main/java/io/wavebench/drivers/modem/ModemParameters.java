package io.wavebench.drivers.modem;

/**
 * The numbers behind a {@link ModemProfile} at one sample rate (DESIGN §4).
 *
 * <p>Modulation is coherent OFDM: QPSK on carriers spaced {@value #CARRIER_SPACING_HZ} Hz apart,
 * so a symbol's DFT is {@code sampleRate / 50} samples long — 960 at 48 kHz, 882 at 44.1 kHz —
 * and carrier k is at exactly {@code 50·k} Hz whatever the rate. A phone that plays at 48 kHz is
 * therefore heard by a reader that captures at 44.1 kHz on the same carriers; every duration here
 * is set in seconds, not samples, for the same reason.
 *
 * <p>A symbol is a cyclic prefix of {@code cyclicPrefix} samples (≈6.7 ms: echoes shorter than
 * that only change each carrier's gain and phase, which the training symbol measures) and the
 * {@code dftSize}-sample body. The receiver's DFT window starts {@code windowAdvance} samples
 * before the body: a sample-clock offset moves later symbols either way, and the window must not
 * slide into the next symbol before drift tracking moves it. Every {@code pilotSpacing}-th carrier
 * (and the top one) is a known pilot.
 *
 * @param dftSize         samples in a symbol's body; carrier spacing is {@code sampleRate / dftSize}
 * @param cyclicPrefix    samples of cyclic prefix before each body
 * @param windowAdvance   the receiver's DFT window starts this many samples before the body
 * @param taper           raised-cosine overlap between symbols (no clicks, no splatter out of band)
 * @param firstCarrier    lowest carrier, in units of 50 Hz
 * @param lastCarrier     highest carrier, in units of 50 Hz
 * @param pilotSpacing    every this many carriers is a pilot
 * @param preambleSamples length of the chirp preamble
 * @param code            the payload's convolutional code in frame version 2 (version 3: {@link FrameLayout#codeFor})
 * @param parityRatio     Reed-Solomon parity bytes per payload byte (at least 4 per block), frame version 2
 * @param nominalRms      RMS of a transmission, the level SNR is stated against
 */
public record ModemParameters(ModemProfile profile, float sampleRate, int dftSize, int cyclicPrefix, int windowAdvance,
                              int taper, int firstCarrier, int lastCarrier, int pilotSpacing, int preambleSamples,
                              double preambleLowHz, double preambleHighHz, ConvolutionalCode code, double parityRatio,
                              double nominalRms) {

    public static final int CARRIER_SPACING_HZ = 50;
    /** Peak of a transmission, below full scale so a sound card's reconstruction filter does not clip. */
    static final double PEAK = 0.9;
    /**
     * Peak-to-RMS ratio the OFDM sum is clipped at (10.1 dB). A sum of many carriers is nearly
     * Gaussian: about 1 sample in 700 goes past 3.2 σ, and clipping those costs ≈ −35 dB of
     * distortion, far below any SNR the modem works at, for 2 dB more loudness than no clipping.
     */
    static final double CLIP_RATIO = 3.2;

    public static ModemParameters of(ModemProfile profile, float sampleRate) {
        return switch (profile) {
            // 1.5–9.5 kHz, QPSK, rate 1/4: the noisy-shop profile.
            case ROBUST -> build(profile, sampleRate, 1500, 9500, 0.060, ConvolutionalCode.RATE_1_4);
            // 1–12 kHz (the phone speaker rolls off above ≈11 kHz), rate 1/2.
            case FAST -> build(profile, sampleRate, 1000, 12_000, 0.030, ConvolutionalCode.RATE_1_2);
            // DESIGN §4: ≈17.5–20.5 kHz.
            case ULTRASONIC -> build(profile, sampleRate, 17_500, 20_400, 0.080, ConvolutionalCode.RATE_1_3);
        };
    }

    private static ModemParameters build(ModemProfile profile, float sampleRate, int lowHz, int highHz,
                                         double preambleSeconds, ConvolutionalCode code) {
        if (!(sampleRate >= 8000 && sampleRate <= 384_000) || sampleRate % CARRIER_SPACING_HZ != 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is not a multiple of "
                    + CARRIER_SPACING_HZ + " Hz within 8000..384000 Hz");
        }
        // Keep the top carrier clear of the anti-aliasing filters that roll off near Nyquist.
        if (highHz > 0.47 * sampleRate) {
            throw new UnsupportedOperationException("modem profile " + profile.cliName() + " needs carriers up to "
                    + highHz + " Hz, which a " + Math.round(sampleRate)
                    + " Hz sample rate cannot carry (needs at least " + Math.round(highHz / 0.47) + " Hz)");
        }
        int n = Math.round(sampleRate / CARRIER_SPACING_HZ);
        int cp = Math.round(n / 3f);
        int advance = (int) Math.round(sampleRate * 0.00075);
        int taper = (int) Math.round(sampleRate * 0.001);
        int first = lowHz / CARRIER_SPACING_HZ;
        int last = highHz / CARRIER_SPACING_HZ;
        int preamble = (int) Math.round(sampleRate * preambleSeconds);
        double half = CARRIER_SPACING_HZ / 2.0;
        return new ModemParameters(profile, sampleRate, n, cp, advance, taper, first, last, 8, preamble,
                lowHz - half, highHz + half, code, 0.035, PEAK / CLIP_RATIO);
    }

    public int symbolSamples() {
        return dftSize + cyclicPrefix;
    }

    public int carriers() {
        return lastCarrier - firstCarrier + 1;
    }

    /** Chirp amplitude chosen so the preamble has the same RMS as the data (one reference level). */
    public double preambleAmplitude() {
        return Math.min(PEAK, nominalRms * Math.sqrt(2));
    }
}
