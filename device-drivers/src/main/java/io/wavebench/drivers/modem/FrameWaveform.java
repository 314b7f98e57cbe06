package io.wavebench.drivers.modem;

/**
 * The samples of a frame from its cells (DESIGN §4: chirp preamble, training symbol, data symbols
 * with pilots, ramp out). The transmitter plays it; the receiver's {@link EchoCanceller} rebuilds
 * it from a decision to take out the echoes of what it decided.
 */
final class FrameWaveform {

    private FrameWaveform() {
    }

    /** Samples of a frame of {@code dataSymbols} data symbols. */
    static int length(ModemParameters p, int dataSymbols) {
        return p.preambleSamples() + (1 + dataSymbols) * p.symbolSamples() + p.taper() - p.taper() / 2;
    }

    /** The frame whose data symbols carry {@code cells} ({@code [re|im][symbol-1][c]}), peak ≤ 0.9. */
    static float[] of(CarrierPlan plan, double[][][] cells) {
        ModemParameters p = plan.p;
        int dataSymbols = cells[0].length;
        float[] out = new float[length(p, dataSymbols)];
        int chirpLength = p.preambleSamples();
        int half = p.taper() / 2;
        // The chirp runs on under the training symbol's rising ramp and fades out there.
        float[] chirp = Preamble.waveform(p, chirpLength + p.taper() - half);
        for (int i = 0; i < chirp.length; i++) {
            double g = 1;
            if (i < p.taper()) g = 0.5 - 0.5 * Math.cos(Math.PI * (i + 0.5) / p.taper());
            else if (i >= chirpLength - half) g = 0.5 + 0.5 * Math.cos(Math.PI * (i - (chirpLength - half) + 0.5) / p.taper());
            out[i] += (float) (g * chirp[i]);
        }
        OfdmModulator modulator = new OfdmModulator(plan);
        modulator.addSymbol(plan.trainingRe, plan.trainingIm, out, chirpLength);
        for (int s = 0; s < dataSymbols; s++) {
            modulator.addSymbol(cells[0][s], cells[1][s], out, chirpLength + (s + 1) * p.symbolSamples());
        }
        // ModemParameters.CLIP_RATIO: the rare peaks of the carriers' sum are clipped.
        float peak = (float) ModemParameters.PEAK;
        for (int i = 0; i < out.length; i++) out[i] = Math.max(-peak, Math.min(peak, out[i]));
        return out;
    }
}
