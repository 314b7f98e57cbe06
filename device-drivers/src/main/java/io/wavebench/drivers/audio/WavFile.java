package io.wavebench.drivers.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Mono audio at a sample rate, read from or written to a RIFF/WAVE file: evidence of the sound on
 * the air and recorded fixtures (DESIGN §3, §4). Reads 16-bit PCM, mono or multichannel (channels
 * averaged to mono), at any rate; writes mono 16-bit PCM. Anything else is refused with the file
 * and what was found, rather than read as noise. The RIFF chunks are the JDK's business
 * ({@link AudioSystem}'s WAVE reader and writer); this class only turns frames into mono floats.
 */
public final class WavFile {

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
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        byte[] pcm = Pcm16.encode(samples);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), Pcm16.monoFormat(sampleRate), samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    /** Reads {@code file} into mono samples and its sample rate. */
    public static WavFile read(Path file) throws IOException {
        AudioFileFormat.Type type;
        try {
            type = AudioSystem.getAudioFileFormat(file.toFile()).getType();
        } catch (UnsupportedAudioFileException e) {
            throw new WavFormatException(file, "not a RIFF/WAVE file, nor any audio file the JDK knows (" + e.getMessage() + ")");
        }
        if (type != AudioFileFormat.Type.WAVE) throw new WavFormatException(file, "not a RIFF/WAVE file but " + type);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            refuseAllButPcm16(file, format);
            byte[] frames = in.readAllBytes();
            return new WavFile(toMono(frames, format.getChannels(), format.isBigEndian()), Math.round(format.getSampleRate()));
        } catch (UnsupportedAudioFileException e) {
            throw new WavFormatException(file, "unreadable WAVE file (" + e.getMessage() + ")");
        }
    }

    private static void refuseAllButPcm16(Path file, AudioFormat format) throws WavFormatException {
        AudioFormat.Encoding encoding = format.getEncoding();
        int bits = format.getSampleSizeInBits();
        if (AudioFormat.Encoding.PCM_FLOAT.equals(encoding)) {
            throw new WavFormatException(file, bits + "-bit IEEE float samples not supported; only 16-bit PCM is");
        }
        if (!AudioFormat.Encoding.PCM_SIGNED.equals(encoding)) {
            throw new WavFormatException(file, "encoding " + encoding + " not supported (compressed?); only 16-bit PCM is");
        }
        if (bits != 16) throw new WavFormatException(file, bits + "-bit PCM not supported; only 16-bit PCM is");
        if (format.getChannels() < 1) throw new WavFormatException(file, "fmt chunk says " + format.getChannels() + " channels");
        if (!(format.getSampleRate() > 0)) throw new WavFormatException(file, "fmt chunk says sample rate " + format.getSampleRate());
    }

    /** Averages the channels of each 16-bit frame; a trailing partial frame is ignored. */
    private static float[] toMono(byte[] frames, int channels, boolean bigEndian) {
        int frameBytes = channels * Pcm16.BYTES_PER_SAMPLE;
        float[] mono = new float[frames.length / frameBytes];
        for (int frame = 0; frame < mono.length; frame++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = frame * frameBytes + c * Pcm16.BYTES_PER_SAMPLE;
                int lo = frames[bigEndian ? at + 1 : at] & 0xFF;
                int hi = frames[bigEndian ? at : at + 1];
                sum += (short) ((hi << 8) | lo);
            }
            mono[frame] = sum / (32768f * channels);
        }
        return mono;
    }
}
