package io.wavebench.drivers.audio.loopback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.audio.MixerLookup;
import io.wavebench.drivers.audio.Pcm16;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loopback mixer as the JDK's AudioSystem sees it (DESIGN §7 pitfalls). */
class LoopbackMixerTest {

    private static final String NAME = "wavebench loopback 3";
    private static final AudioFormat FORMAT = Pcm16.monoFormat(48_000f);
    private final LoopbackCable cable = LoopbackCables.cable(NAME);

    @AfterEach
    void resetCable() {
        cable.mixer().close();
        cable.reset();
    }

    private static Mixer.Info info(String name) {
        return Arrays.stream(AudioSystem.getMixerInfo()).filter(i -> i.getName().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError(name + " not among " + Arrays.toString(AudioSystem.getMixerInfo())));
    }

    @Test
    void audio_system_lists_the_four_loopback_mixers_in_a_plain_test_jvm() {
        // Providers are found through the thread context class loader: this runs in surefire's
        // JVM with its default loader, as a CI build does.
        List<String> names = Arrays.stream(AudioSystem.getMixerInfo()).map(Mixer.Info::getName).toList();
        for (int i = 1; i <= 4; i++) assertTrue(names.contains("wavebench loopback " + i), names.toString());
        Mixer.Info one = info("wavebench loopback 1");
        assertEquals("wavebench", one.getVendor());
        assertTrue(one.getDescription().contains("speaker→air→microphone"), one.getDescription());
    }

    @Test
    void mixers_and_infos_are_the_same_objects_on_every_call() {
        assertSame(info(NAME), info(NAME), "Mixer.Info compares by identity");
        assertSame(AudioSystem.getMixer(info(NAME)), AudioSystem.getMixer(info(NAME)));
        assertSame(cable.mixer(), AudioSystem.getMixer(info(NAME)));
    }

    @Test
    void a_thread_whose_context_loader_cannot_see_the_provider_sees_no_loopback_but_mixer_lookup_does() throws Exception {
        AtomicReference<Object[]> seen = new AtomicReference<>();
        Thread thread = new Thread(() -> seen.set(new Object[] {
            Arrays.stream(AudioSystem.getMixerInfo()).map(Mixer.Info::getName).toList(),
            MixerLookup.find(NAME)
        }));
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        thread.start();
        thread.join(5_000);
        assertFalse(((List<?>) seen.get()[0]).contains(NAME), "the DESIGN §7 pitfall is real");
        assertSame(cable.mixer(), seen.get()[1]);
    }

