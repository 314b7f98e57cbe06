package io.wavebench.drivers.modem;

/**
 * The acoustic modem (DESIGN §4): bytes to samples and, through {@link StreamingReceiver}, samples
 * back to bytes. Pure — no audio API, no files: devices and WAV files live at the edge (STYLE:
 * ggwave).
 *
 * <p>A frame on the air, the same for every profile:
 * <pre>
 *   chirp preamble | gap | header: 12 bytes (RS-protected on its own) | payload + CRC-32, RS-coded, interleaved | fade tail
 * </pre>
 * all in the profile's multi-tone FSK ({@link ModemParameters}).
 */
public final class AcousticModem {

    private final ModemParameters p;
    private final float[] preamble;

    private AcousticModem(ModemParameters p) {
        this.p = p;
        this.preamble = Preamble.waveform(p);
    }

    /**
     * @throws UnsupportedOperationException if the profile cannot work at this sample rate (e.g.
     *                                       ultrasonic below ≈44.1 kHz)
     */
    public static AcousticModem of(ModemProfile profile, float sampleRate) {
        return new AcousticModem(ModemParameters.of(profile, sampleRate));
    }

    public ModemProfile profile() {
        return p.profile();
    }

    public float sampleRate() {
        return p.sampleRate();
    }

    public ModemParameters parameters() {
        return p;
    }

    /** Longest payload one frame carries. */
    public static int maxPayloadBytes() {
        return FrameFormat.MAX_PAYLOAD;
    }

    /**
     * RMS of a transmission (preamble and data alike), the level a channel model states its SNR
     * against (DESIGN §4).
     */
    public double nominalRms() {
        return p.nominalRms();
    }

    /** The frame carrying {@code payload} (1..{@link #maxPayloadBytes()} bytes), peak ≤ 0.9. */
    public float[] modulate(byte[] payload) {
        FrameFormat format = new FrameFormat(payload.length, p.parityRatio());
        byte[] header = new FrameHeader(FrameHeader.VERSION, p.profile(), payload.length).encode();
        byte[] coded = format.encode(payload);
        int s = p.symbolSamples();
        int headerSymbols = p.symbolsFor(header.length);
        int payloadSymbols = p.symbolsFor(coded.length);
        float[] out = new float[frameSamples(payload.length)];
        System.arraycopy(preamble, 0, out, 0, preamble.length);
        int at = preamble.length + p.preambleGap();
        ToneModulator modulator = new ToneModulator(p);
        modulator.write(header, out, at);
        at += headerSymbols * s;
        modulator.write(coded, out, at);
        at += payloadSymbols * s;
        modulator.writeTail(coded, out, at, p.fadeSamples());
        fade(out);
        return out;
    }

    /** Time on air for a payload of this size, preamble and fades included. */
    public double airtimeSeconds(int payloadBytes) {
        return frameSamples(payloadBytes) / (double) p.sampleRate();
    }

    /** A receiver listening for this profile's frames; see {@link StreamingReceiver}. */
    public StreamingReceiver newReceiver(FrameListener listener) {
        return new StreamingReceiver(p, preamble, listener);
    }

    int frameSamples(int payloadBytes) {
        int coded = new FrameFormat(payloadBytes, p.parityRatio()).codedLength();
        return p.preambleSamples() + p.preambleGap()
                + (p.symbolsFor(FrameHeader.ENCODED_BYTES) + p.symbolsFor(coded)) * p.symbolSamples()
                + p.fadeSamples();
    }

    /** Raised-cosine fade in and out: a hard start or stop is a click on a real speaker. */
    private void fade(float[] out) {
        int f = p.fadeSamples();
        for (int i = 0; i < f; i++) {
            float g = (float) (0.5 - 0.5 * Math.cos(Math.PI * (i + 0.5) / f));
            out[i] *= g;
            out[out.length - 1 - i] *= g;
        }
    }
}
