package io.wavebench.drivers.ggwave;

import java.util.Arrays;
import java.util.Optional;

/**
 * ggwave's transmission protocols as ggwave 0.4 defines them (its default protocol table): the
 * protocol id ggwave's API takes, the FFT bin of the lowest tone at ggwave's operating rate
 * (48 kHz, 1024-sample frames, so 46.875 Hz a bin), how many frames one chunk of data is sounded
 * for, and how many bytes a chunk carries (each byte as two nibbles, each nibble one tone out of
 * sixteen adjacent bins).
 *
 * <p>The mono-tone protocols ([MT], ids 9–11) are left out: ggwave itself refuses them for
 * variable-length messages ("Mono-tone protocols with variable length are not supported"), the
 * only mode with start and end markers.
 */
public enum GgwaveProtocol {
    AUDIBLE_NORMAL(0, "Normal", 40, 9, 3),
    AUDIBLE_FAST(1, "Fast", 40, 6, 3),
    AUDIBLE_FASTEST(2, "Fastest", 40, 3, 3),
    ULTRASOUND_NORMAL(3, "[U] Normal", 320, 9, 3),
    ULTRASOUND_FAST(4, "[U] Fast", 320, 6, 3),
    ULTRASOUND_FASTEST(5, "[U] Fastest", 320, 3, 3),
    DT_NORMAL(6, "[DT] Normal", 24, 9, 1),
    DT_FAST(7, "[DT] Fast", 24, 6, 1),
    DT_FASTEST(8, "[DT] Fastest", 24, 3, 1);

    /** ggwave's operating sample rate; other rates are ggwave's sound resampled (same tones in Hz). */
    public static final double BASE_SAMPLE_RATE = 48_000;
    /** ggwave's frame: the FFT size its tones are centred on and the unit of every duration. */
    public static final int SAMPLES_PER_FRAME = 1024;
    public static final double HZ_PER_BIN = BASE_SAMPLE_RATE / SAMPLES_PER_FRAME;
    /** Start and end markers each last this many frames (ggwave: kDefaultMarkerFrames). */
    public static final int MARKER_FRAMES = 16;
    /** A marker sounds 16 tones, one in each pair of bins from freqStart up. */
    public static final int MARKER_TONES = 16;
    /** The RS-protected length in front of the payload: 1 byte + 2 ECC (ggwave: kDefaultEncodedDataOffset). */
    public static final int LENGTH_BLOCK_BYTES = 3;
    public static final int MAX_PAYLOAD_BYTES = 140;

    private final int id;
    private final String ggwaveName;
    private final int freqStart;
    private final int framesPerTx;
    private final int bytesPerTx;

    GgwaveProtocol(int id, String ggwaveName, int freqStart, int framesPerTx, int bytesPerTx) {
        this.id = id;
        this.ggwaveName = ggwaveName;
        this.freqStart = freqStart;
        this.framesPerTx = framesPerTx;
        this.bytesPerTx = bytesPerTx;
    }

    /** The protocol id ggwave's C and JavaScript APIs take (ggwave_ProtocolId). */
    public int id() {
        return id;
    }

    public String ggwaveName() {
        return ggwaveName;
    }

    /** The bin (at 46.875 Hz a bin) of the lowest tone. */
    public int freqStart() {
        return freqStart;
    }

    public int framesPerTx() {
        return framesPerTx;
    }

    public int bytesPerTx() {
        return bytesPerTx;
    }

    /** Tones sounding at once in a data chunk: one per nibble. */
    public int tonesPerTx() {
        return 2 * bytesPerTx;
    }

    /** Frequency of bin offset {@code offset} from freqStart, in Hz. */
    public double toneHz(int offset) {
        return (freqStart + offset) * HZ_PER_BIN;
    }

    /** The band the protocol's tones occupy, from its lowest to its highest bin's centre, in Hz. */
    public double bandLowHz() {
        return toneHz(0);
    }

    public double bandHighHz() {
        return toneHz(Math.max(16 * tonesPerTx(), 2 * MARKER_TONES) - 1);
    }

    /** ggwave's ECC rule (getECCBytesForLength): 2 bytes under 4, else 2 per 5 bytes, at least 4. */
    public static int eccBytesFor(int payloadBytes) {
        return payloadBytes < 4 ? 2 : Math.max(4, 2 * (payloadBytes / 5));
    }

    /** Data chunks a payload of {@code payloadBytes} takes: length block, payload and its ECC. */
    public int txCount(int payloadBytes) {
        int total = LENGTH_BLOCK_BYTES + payloadBytes + eccBytesFor(payloadBytes);
        return (total + bytesPerTx - 1) / bytesPerTx;
    }

    /** Whole transmission in ggwave frames: start marker, data, end marker. */
    public int frameCount(int payloadBytes) {
        return 2 * MARKER_FRAMES + txCount(payloadBytes) * framesPerTx;
    }

    public double airtimeSeconds(int payloadBytes) {
        return frameCount(payloadBytes) * SAMPLES_PER_FRAME / BASE_SAMPLE_RATE;
    }

    public static Optional<GgwaveProtocol> byId(int id) {
        return Arrays.stream(values()).filter(p -> p.id == id).findFirst();
    }
}