    @Test
    void audio_system_hands_out_loopback_lines_by_mixer_and_by_format() throws Exception {
        SourceDataLine speaker = AudioSystem.getSourceDataLine(FORMAT, info(NAME));
        TargetDataLine mic = (TargetDataLine) AudioSystem.getMixer(info(NAME)).getLine(new DataLine.Info(TargetDataLine.class, FORMAT));
        assertFalse(speaker.isOpen());
        assertEquals(FORMAT.toString(), speaker.getFormat().toString());
        assertTrue(AudioSystem.getMixer(info(NAME)).isLineSupported(new Line.Info(SourceDataLine.class)));
        assertTrue(AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, FORMAT)));
        // Without a mixer AudioSystem picks one that supports the line: on CI, a loopback cable.
        Line any = AudioSystem.getLine(new DataLine.Info(TargetDataLine.class, FORMAT));
        assertTrue(any instanceof LoopbackTargetLine);
        assertEquals(mic.getClass(), any.getClass());
    }

    @Test
    void line_lifecycle_follows_the_javax_sound_contract_and_fires_events() throws Exception {
        cable.mode(LoopbackCable.Mode.FAST);
        SourceDataLine speaker = AudioSystem.getSourceDataLine(FORMAT, info(NAME));
        TargetDataLine mic = AudioSystem.getTargetDataLine(FORMAT, info(NAME));
        List<LineEvent.Type> events = new ArrayList<>();
        mic.addLineListener(e -> events.add(e.getType()));

        mic.open(FORMAT);
        assertTrue(mic.isOpen());
        assertTrue(cable.mixer().isOpen(), "a mixer is open while a line is");
        assertEquals(48_000 * 5 * 2, mic.getBufferSize());
        mic.start();
        assertTrue(mic.isRunning() && mic.isActive());
        speaker.open(FORMAT, 9_600);
        assertEquals(9_600, speaker.getBufferSize());
        speaker.start();
        byte[] pcm = Pcm16.encode(new float[] {0.5f, -0.25f, 0.125f});
        assertEquals(6, speaker.write(pcm, 0, 6));
        speaker.drain();
        assertEquals(3, speaker.getLongFramePosition());
        assertEquals(6, mic.available());
        assertEquals(3, mic.getFramePosition());
        byte[] heard = new byte[4];
        assertEquals(4, mic.read(heard, 0, 4));
        assertArrayEquals(Arrays.copyOf(pcm, 4), heard);
        mic.flush();
        assertEquals(0, mic.available());
        assertThrows(IllegalArgumentException.class, () -> mic.read(new byte[3], 0, 3), "half a frame");
        mic.stop();
        assertEquals(0, mic.read(new byte[2], 0, 2), "a stopped line returns what it has at once");
        mic.close();
        assertFalse(mic.isOpen());
        assertEquals(List.of(LineEvent.Type.OPEN, LineEvent.Type.START, LineEvent.Type.STOP, LineEvent.Type.CLOSE), events);
        assertEquals(1, cable.mixer().getSourceLines().length);
        assertEquals(0, cable.mixer().getTargetLines().length);
        speaker.close();
        assertFalse(cable.mixer().isOpen());
    }

    @Test
    void accepts_44100_hz_and_refuses_other_formats_naming_the_mixer() throws Exception {
        TargetDataLine mic = AudioSystem.getTargetDataLine(FORMAT, info(NAME));
        mic.open(Pcm16.monoFormat(44_100f));
        assertEquals(44_100f, mic.getFormat().getSampleRate());
        mic.close();

        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class, () -> mic.open(Pcm16.monoFormat(22_050f)));
        assertTrue(rate.getMessage().contains(NAME), rate.getMessage());
        AudioFormat stereo = new AudioFormat(48_000f, 16, 2, true, false);
        assertThrows(IllegalArgumentException.class, () -> mic.open(stereo));
        assertFalse(AudioSystem.getMixer(info(NAME)).isLineSupported(new DataLine.Info(SourceDataLine.class, stereo)));
    }

    @Test
    void many_speakers_per_cable_but_one_rate_per_cable() throws Exception {
        SourceDataLine first = AudioSystem.getSourceDataLine(FORMAT, info(NAME));
        first.open(FORMAT);
        SourceDataLine second = AudioSystem.getSourceDataLine(FORMAT, info(NAME));
        second.open(FORMAT);
        assertEquals(2, AudioSystem.getMixer(info(NAME)).getSourceLines().length);

        TargetDataLine mic = AudioSystem.getTargetDataLine(FORMAT, info(NAME));
        LineUnavailableException rate = assertThrows(LineUnavailableException.class, () -> mic.open(Pcm16.monoFormat(44_100f)));
        assertTrue(rate.getMessage().contains(NAME) && rate.getMessage().contains("48000.0 Hz"), rate.getMessage());
        first.close();
        second.close();
        mic.open(Pcm16.monoFormat(44_100f));
        mic.close();
    }

    @Test
    void close_unblocks_a_blocked_read_on_the_line() throws Exception {
        cable.mode(LoopbackCable.Mode.FAST);
        TargetDataLine mic = AudioSystem.getTargetDataLine(FORMAT, info(NAME));
        mic.open(FORMAT);
        mic.start();
        AtomicReference<Integer> got = new AtomicReference<>();
        Thread reader = new Thread(() -> got.set(mic.read(new byte[100], 0, 100)));
        reader.start();
        reader.join(100);
        assertTrue(reader.isAlive(), "read blocks with nothing played");
        mic.close();
        reader.join(5_000);
        assertEquals(0, got.get());
    }
}
