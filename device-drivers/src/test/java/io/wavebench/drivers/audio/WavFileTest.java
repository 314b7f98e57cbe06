package io.wavebench.drivers.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {

    @TempDir
    Path dir;

    @Test
    void round_trip_is_sample_exact_and_keeps_the_rate() throws Exception {
        float[] signal = Signals.random(7, 4_800);
        Path file = dir.resolve("token.wav");
        WavFile.write(file, signal, 48_000);

        WavFile read = WavFile.read(file);
        assertEquals(48_000, read.sampleRate());
        assertArrayEquals(signal, read.samples());
        // The JDK's own reader agrees on the header.
        AudioFileFormat jdk = AudioSystem.getAudioFileFormat(file.toFile());
        assertEquals(4_800, jdk.getFrameLength());
        assertEquals(Pcm16.monoFormat(48_000f).toString(), jdk.getFormat().toString());
    }

    @Test
    void writing_clips_to_the_16_bit_range() throws Exception {
        Path file = dir.resolve("clipped.wav");
        WavFile.write(file, new float[] {1.5f, -2f, 1f}, 44_100);
        assertArrayEquals(new float[] {32767 / 32768f, -1f, 32767 / 32768f}, WavFile.read(file).samples());
    }

    @Test
    void stereo_44_1_khz_is_read_as_mono_by_averaging() throws Exception {
        // Written by the JDK, not by WavFile, so the reader is checked against another writer.
        short[] interleaved = {1000, 3000, -2000, -4000, 32767, 32767, 5, 6};
        ByteBuffer pcm = ByteBuffer.allocate(interleaved.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : interleaved) pcm.putShort(s);
        AudioFormat stereo = new AudioFormat(44_100f, 16, 2, true, false);
        File file = dir.resolve("stereo.wav").toFile();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), stereo, 4), AudioFileFormat.Type.WAVE, file);

        WavFile read = WavFile.read(file.toPath());
        assertEquals(44_100, read.sampleRate());
        assertArrayEquals(new float[] {2000 / 32768f, -3000 / 32768f, 32767 / 32768f, 5.5f / 32768f}, read.samples());
    }

    @Test
    void skips_unknown_chunks_before_the_data() throws Exception {
        ByteBuffer wav = header(1, 48_000, 16, 1, "LIST", 3);
        Path file = write("list.wav", wav);
        assertArrayEquals(new float[] {0, 0}, WavFile.read(file).samples());
    }

    @Test
    void unsupported_files_are_refused_naming_the_file_and_what_was_found() throws Exception {
        Path pcm24 = write("deep.wav", header(1, 48_000, 24, 1, null, 0));
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavFile.read(pcm24));
        assertTrue(e.getMessage().contains("deep.wav") && e.getMessage().contains("24-bit PCM not supported"), e.getMessage());

        Path floats = write("float.wav", header(3, 48_000, 32, 1, null, 0));
        e = assertThrows(WavFormatException.class, () -> WavFile.read(floats));
        assertTrue(e.getMessage().contains("32-bit IEEE float"), e.getMessage());

        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "this is not a wave file at all");
        e = assertThrows(WavFormatException.class, () -> WavFile.read(text));
        assertTrue(e.getMessage().contains("notes.wav") && e.getMessage().contains("not a RIFF/WAVE"), e.getMessage());
    }

    /** Streaming writers leave the data chunk's size unset (0xFFFFFFFF): the samples run to the end of the file. */
    @Test
    void a_data_chunk_of_unset_size_is_read_to_the_end_of_the_file() throws Exception {
        ByteBuffer wav = header(1, 16_000, 16, 1, null, 0);
        wav.putInt(40, -1);
        wav.putShort(44, (short) 1000).putShort(46, (short) -1000);
        assertArrayEquals(new float[] {1000 / 32768f, -1000 / 32768f}, WavFile.read(write("streamed.wav", wav)).samples());
    }

    /** A WAV with two zero frames, optionally an extra chunk of {@code extraSize} bytes (odd sizes padded). */
    private static ByteBuffer header(int tag, int rate, int bits, int channels, String extraChunk, int extraSize) {
        int frameBytes = channels * bits / 8;
        int extra = extraChunk == null ? 0 : 8 + extraSize + (extraSize & 1);
        ByteBuffer b = ByteBuffer.allocate(44 + extra + 2 * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
            .putInt(rate * frameBytes).putShort((short) frameBytes).putShort((short) bits);
        if (extraChunk != null) {
            b.put(extraChunk.getBytes()).putInt(extraSize);
            b.position(b.position() + extraSize + (extraSize & 1));
        }
        b.put("data".getBytes()).putInt(2 * frameBytes);
        return b;
    }

    private Path write(String name, ByteBuffer content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content.array());
        return file;
    }
}
