package io.wavebench.drivers.modem;

/**
 * The numbers behind a {@link ModemProfile} at one sample rate (DESIGN §4): the tone grid, the
 * symbol timing, the preamble and the share of Reed-Solomon parity.
 *
 * <p>Modulation is parallel multi-tone FSK with non-coherent (energy) detection, as in ggwave:
 * every symbol sends one tone in each of {@code groups} groups; a group of {@code tonesPerGroup}
 * tones carries log2 of that many bits. Tones sit on the bins of an {@code window}-sample DFT
 * (spacing {@code sampleRate / window}), so they stay orthogonal in any {@code window}-long slice
 * of a symbol: the {@code guard} samples before it absorb timing error, clock drift and the first
 * part of echoes. Group g's tone k sits on bin {@code firstBin + k * groups + g}: every group spans
 * the whole band, so a notch in a speaker's response costs a few bits of every group, which the
 * interleaved RS code repairs, instead of a whole group.
 *
 * @param window        DFT length in samples; tone spacing is {@code sampleRate / window}
 * @param guard         samples before the DFT window in each symbol
 * @param firstBin      DFT bin of the lowest tone
 * @param preambleSamples length of the chirp preamble
 * @param preambleGap   silence between chirp and first symbol
 * @param parityRatio   RS parity bytes per payload byte (at least 4 per block)
 * @param fadeSamples   raised-cosine fade at the start and end of a transmission (no clicks)
 * @param toneAmplitude amplitude of one tone; {@code groups * toneAmplitude} bounds the peak
 */
public record ModemParameters(ModemProfile profile, float sampleRate, int window, int guard, int groups,
                              int tonesPerGroup, int firstBin, int preambleSamples, int preambleGap,
                              double preambleLowHz, double preambleHighHz, double parityRatio,
                              int fadeSamples, double toneAmplitude) {

    /** Peak of a transmission, below full scale so a sound card's reconstruction filter does not clip. */
    static final double PEAK = 0.9;

    public static ModemParameters of(ModemProfile profile, float sampleRate) {
        return switch (profile) {
            // ggwave-like: 6 parallel 16-FSK groups, 12 ms DFT + 2 ms guard; 1.5–9.5 kHz at 48 kHz.
            case ROBUST -> build(profile, sampleRate, 0.012, 0.002, 6, 16, 1500, 0.0853, 0.30);
            // 16 parallel 4-FSK groups, 5 ms DFT + 1 ms guard: twice the bits per tone slot, for quiet rooms.
            case FAST -> build(profile, sampleRate, 0.005, 0.001, 16, 4, 1000, 0.042, 0.20);
            // DESIGN §4: ≈17.5–20.5 kHz; 12 parallel 4-FSK groups on a 62.5 Hz grid at 48 kHz.
            case ULTRASONIC -> build(profile, sampleRate, 0.016, 0.004, 12, 4, 17500, 0.0853, 0.30);
        };
    }

    private static ModemParameters build(ModemProfile profile, float sampleRate, double windowSeconds,
                                         double guardSeconds, int groups, int tonesPerGroup, double lowHz,
                                         double preambleSeconds, double parityRatio) {
        if (!(sampleRate >= 8000 && sampleRate <= 384_000)) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 8000..384000 Hz");
        }
        int window = (int) Math.round(sampleRate * windowSeconds);
        int guard = (int) Math.round(sampleRate * guardSeconds);
        double spacing = sampleRate / window;
        int firstBin = (int) Math.ceil(lowHz / spacing - 1e-9);
        int tones = groups * tonesPerGroup;
        double highHz = (firstBin + tones - 1) * spacing;
        // Keep the top tone clear of the anti-aliasing filters that roll off near Nyquist.
        if (highHz > 0.47 * sampleRate) {
            throw new UnsupportedOperationException("modem profile " + profile.cliName() + " needs tones up to "
                    + Math.round(highHz) + " Hz, which a " + Math.round(sampleRate)
                    + " Hz sample rate cannot carry (needs at least " + Math.round(highHz / 0.47) + " Hz)");
        }
        int preamble = (int) Math.round(sampleRate * preambleSeconds);
        double lowEdge = firstBin * spacing - spacing / 2;
        double highEdge = highHz + spacing / 2;
        int fade = Math.max(1, (int) Math.round(sampleRate * 0.003));
        return new ModemParameters(profile, sampleRate, window, guard, groups, tonesPerGroup, firstBin,
                preamble, guard, lowEdge, highEdge, parityRatio, fade, PEAK / groups);
    }

    public int symbolSamples() {
        return guard + window;
    }

    public int bitsPerGroup() {
        return Integer.numberOfTrailingZeros(tonesPerGroup);
    }

    public int bitsPerSymbol() {
        return groups * bitsPerGroup();
    }

    /** DFT bin of group {@code group}'s tone {@code tone}. */
    public int bin(int group, int tone) {
        return firstBin + tone * groups + group;
    }

    public double toneHz(int group, int tone) {
        return bin(group, tone) * (double) sampleRate / window;
    }

    /** RMS of the data part of a transmission: {@code groups} tones, each of {@link #toneAmplitude}. */
    public double nominalRms() {
        return toneAmplitude * Math.sqrt(groups / 2.0);
    }

    /** Chirp amplitude chosen so the preamble has the same RMS as the data (one reference level). */
    public double preambleAmplitude() {
        return Math.min(PEAK, nominalRms() * Math.sqrt(2));
    }

    public int symbolsFor(int bytes) {
        return (bytes * 8 + bitsPerSymbol() - 1) / bitsPerSymbol();
    }
}
