package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.audio.WavFile;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModemCommandTest {

    @TempDir
    Path dir;

    @Test
    void tx_then_rx_round_trips_a_201_byte_payload_found_after_a_second_of_noise() throws Exception {
        byte[] payload = new byte[201];
        new Random(7).nextBytes(payload);
        Files.write(dir.resolve("token.bin"), payload);
        assertEquals(0, run("modem", "tx", "--profile", "robust", "--in", dir.resolve("token.bin").toString(), "--out", dir.resolve("token.wav").toString()));

        WavFile clean = WavFile.read(dir.resolve("token.wav"));
        assertEquals(48_000, clean.sampleRate());
        float[] noisy = new float[48_000 + clean.samples().length];
        Random noise = new Random(11);
        for (int i = 0; i < noisy.length; i++) noisy[i] = (float) (noise.nextGaussian() * 0.02);
        for (int i = 0; i < clean.samples().length; i++) noisy[48_000 + i] += clean.samples()[i];
        WavFile.write(dir.resolve("noisy.wav"), noisy, 48_000);

        assertEquals(0, run("modem", "rx", "--in", dir.resolve("noisy.wav").toString(), "--out", dir.resolve("back.bin").toString()));
        assertArrayEquals(payload, Files.readAllBytes(dir.resolve("back.bin")));
    }

    @Test
    void rx_all_prints_every_frame_as_a_hex_line() throws Exception {
        byte[] first = "first frame".getBytes();
        byte[] second = "second frame".getBytes();
        Files.write(dir.resolve("a.bin"), first);
        Files.write(dir.resolve("b.bin"), second);
        run("modem", "tx", "--in", dir.resolve("a.bin").toString(), "--out", dir.resolve("a.wav").toString());
        run("modem", "tx", "--in", dir.resolve("b.bin").toString(), "--out", dir.resolve("b.wav").toString());
        float[] a = WavFile.read(dir.resolve("a.wav")).samples();
        float[] b = WavFile.read(dir.resolve("b.wav")).samples();
        float[] both = new float[a.length + 24_000 + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length + 24_000, b.length);
        WavFile.write(dir.resolve("both.wav"), both, 48_000);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            assertEquals(0, run("modem", "rx", "--all", "--in", dir.resolve("both.wav").toString()));
        } finally {
            System.setOut(saved);
        }
        assertEquals(HexFormat.of().formatHex(first) + "\n" + HexFormat.of().formatHex(second), out.toString().strip());
    }

    @Test
    void rx_finds_a_frame_in_a_stereo_wav_at_44_1_khz() throws Exception {
        byte[] payload = new byte[201];
        new Random(3).nextBytes(payload);
        float[] mono = AcousticModem.of(ModemProfile.ROBUST, 44_100f).modulate(payload);
        // Left carries the sound, right is silent: the reader of the file must downmix, not pick a side.
        byte[] pcm = new byte[(22_050 + mono.length) * 4];
        for (int i = 0; i < mono.length; i++) {
            short v = (short) Math.round(mono[i] * 32767);
            int at = (22_050 + i) * 4;
            pcm[at] = (byte) v;
            pcm[at + 1] = (byte) (v >> 8);
        }
        AudioFormat stereo = new AudioFormat(44_100f, 16, 2, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), stereo, pcm.length / 4),
                AudioFileFormat.Type.WAVE, dir.resolve("stereo.wav").toFile());

        assertEquals(0, run("modem", "rx", "--in", dir.resolve("stereo.wav").toString(), "--out", dir.resolve("back.bin").toString()));
        assertArrayEquals(payload, Files.readAllBytes(dir.resolve("back.bin")));
    }

    @Test
    void rx_exits_3_when_nothing_decodes() throws Exception {
        WavFile.write(dir.resolve("silence.wav"), new float[48_000], 48_000);
        assertEquals(ModemCommand.NO_FRAME, run("modem", "rx", "--in", dir.resolve("silence.wav").toString()));
    }

    @Test
    void the_protocols_on_the_class_path_are_listed_and_an_unknown_one_is_refused_by_name() throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(listed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run("modem", "protocols"));
        } finally {
            System.setOut(before);
        }
        assertTrue(listed.toString(StandardCharsets.UTF_8).startsWith("wavebench (robust, fast, ultrasonic): "), listed.toString());

        Files.write(dir.resolve("one.bin"), new byte[] {1});
        CommandLine cl = new CommandLine(new Wavebench());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("modem", "tx", "--protocol", "morse", "--in", dir.resolve("one.bin").toString(), "--out", dir.resolve("m.wav").toString());
        assertTrue(status != 0, "an unknown protocol is an error");
        assertTrue(Files.notExists(dir.resolve("m.wav")), "and writes nothing");
    }

    @Test
    void a_wav_at_44_1_khz_round_trips_through_the_chosen_protocol_and_mode() throws Exception {
        Files.write(dir.resolve("code.bin"), "281234567890123456".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, run("modem", "tx", "--protocol", "wavebench", "--mode", "fast", "--rate", "44100",
                "--in", dir.resolve("code.bin").toString(), "--out", dir.resolve("code.wav").toString()));
        assertEquals(44_100, WavFile.read(dir.resolve("code.wav")).sampleRate());
        assertEquals(0, run("modem", "rx", "--protocol", "wavebench", "--in", dir.resolve("code.wav").toString(), "--out", dir.resolve("back.bin").toString()));
        assertArrayEquals(Files.readAllBytes(dir.resolve("code.bin")), Files.readAllBytes(dir.resolve("back.bin")));
    }

    @Test
    void every_command_explains_itself_with_help() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"devices", "--help"}, {"modem", "tx", "--help"}, {"modem", "rx", "--help"}, {"modem", "protocols", "--help"}}) {
            CommandLine cl = new CommandLine(new Wavebench());
            StringWriter text = new StringWriter();
            cl.setOut(new PrintWriter(text));
            assertEquals(0, cl.execute(args), String.join(" ", args));
            assertTrue(text.toString().contains("Usage: wavebench"), text.toString());
        }
    }

    @Test
    void bench_with_path_measures_through_the_phone_and_reader_audio_path_and_prints_the_capacity() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code = run("modem", "bench", "--profile", "fast", "--path", "--drr", "5", "--trials", "2", "--snr", "20", "--noise", "white");
        } finally {
            System.setOut(saved);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("[phone: mixer at 44100 Hz") && out.contains("[reader: AGC to -18 dBFS") && out.contains("DRR +5.0 dB"), out);
        // fast's band is 975–12025 Hz: B = 11050 Hz, at 20 dB C = 11050·log2(101) = 73.6 kbit/s, 201 B in 0.022 s.
        assertTrue(out.contains("capacity   73.6 kbit/s, 201 B in 0.022 s"), out);
        assertTrue(out.contains("95 % interval"), out);

        StringWriter help = new StringWriter();
        CommandLine cl = new CommandLine(new Wavebench());
        cl.setOut(new PrintWriter(help));
        assertEquals(0, cl.execute("modem", "bench", "--help"));
        assertTrue(help.toString().contains("--path") && help.toString().contains("AudioResamplerDyn"), help.toString());
        assertEquals(2, run("modem", "bench", "--path", "car", "--trials", "1", "--snr", "20"), "an unknown preset is refused");
    }

    private static int run(String... args) {
        return new CommandLine(new Wavebench()).execute(args);
    }
}
