package io.wavebench.drivers.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.audio.loopback.LoopbackCable;
import io.wavebench.drivers.audio.loopback.LoopbackCable.Mode;
import io.wavebench.drivers.audio.loopback.LoopbackCables;
import io.wavebench.drivers.channel.AcousticChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link AudioOut} / {@link AudioIn}, run against every backing this machine has
 * (DESIGN §3). On CI that is the JavaSound lines of the loopback mixer, in both modes, bare and
 * wearing the fault decorators with no fault set ({@link FaultyAudioOut}, {@link FaultyAudioIn}:
 * wearing them changes nothing); a bench with a physical speaker→mic loop could add itself here.
 */
class AudioLinkContractTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String MIXER = "wavebench loopback 1";

    /** A backing: how to make the speaker and the microphones, and whether capture starts exactly. */
    record Backing(String name, Mode mode, boolean faulty) {
        AudioOut out() {
            AudioOut out = new JavaSoundAudioOut(MIXER);
            return faulty ? new FaultyAudioOut(out, 1) : out;
        }

        /** A FAST cable has no clock and hands a whole sound over at once: its microphone's buffer holds one. */
        AudioIn in() {
            AudioIn in = mode == Mode.FAST ? new JavaSoundAudioIn(MIXER, 48_000f, Duration.ofSeconds(5)) : new JavaSoundAudioIn(MIXER);
            return faulty ? new FaultyAudioIn(in, 2) : in;
        }

        void prepare() {
            LoopbackCables.cable(MIXER).reset();
            LoopbackCables.cable(MIXER).mode(mode);
        }

        /** FAST invents no silence, so what is heard starts with what was played. */
        boolean heardFromFirstSample() {
            return mode == Mode.FAST;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Backing> backings() {
        return Stream.of(new Backing("javasound-loopback-fast", Mode.FAST, false), new Backing("javasound-loopback-clocked", Mode.CLOCKED, false),
                new Backing("faulty-clean-over-javasound-loopback-fast", Mode.FAST, true),
                new Backing("faulty-clean-over-javasound-loopback-clocked", Mode.CLOCKED, true));
    }

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : opened) c.close();
        LoopbackCables.cable(MIXER).reset();
    }

    private AudioOut openOut(Backing backing) {
        AudioOut out = backing.out();
        opened.add(out);
        out.open();
        return out;
    }

    private Recorder record(Backing backing) {
        AudioIn in = backing.in();
        opened.add(in);
        in.open();
        return new Recorder(in);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backings")
    void played_signal_is_heard_intact(Backing backing) {
        backing.prepare();
        Recorder mic = record(backing);
        float[] signal = Signals.random(1, 4_800);

        openOut(backing).play(signal);

        int at = mic.awaitSignal(signal, WAIT);
        if (backing.heardFromFirstSample()) {
            assertEquals(0, at, "FAST mode invents no silence before the signal");
        } else {
            float[] before = Arrays.copyOf(mic.heard(), at);
            assertArrayEquals(new float[at], before, "what was heard before the signal is silence");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backings")
    void channel_set_on_the_cable_is_applied(Backing backing) {
        backing.prepare();
        AcousticChannel halfGain = (samples, offset, length) -> {
            float[] out = new float[length];
            for (int i = 0; i < length; i++) out[i] = samples[offset + i] * 0.5f;
            return out;
        };
        LoopbackCables.cable(MIXER).channel(halfGain);
        Recorder mic = record(backing);
        float[] signal = Signals.random(2, 2_400);

        openOut(backing).play(signal);

        // Halving a sample that is a multiple of 2^-15 is exact unless it is odd: compare at 16 bits.
        float[] expected = new float[signal.length];
        for (int i = 0; i < signal.length; i++) expected[i] = Pcm16.toFloat(Pcm16.toShort(signal[i] * 0.5f));
        mic.awaitSignal(expected, WAIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backings")
    void two_captures_on_one_cable_both_hear_the_same(Backing backing) {
        backing.prepare();
        Recorder readerMic = record(backing);
        Recorder evidence = record(backing);
        float[] signal = Signals.random(3, 2_400);

        openOut(backing).play(signal);

        int atReader = readerMic.awaitSignal(signal, WAIT);
        int atEvidence = evidence.awaitSignal(signal, WAIT);
        if (backing.heardFromFirstSample()) {
            assertEquals(0, atReader);
            assertEquals(0, atEvidence);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backings")
    void reset_drops_audio_in_flight_and_restores_defaults(Backing backing) {
        backing.prepare();
        LoopbackCable cable = LoopbackCables.cable(MIXER);
        cable.channel((samples, offset, length) -> new float[length]); // mute
        AudioIn mic = backing.in();
        opened.add(mic);
        mic.open();
        AudioOut out = openOut(backing);
        float[] stale = Signals.random(4, 2_400);
        out.play(stale); // heard (as silence) but never read

        cable.reset();

        assertEquals(LoopbackCable.DEFAULT_MODE, cable.mode());
        assertEquals(AcousticChannel.IDENTITY, cable.channel());
        backing.prepare();
        Recorder recorder = new Recorder(mic);
        float[] fresh = Signals.random(5, 2_400);
        out.play(fresh);
        int at = recorder.awaitSignal(fresh, WAIT);
        if (backing.heardFromFirstSample()) assertEquals(0, at, "nothing from before the reset is heard");
    }

    /**
     * DESIGN §5.7: lines open with the buffer asked for (80 ms unless told), not javax.sound's
     * 0.5 s default, and a sound far longer than the buffer is written through it whole.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backings")
    void lines_open_with_the_buffer_asked_for_and_a_sound_longer_than_it_plays_whole(Backing backing) {
        backing.prepare();
        try (JavaSoundAudioIn small = new JavaSoundAudioIn(MIXER, 48_000f, Duration.ofMillis(50))) {
            small.open();
            assertEquals(50 * 48 * Pcm16.BYTES_PER_SAMPLE, small.lineBufferBytes(), "a microphone line's buffer: 50 ms at 48 kHz, 16-bit mono");
        }
        Recorder recorder = record(backing);
        JavaSoundAudioOut speaker = new JavaSoundAudioOut(MIXER);
        opened.add(speaker);
        speaker.open();
        assertEquals(JavaSoundAudioOut.DEFAULT_LINE_BUFFER, speaker.lineBuffer());
        assertEquals(80 * 48 * Pcm16.BYTES_PER_SAMPLE, speaker.lineBufferBytes(), "the speaker line's buffer: 80 ms by default");
        float[] signal = Signals.random(6, 14_400); // 0.3 s: a short frame, longer than either buffer

        speaker.play(signal);

        recorder.awaitSignal(signal, WAIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backings")
    void close_unblocks_a_reader(Backing backing) throws InterruptedException {
        backing.prepare();
        Recorder mic = record(backing); // nothing plays: FAST blocks in read, CLOCKED reads silence

        assertTrue(mic.closeAndJoin(WAIT), "reader returned -1 after close()");
        assertTrue(mic.ended());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backings")
    void read_after_close_returns_minus_one(Backing backing) {
        backing.prepare();
        AudioIn mic = backing.in();
        mic.open();
        mic.close();
        assertEquals(-1, mic.read(new float[16]));
    }
}
