package io.wavebench.drivers.modem;

/**
 * Turns bytes into parallel multi-tone FSK symbols (see {@link ModemParameters}). Each group keeps
 * its own phase running across symbols (continuous-phase FSK per group), so symbol boundaries do
 * not click and the spectrum stays in band. Bits are read MSB first, {@code bitsPerGroup} per
 * group, groups in order, symbols in order; the last symbol is padded with zeros.
 */
final class ToneModulator {

    private final ModemParameters p;
    private final double[] phase;

    ToneModulator(ModemParameters p) {
        this.p = p;
        this.phase = new double[p.groups()];
        // Quadratic (Schroeder-like) start phases: the groups do not all peak together at the start.
        for (int g = 0; g < phase.length; g++) phase[g] = Math.PI * g * g / phase.length;
    }

    /** Adds the symbols carrying {@code bytes} to {@code out} from {@code offset}; returns the symbols written. */
    int write(byte[] bytes, float[] out, int offset) {
        int symbols = p.symbolsFor(bytes.length);
        int s = p.symbolSamples();
        for (int sym = 0; sym < symbols; sym++) {
            for (int g = 0; g < p.groups(); g++) {
                int tone = readBits(bytes, sym * p.bitsPerSymbol() + g * p.bitsPerGroup(), p.bitsPerGroup());
                double omega = 2 * Math.PI * p.toneHz(g, tone) / p.sampleRate();
                addTone(out, offset + sym * s, s, omega, g);
            }
        }
        return symbols;
    }

    /**
     * Continues the last symbol's tones for {@code length} more samples (the fade-out tail), so
     * fading never eats into a symbol's DFT window.
     */
    void writeTail(byte[] bytes, float[] out, int offset, int length) {
        int lastSym = p.symbolsFor(bytes.length) - 1;
        for (int g = 0; g < p.groups(); g++) {
            int tone = readBits(bytes, lastSym * p.bitsPerSymbol() + g * p.bitsPerGroup(), p.bitsPerGroup());
            // The phase was already advanced past the last symbol: just keep going.
            addTone(out, offset, length, 2 * Math.PI * p.toneHz(g, tone) / p.sampleRate(), g);
        }
    }

    private void addTone(float[] out, int from, int length, double omega, int group) {
        double a = p.toneAmplitude();
        double ph = phase[group];
        for (int n = 0; n < length; n++) out[from + n] += (float) (a * Math.sin(ph + omega * n));
        phase[group] = (ph + omega * length) % (2 * Math.PI);
    }

    static int readBits(byte[] bytes, int bitIndex, int count) {
        int v = 0;
        for (int i = 0; i < count; i++) {
            int bit = bitIndex + i;
            int b = bit >>> 3 < bytes.length ? (bytes[bit >>> 3] >>> (7 - (bit & 7))) & 1 : 0;
            v = (v << 1) | b;
        }
        return v;
    }
}
