package io.wavebench.drivers.channel;

/**
 * A phone's audio mixer running at another rate than the app's sound (DESIGN §4 channel model,
 * {@link AudioPath.Resampler}): Android's AudioFlinger and iOS's mixer take 48 kHz sound to a
 * 44.1 kHz output (or 44.1 kHz sound to 48 kHz) and the sound reaches the air at the mixer's rate;
 * the model takes it there and back, so the channel keeps one rate, and what the round trip does
 * is what the mixer's anti-aliasing filter does: everything above its passband edge is rolled off
 * and nothing is left above its stopband edge. Two {@link PolyphaseResampler}s with the same
 * filter specification; the output is delayed by both filters' group delays plus two samples.
 */
final class MixerResampler implements PathStage {

    private final PolyphaseResampler there;
    private final PolyphaseResampler back;
    private float[] fifo;
    private int fifoStart;
    private int fifoSize;

    MixerResampler(AudioPath.Resampler settings, double sampleRate) {
        int rate = (int) Math.round(sampleRate);
        if (rate != sampleRate) throw new IllegalArgumentException("the mixer's resampler needs a whole sample rate, got " + sampleRate);
        int mixer = settings.mixerRateHz();
        double nyquist = Math.min(rate, mixer) / 2.0;
        double stop = Math.min(settings.stopbandHz(), nyquist);
        if (settings.passbandHz() >= stop) {
            throw new IllegalArgumentException("the resampler's passband edge " + settings.passbandHz() + " Hz is not below its stopband edge " + stop + " Hz");
        }
        this.there = new PolyphaseResampler(rate, mixer, settings.passbandHz(), stop, settings.stopbandDb());
        this.back = new PolyphaseResampler(mixer, rate, settings.passbandHz(), stop, settings.stopbandDb());
        // After n inputs the two causal stages have made at least n − 1 − rate/mixer outputs: this
        // many zeros in front keep every call's output as long as its input.
        int lead = (int) Math.ceil(1 + (double) rate / mixer) + 1;
        this.fifo = new float[1024 + lead];
        this.fifoSize = lead;
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        there.process(samples, offset, length);
        back.process(there.output(), 0, there.produced());
        push(back.output(), back.produced());
        if (fifoSize < length) throw new IllegalStateException("resampler ran dry: " + fifoSize + " < " + length);
        for (int i = 0; i < length; i++) samples[offset + i] = fifo[(fifoStart + i) % fifo.length];
        fifoStart = (fifoStart + length) % fifo.length;
        fifoSize -= length;
    }

    private void push(float[] data, int n) {
        if (fifoSize + n > fifo.length) {
            float[] grown = new float[Math.max(fifo.length * 2, fifoSize + n)];
            for (int i = 0; i < fifoSize; i++) grown[i] = fifo[(fifoStart + i) % fifo.length];
            fifo = grown;
            fifoStart = 0;
        }
        for (int i = 0; i < n; i++) fifo[(fifoStart + fifoSize + i) % fifo.length] = data[i];
        fifoSize += n;
    }
}
