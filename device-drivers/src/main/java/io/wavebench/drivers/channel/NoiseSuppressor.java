package io.wavebench.drivers.channel;

import io.wavebench.drivers.dsp.RealFft;

/**
 * A reader's single-microphone noise suppressor ({@link AudioPath.NoiseSuppression}), the kind
 * phones and headsets run on what their microphone hears: a short-time spectrum (frames of ≈10
 * ms, half overlapping, square-root Hann windows in and out so that a gain of 1 gives the input
 * back), a noise estimate per bin that follows the smoothed power spectrum in dB with a settling
 * time, and a Wiener gain from the decision-directed a-priori SNR (Ephraim &amp; Malah, IEEE
 * Trans. ASSP 32(6), 1984: ξ = 0.98·(last frame's clean estimate)/noise + 0.02·max(γ − 1, 0),
 * G = ξ/(1 + ξ)) that never falls below the suppression depth. WebRTC's suppressor is of this
 * family (its levels are 6, 12, 18 and 21 dB of suppression, 12 the default: NsConfig's
 * SuppressionLevel), and like it this one takes whatever stays steady for longer than the
 * settling time as noise: a long steady tone, or a modem's carriers, is suppressed by the depth.
 *
 * <p>The noise estimate moves in dB, one pole, covering 90 % of a change in {@code settleMs},
 * both ways; it starts from the first frame's spectrum. The output is delayed by one frame.
 */
final class NoiseSuppressor implements PathStage {

    private static final double SMOOTHING = 0.7; // power spectrum over frames
    private static final double DECISION_DIRECTED = 0.98;
    private static final double FLOOR_POWER = 1e-14; // −140 dB a bin: digital silence

    private final int frame;
    private final int hop;
    private final double[] window;
    private final RealFft fft;
    private final double minGain;
    private final double noiseStep; // per frame, on log power
    private final int bins;

    private final float[] input;    // the last `frame` samples
    private final double[] work;
    private final double[] smoothedPower;
    private final double[] logNoise;
    private final double[] lastClean; // |G·X|² of the last frame
    private final double[] overlap;  // the second half of the last frame's output
    private final float[] ready;      // output not yet handed out
    private int readyStart;
    private int readySize;
    private long count;
    private boolean first = true;

    NoiseSuppressor(AudioPath.NoiseSuppression s, double sampleRate) {
        this.frame = Integer.highestOneBit((int) Math.round(0.0107 * sampleRate) * 2 - 1); // 512 at 44.1 and 48 kHz
        this.hop = frame / 2;
        this.window = new double[frame];
        for (int i = 0; i < frame; i++) window[i] = Math.sqrt(0.5 - 0.5 * Math.cos(2 * Math.PI * i / frame)); // periodic: the squares overlap-add to 1
        this.fft = new RealFft(frame);
        this.minGain = Math.pow(10, -s.depthDb() / 20);
        double framesToSettle = s.settleMs() * 1e-3 * sampleRate / hop;
        this.noiseStep = 1 - Math.pow(10, -1 / framesToSettle);
        this.bins = frame / 2 + 1;
        this.input = new float[frame];
        this.work = new double[frame];
        this.smoothedPower = new double[bins];
        this.logNoise = new double[bins];
        this.lastClean = new double[bins];
        this.overlap = new double[hop];
        this.ready = new float[2 * frame];
        this.readySize = hop; // with the frame's half of history: one frame's delay
    }

    int frameSamples() {
        return frame;
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            input[(int) (count % frame)] = samples[i];
            count++;
            if (count % hop == 0) processFrame();
            samples[i] = ready[readyStart];
            readyStart = (readyStart + 1) % ready.length;
            readySize--;
        }
    }

    private void processFrame() {
        int start = (int) (count % frame); // the oldest sample of the last `frame`
        for (int i = 0; i < frame; i++) work[i] = input[(start + i) % frame] * window[i];
        fft.forward(work);
        for (int k = 0; k < bins; k++) {
            double re = re(k), im = im(k);
            double power = Math.max(FLOOR_POWER, re * re + im * im);
            smoothedPower[k] = first ? power : SMOOTHING * smoothedPower[k] + (1 - SMOOTHING) * power;
            double logPower = Math.log(smoothedPower[k]);
            logNoise[k] = first ? logPower : logNoise[k] + noiseStep * (logPower - logNoise[k]);
            double noise = Math.exp(logNoise[k]);
            double posterior = power / noise;
            double prior = DECISION_DIRECTED * lastClean[k] / noise + (1 - DECISION_DIRECTED) * Math.max(posterior - 1, 0);
            double gain = Math.max(minGain, prior / (1 + prior));
            lastClean[k] = gain * gain * power;
            scale(k, gain);
        }
        first = false;
        fft.inverse(work);
        for (int i = 0; i < frame; i++) work[i] *= window[i];
        int at = (readyStart + readySize) % ready.length;
        for (int i = 0; i < hop; i++) {
            ready[(at + i) % ready.length] = (float) (overlap[i] + work[i]);
            overlap[i] = work[hop + i];
        }
        readySize += hop;
    }

    // RealFft's packed layout: [0] = Re X0, [1] = Re X(n/2), then Re/Im pairs.
    private double re(int k) {
        return k == 0 ? work[0] : k == frame / 2 ? work[1] : work[2 * k];
    }

    private double im(int k) {
        return k == 0 || k == frame / 2 ? 0 : work[2 * k + 1];
    }

    private void scale(int k, double gain) {
        if (k == 0) work[0] *= gain;
        else if (k == frame / 2) work[1] *= gain;
        else {
            work[2 * k] *= gain;
            work[2 * k + 1] *= gain;
        }
    }
}
