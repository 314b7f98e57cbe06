package io.wavebench.drivers.channel;

/**
 * A Bluetooth speaker between the phone and the air ({@link AudioPath.Bluetooth}): the A2DP
 * codec's band limit as a linear-phase low-pass with its passband edge at {@code cutoffHz} and 60
 * dB down 1.5 kHz above it, and the link's latency. SBC (A2DP 1.3 §12.5, the codec every A2DP
 * device has) splits 48 kHz into 8 sub-bands 3 kHz wide and its bit allocation at the usual
 * bitpools starves the top ones, so what a Bluetooth speaker plays stops somewhere around 16–20
 * kHz; the sound leaves it {@code latencyMs} later than the phone sent it (buffering on both
 * sides, typically 100–250 ms). The filter's own group delay is part of that latency: an impulse
 * comes out exactly {@code latencyMs} later.
 */
final class BluetoothLink implements PathStage {

    static final double TRANSITION_HZ = 1500;
    static final double STOPBAND_DB = 60;

    private final float[] taps;
    private final float[] history; // written twice, as in PolyphaseResampler
    private final float[] delay;   // the rest of the latency
    private long count;

    BluetoothLink(AudioPath.Bluetooth s, double sampleRate) {
        double stop = Math.min(s.cutoffHz() + TRANSITION_HZ, sampleRate / 2);
        if (stop <= s.cutoffHz()) {
            throw new IllegalArgumentException("the Bluetooth cut-off " + s.cutoffHz() + " Hz is at or past Nyquist at " + sampleRate + " Hz");
        }
        int n = KaiserLowpass.taps(STOPBAND_DB, stop - s.cutoffHz(), sampleRate) | 1; // odd: a whole-sample delay
        double[] h = KaiserLowpass.design(n, (s.cutoffHz() + stop) / 2, STOPBAND_DB, sampleRate, 1);
        this.taps = new float[n];
        for (int i = 0; i < n; i++) taps[i] = (float) h[i];
        this.history = new float[2 * n];
        int latency = (int) Math.round(s.latencyMs() * 1e-3 * sampleRate);
        int rest = latency - (n - 1) / 2;
        if (rest < 0) {
            throw new IllegalArgumentException("Bluetooth latency " + s.latencyMs() + " ms is shorter than its filter's own delay, "
                    + (n - 1) / 2 * 1e3 / sampleRate + " ms");
        }
        this.delay = new float[rest];
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        int n = taps.length;
        for (int i = offset; i < offset + length; i++) {
            int slot = (int) (count % n);
            history[slot] = samples[i];
            history[slot + n] = samples[i];
            int newest = slot + n;
            float acc = 0;
            for (int k = 0; k < n; k++) acc += taps[k] * history[newest - k];
            if (delay.length > 0) {
                int d = (int) (count % delay.length);
                float out = delay[d];
                delay[d] = acc;
                acc = out;
            }
            samples[i] = acc;
            count++;
        }
    }
}
