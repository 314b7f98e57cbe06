package io.wavebench.drivers.modem;

/**
 * The acoustic modem (DESIGN §4): bytes to samples and, through {@link StreamingReceiver}, samples
 * back to bytes. Pure — no audio API, no files: devices and WAV files live at the edge (STYLE:
 * ggwave).
 *
 * <p>A frame on the air, the same for every profile:
 * <pre>
 *   chirp preamble | training symbol | header and payload cells (OFDM symbols with pilots) | ramp out
 * </pre>
 * Coherent OFDM, QPSK, 50 Hz carrier spacing ({@link ModemParameters}); the header is coded on its
 * own, the payload carries a CRC-32 inside an IEEE 802.11n LDPC code (frame version 3; version 2,
 * RS parity inside a convolutional code, is still received) ({@link FrameLayout}).
 */
public final class AcousticModem {

    private final ModemParameters p;
    private final CarrierPlan plan;

    private AcousticModem(ModemParameters p) {
        this.p = p;
        this.plan = new CarrierPlan(p);
    }

    /**
     * @throws UnsupportedOperationException if the profile cannot work at this sample rate (e.g.
     *                                       ultrasonic below ≈44.1 kHz)
     * @throws IllegalArgumentException      if the rate is not a whole number of 50 Hz carriers
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
        return modulate(payload, FrameHeader.VERSION);
    }

    /**
     * The frame in an older {@code version}, as a phone with older software sends it: the receiver
     * takes every version the header names ({@link FrameHeader#decode}), and tests prove it here.
     */
    float[] modulate(byte[] payload, int version) {
        FrameLayout layout = new FrameLayout(plan, payload.length, version);
        double[][][] cells = layout.cells(new FrameHeader(version, p.profile(), payload.length), payload);
        return FrameWaveform.of(plan, cells);
    }

    /** Time on air for a payload of this size, preamble and ramps included. */
    public double airtimeSeconds(int payloadBytes) {
        return airtimeSeconds(payloadBytes, FrameHeader.VERSION);
    }

    double airtimeSeconds(int payloadBytes, int version) {
        return frameSamples(new FrameLayout(plan, payloadBytes, version)) / (double) p.sampleRate();
    }

    /** A receiver listening for this profile's frames; see {@link StreamingReceiver}. */
    public StreamingReceiver newReceiver(FrameListener listener) {
        return new StreamingReceiver(plan, listener);
    }

    private int frameSamples(FrameLayout layout) {
        return FrameWaveform.length(p, layout.dataSymbols);
    }
}
