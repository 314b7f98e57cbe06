package io.wavebench.drivers.ggwave;

/**
 * Bytes to sound, as ggwave's encoder makes them in its variable-length mode: a start marker, the
 * {@link GgwaveCode} stream in chunks of {@code bytesPerTx} bytes, an end marker.
 *
 * <p>ggwave's published waveform: time runs in 1024-sample frames at 48 kHz. Every tone sits on a
 * bin centre (an integer number of cycles a frame), so a tone is one continuous sinusoid for as
 * long as it sounds. A data chunk sounds, for {@code framesPerTx} frames, one tone per nibble: nibble
 * {@code j} of the chunk (low nibble first) with value {@code v} at bin {@code freqStart + 16j + v}.
 * The start marker sounds, for 16 frames, the 16 tones {@code freqStart + 2i + (i odd ? 1 : 0)}; the
 * end marker the other bin of each pair. A tone at bin offset {@code b} starts each frame at phase
 * {@code π·⌊b/2⌋ / (8·bytesPerTx)}. Every chunk and each marker rises linearly over its first 15 %
 * and falls over its last 15 %; a frame's tones are summed and divided by how many there are, times
 * the volume (0–100 %).
 *
 * <p>At 48 kHz the samples are ggwave's own (to float rounding). At another rate (44.1 kHz) the
 * same continuous waveform is sampled at that rate: ggwave gets there by resampling its 48 kHz
 * sound; sampling the tones directly gives the same tones without a resampler's ripple.
 */
public final class GgwaveTransmitter {

    /** ggwave's default volume (kDefaultVolume); ggwave advises 25 as usually fine and never over 50. */
    public static final int DEFAULT_VOLUME = 10;

    private static final float RAMP_FRACTION = 0.15f;

    private final GgwaveProtocol protocol;
    private final double sampleRate;
    private final int volume;

    public GgwaveTransmitter(GgwaveProtocol protocol, double sampleRate) {
        this(protocol, sampleRate, DEFAULT_VOLUME);
    }

    public GgwaveTransmitter(GgwaveProtocol protocol, double sampleRate, int volume) {
        if (volume < 0 || volume > 100) throw new IllegalArgumentException("ggwave volume is 0..100, not " + volume);
        if (sampleRate < 2 * protocol.bandHighHz() * 1.05) {
            throw new UnsupportedOperationException("ggwave " + protocol.ggwaveName() + " reaches " + Math.round(protocol.bandHighHz()) + " Hz, beyond what " + sampleRate + " Hz sampling carries");
        }
        this.protocol = protocol;
        this.sampleRate = sampleRate;
        this.volume = volume;
    }

    public GgwaveProtocol protocol() {
        return protocol;
    }

    public double sampleRate() {
        return sampleRate;
    }

    /** Number of samples {@link #modulate} returns for a payload of this many bytes. */
    public int sampleCount(int payloadBytes) {
        return (int) Math.ceil(protocol.frameCount(payloadBytes) * (double) GgwaveProtocol.SAMPLES_PER_FRAME * sampleRate / GgwaveProtocol.BASE_SAMPLE_RATE - 1e-9);
    }

    public float[] modulate(byte[] payload) {
        byte[] stream = GgwaveCode.encode(payload);
        int txCount = protocol.txCount(payload.length);
        int markerFrames = GgwaveProtocol.MARKER_FRAMES;
        int dataFrames = txCount * protocol.framesPerTx();
        int n = GgwaveProtocol.SAMPLES_PER_FRAME;
        float[] out = new float[sampleCount(payload.length)];
        float sendVolume = (float) (volume / 100.0);
        double step = GgwaveProtocol.BASE_SAMPLE_RATE / sampleRate;
        int[] tones = new int[Math.max(GgwaveProtocol.MARKER_TONES, protocol.tonesPerTx())];
        int lastFrame = -1;
        int toneCount = 0;
        int cycle = 0;
        int cycleFrames = 1;
        for (int m = 0; m < out.length; m++) {
            // Position in ggwave's 48 kHz frame grid; an integer at 48 kHz.
            double u = m * step;
            int frame = (int) Math.floor(u / n);
            double i = u - (double) frame * n;
            if (frame != lastFrame) {
                lastFrame = frame;
                if (frame < markerFrames) {
                    toneCount = markerTones(tones, true);
                    cycle = frame;
                    cycleFrames = markerFrames;
                } else if (frame < markerFrames + dataFrames) {
                    int dataFrame = frame - markerFrames;
                    toneCount = dataTones(tones, stream, dataFrame / protocol.framesPerTx());
                    cycle = dataFrame % protocol.framesPerTx();
                    cycleFrames = protocol.framesPerTx();
                } else {
                    toneCount = markerTones(tones, false);
                    cycle = frame - markerFrames - dataFrames;
                    cycleFrames = markerFrames;
                }
            }
            float envelope = envelope(cycle, cycleFrames, i);
            float sum = 0f;
            for (int t = 0; t < toneCount; t++) {
                int offset = tones[t];
                double phase = Math.PI * (offset / 2) / (8.0 * protocol.bytesPerTx());
                float tone = (float) Math.sin(2.0 * Math.PI * (i / n) * (protocol.freqStart() + offset) + phase);
                sum += sendVolume * tone * envelope;
            }
            out[m] = sum * (1.0f / toneCount);
        }
        return out;
    }

    /** The 16 marker tones as bin offsets: the start marker's one of each pair, or the end marker's other. */
    private static int markerTones(int[] tones, boolean start) {
        for (int i = 0; i < GgwaveProtocol.MARKER_TONES; i++) {
            boolean upper = (i % 2 == 1) == start;
            tones[i] = 2 * i + (upper ? 1 : 0);
        }
        return GgwaveProtocol.MARKER_TONES;
    }

    /** One tone per nibble of chunk {@code tx}, ascending; bytes past the stream's end are zero (as ggwave pads). */
    private int dataTones(int[] tones, byte[] stream, int tx) {
        int count = 0;
        for (int j = 0; j < protocol.bytesPerTx(); j++) {
            int index = tx * protocol.bytesPerTx() + j;
            int value = index < stream.length ? stream[index] & 0xFF : 0;
            tones[count++] = (2 * j) * 16 + (value & 0x0F);
            tones[count++] = (2 * j + 1) * 16 + (value >> 4);
        }
        return count;
    }

    /** ggwave's linear ramp over the first and last 15 % of a chunk or marker, at position {@code i} of frame {@code cycle}. */
    static float envelope(int cycle, int cycleFrames, double i) {
        int n = GgwaveProtocol.SAMPLES_PER_FRAME;
        int total = cycleFrames * n;
        float ds = RAMP_FRACTION * total;
        float ids = 1.0f / ds;
        int begin = (int) (RAMP_FRACTION * total);
        int end = (int) ((1.0f - RAMP_FRACTION) * total);
        float k = (float) (cycle * n + i);
        if (k < begin) return k * ids;
        if (k > end) return (total - k) * ids;
        return 1f;
    }
}
