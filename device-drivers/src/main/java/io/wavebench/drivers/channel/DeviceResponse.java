package io.wavebench.drivers.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * A device's frequency response as a few biquads (DESIGN §4: "device frequency responses"). Named
 * presets stand for typical hardware, not a measured unit; they are fixed (no seed) so a result
 * names the response exactly.
 */
public enum DeviceResponse {

    /** A perfect transducer. */
    FLAT("flat"),

    /**
     * A phone's small speaker: little below its ≈450 Hz resonance (4th-order high-pass, so 200 Hz
     * is ≈25 dB under 2 kHz), a 2nd-order roll-off from ≈11 kHz, and ±2–3 dB of ripple from the
     * enclosure and grille (peaks and a dip between 1.8 and 7 kHz).
     */
    PHONE_SPEAKER("phone speaker",
            spec(Biquad.Type.HIGHPASS, 450, 0.54, 0), spec(Biquad.Type.HIGHPASS, 450, 1.31, 0),
            spec(Biquad.Type.LOWPASS, 11_000, 0.6, 0),
            spec(Biquad.Type.PEAK, 1_800, 2.0, 2.5), spec(Biquad.Type.PEAK, 3_900, 2.5, -3.0),
            spec(Biquad.Type.PEAK, 6_800, 2.0, 2.0)),

    /**
     * A reader's MEMS microphone: flat through the voice and modem bands (±1 dB 300 Hz–9.5 kHz),
     * a gentle low cut at ≈80 Hz (its vent) and a gentle high-frequency roll-off, −3 dB at 15 kHz
     * and ≈−8 dB at 19 kHz. The roll-off is a broad dip centred at 19 kHz rather than a low-pass:
     * at 48 kHz a bilinear low-pass falls to a zero at Nyquist, far steeper than a capsule.
     */
    READER_MIC("reader mic",
            spec(Biquad.Type.HIGHPASS, 80, 0.5, 0), spec(Biquad.Type.PEAK, 19_000, 0.9, -8));

    private record Spec(Biquad.Type type, double hz, double q, double gainDb) {
    }

    private static Spec spec(Biquad.Type type, double hz, double q, double gainDb) {
        return new Spec(type, hz, q, gainDb);
    }

    private final String label;
    private final Spec[] specs;

    DeviceResponse(String label, Spec... specs) {
        this.label = label;
        this.specs = specs;
    }

    /** For reports, e.g. "phone speaker". */
    public String label() {
        return label;
    }

    /** The designed gain at {@code hz}, in dB. */
    public double gainDb(double hz, double sampleRate) {
        double p = 1;
        for (Biquad b : sections(sampleRate)) p *= b.powerGain(hz, sampleRate);
        return 10 * Math.log10(p);
    }

    /** Mean power gain over {@code lowHz..highHz}: what a flat-spectrum signal in that band keeps. */
    double meanPowerGain(double lowHz, double highHz, double sampleRate) {
        List<Biquad> sections = sections(sampleRate);
        int n = 512;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double hz = lowHz + (highHz - lowHz) * (i + 0.5) / n;
            double p = 1;
            for (Biquad b : sections) p *= b.powerGain(hz, sampleRate);
            sum += p;
        }
        return sum / n;
    }

    /** A fresh streaming filter with this response (sections above Nyquist·0.95 are left out). */
    BiquadCascade newFilter(double sampleRate) {
        return new BiquadCascade(sections(sampleRate));
    }

    private List<Biquad> sections(double sampleRate) {
        List<Biquad> out = new ArrayList<>();
        for (Spec s : specs) {
            if (s.hz() < 0.45 * sampleRate) out.add(Biquad.design(s.type(), s.hz(), s.q(), s.gainDb(), sampleRate));
        }
        return out;
    }
}
