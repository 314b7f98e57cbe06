package io.wavebench.drivers.channel;

/**
 * Streaming rational sample-rate conversion by {@code up/down} with a polyphase windowed-sinc
 * filter (Crochiere &amp; Rabiner, Multirate Digital Signal Processing, 1983, ch. 3): output
 * sample m is {@code Σ_k h[(m·down mod up) + k·up] · x[⌊m·down/up⌋ − k]}, i.e. zero-stuffing by
 * {@code up}, the prototype low-pass, and keeping every {@code down}-th sample, without computing
 * the stuffed zeros or the dropped samples. The prototype is a {@link KaiserLowpass}. Causal: an
 * output is emitted as soon as the input it needs has arrived, so how the input is cut into calls
 * does not change the output.
 */
final class PolyphaseResampler {

    private final int up;
    private final int down;
    private final int tapsPerPhase;
    /** phases[p][k] = h[p + k·up]. */
    private final float[][] phases;
    /** The last tapsPerPhase inputs, written twice so x[n−k] is one contiguous read. */
    private final float[] history;
    private long received;
    private long position; // m·down of the next output
    private float[] out = new float[256];
    private int produced;

    /**
     * @param fromRate     the input rate
     * @param toRate       the output rate
     * @param passbandHz   the passband edge
     * @param stopbandHz   where the stopband starts (at most the lower rate's Nyquist frequency,
     *                     or images and aliases land in the band)
     * @param stopbandDb   the attenuation from {@code stopbandHz} up
     */
    PolyphaseResampler(int fromRate, int toRate, double passbandHz, double stopbandHz, double stopbandDb) {
        int g = gcd(fromRate, toRate);
        this.up = toRate / g;
        this.down = fromRate / g;
        double prototypeRate = (double) fromRate * up;
        int n = KaiserLowpass.taps(stopbandDb, stopbandHz - passbandHz, prototypeRate);
        this.tapsPerPhase = Math.max(1, (n + up - 1) / up);
        double[] h = KaiserLowpass.design(tapsPerPhase * up, (passbandHz + stopbandHz) / 2, stopbandDb, prototypeRate, up);
        this.phases = new float[up][tapsPerPhase];
        for (int p = 0; p < up; p++) {
            for (int k = 0; k < tapsPerPhase; k++) phases[p][k] = (float) h[p + k * up];
        }
        this.history = new float[2 * tapsPerPhase];
    }

    int tapsPerPhase() {
        return tapsPerPhase;
    }

    /** Group delay in input samples. */
    double delayInputSamples() {
        return (tapsPerPhase * up - 1) / 2.0 / up;
    }

    /** Feeds {@code length} samples; the outputs they complete are then {@link #output()}[0..{@link #produced()}). */
    void process(float[] in, int offset, int length) {
        produced = 0;
        int capacity = (int) ((long) (length + 2) * up / down + 2);
        if (out.length < capacity) out = new float[capacity];
        for (int i = 0; i < length; i++) {
            int slot = (int) (received % tapsPerPhase);
            history[slot] = in[offset + i];
            history[slot + tapsPerPhase] = in[offset + i];
            // x[n − k] sits at history[slot + tapsPerPhase − k].
            int newest = slot + tapsPerPhase;
            while (position / up <= received) {
                float[] h = phases[(int) (position % up)];
                float acc = 0;
                for (int k = 0; k < tapsPerPhase; k++) acc += h[k] * history[newest - k];
                out[produced++] = acc;
                position += down;
            }
            received++;
        }
    }

    float[] output() {
        return out;
    }

    int produced() {
        return produced;
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public String toString() {
        return "PolyphaseResampler[" + up + "/" + down + ", " + tapsPerPhase + " taps a phase]";
    }
}
