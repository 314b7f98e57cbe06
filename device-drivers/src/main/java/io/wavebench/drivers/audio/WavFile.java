package io.wavebench.drivers.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Mono audio at a sample rate, read from or written to a RIFF/WAVE file: evidence of the sound on
 * the air and recorded fixtures (DESIGN §3, §4). Reads 16-bit PCM, mono or multichannel (channels
 * averaged to mono), at any rate; writes mono 16-bit PCM. Anything else is refused with the file
 * and what was found, rather than read as noise.
 */
public final class WavFile {

    private static final int WAVE_FORMAT_PCM = 1;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 3;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;

    private final float[] samples;
    private final int sampleRate;

    public WavFile(float[] samples, int sampleRate) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    /** The samples, floats in [-1, 1]; the array itself, not a copy. */
    public float[] samples() {
        return samples;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /** Writes these samples to {@code file} as mono 16-bit PCM. */
    public void write(Path file) throws IOException {
        write(file, samples, sampleRate);
    }

    /** Writes {@code samples} (clipped to [-1, 1]) to {@code file} as mono 16-bit PCM at {@code sampleRate}. */
    public static void write(Path file, float[] samples, int sampleRate) throws IOException {
        int dataBytes = samples.length * Pcm16.BYTES_PER_SAMPLE;
        ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        out.put(ascii("fmt ")).putInt(16)
            .putShort((short) WAVE_FORMAT_PCM).putShort((short) 1)
            .putInt(sampleRate).putInt(sampleRate * Pcm16.BYTES_PER_SAMPLE)
            .putShort((short) Pcm16.BYTES_PER_SAMPLE).putShort((short) 16);
        out.put(ascii("data")).putInt(dataBytes);
        byte[] pcm = Pcm16.encode(samples);
        out.put(pcm);
        Files.write(file, out.array());
    }

    /** Reads {@code file} into mono samples and its sample rate. */
    public static WavFile read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 12) throw new WavFormatException(file, "not a RIFF/WAVE file (" + in.remaining() + " bytes)");
        String riff = fourCc(in);
        in.getInt(); // RIFF size: often wrong in streamed files, the chunks are walked instead
        String wave = fourCc(in);
        if (!"RIFF".equals(riff) || !"WAVE".equals(wave)) {
            throw new WavFormatException(file, "not a RIFF/WAVE file (starts with '" + riff + "'…'" + wave + "')");
        }
        Format format = null;
        while (in.remaining() >= 8) {
            String id = fourCc(in);
            long size = Integer.toUnsignedLong(in.getInt());
            if ("fmt ".equals(id)) {
                if (size < 16 || size > in.remaining()) throw new WavFormatException(file, "truncated fmt chunk of " + size + " bytes");
                format = Format.parse(file, in.slice().order(ByteOrder.LITTLE_ENDIAN), (int) size);
            } else if ("data".equals(id)) {
                if (format == null) throw new WavFormatException(file, "data chunk before any fmt chunk");
                // Streaming writers leave the size unset (0 or 0xFFFFFFFF): read to the end.
                int available = in.remaining();
                int bytes = size == 0 || size > available ? available : (int) size;
                return new WavFile(format.toMono(in, bytes), format.sampleRate);
            }
            long skip = size + (size & 1); // chunks are padded to an even length
            if (skip > in.remaining()) break;
            in.position(in.position() + (int) skip);
        }
        throw new WavFormatException(file, format == null ? "no fmt chunk" : "no data chunk");
    }

    private static final class Format {
        final int channels;
        final int sampleRate;
        final int blockAlign;

        private Format(int channels, int sampleRate, int blockAlign) {
            this.channels = channels;
            this.sampleRate = sampleRate;
            this.blockAlign = blockAlign;
        }

        static Format parse(Path file, ByteBuffer fmt, int size) throws WavFormatException {
            int tag = Short.toUnsignedInt(fmt.getShort(0));
            int channels = Short.toUnsignedInt(fmt.getShort(2));
            int sampleRate = fmt.getInt(4);
            int blockAlign = Short.toUnsignedInt(fmt.getShort(12));
            int bits = Short.toUnsignedInt(fmt.getShort(14));
            if (tag == WAVE_FORMAT_EXTENSIBLE && size >= 26) {
                tag = Short.toUnsignedInt(fmt.getShort(24)); // first two bytes of the sub-format GUID
            }
            if (tag == WAVE_FORMAT_IEEE_FLOAT) {
                throw new WavFormatException(file, bits + "-bit IEEE float samples not supported; only 16-bit PCM is");
            }
            if (tag != WAVE_FORMAT_PCM) {
                throw new WavFormatException(file, "encoding 0x" + Integer.toHexString(tag)
                    + " not supported (compressed?); only 16-bit PCM is");
            }
            if (bits != 16) throw new WavFormatException(file, bits + "-bit PCM not supported; only 16-bit PCM is");
            if (channels < 1) throw new WavFormatException(file, "fmt chunk says " + channels + " channels");
            if (sampleRate <= 0) throw new WavFormatException(file, "fmt chunk says sample rate " + sampleRate);
            if (blockAlign != channels * 2) {
                throw new WavFormatException(file, "block align " + blockAlign + " does not fit " + channels + " channels of 16 bits");
            }
            return new Format(channels, sampleRate, blockAlign);
        }

        /** Averages the channels of each frame; a trailing partial frame is ignored. */
        float[] toMono(ByteBuffer data, int bytes) {
            float[] mono = new float[bytes / blockAlign];
            int base = data.position();
            for (int frame = 0; frame < mono.length; frame++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) sum += data.getShort(base + frame * blockAlign + c * 2);
                mono[frame] = sum / (32768f * channels);
            }
            return mono;
        }
    }

    private static String fourCc(ByteBuffer in) {
        byte[] id = new byte[4];
        in.get(id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
