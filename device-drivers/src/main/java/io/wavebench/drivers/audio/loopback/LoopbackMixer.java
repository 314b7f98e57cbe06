package io.wavebench.drivers.audio.loopback;

import io.wavebench.drivers.audio.Pcm16;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The javax.sound face of a {@link LoopbackCable}: a mixer with any number of speaker lines
 * ({@code SourceDataLine}, summed on the air) and microphone lines ({@code TargetDataLine}), in 16-bit
 * signed little-endian mono at 44.1 or 48 kHz. One instance per cable, for the life of the JVM:
 * AudioSystem compares {@link Mixer.Info} by identity (DESIGN §7).
 */
final class LoopbackMixer extends BareLine implements Mixer {

    static final String VENDOR = "wavebench";
    static final String VERSION = "1";
    static final String DESCRIPTION = "virtual speaker→air→microphone link: what its SourceDataLines play is summed, passes"
        + " through the cable's acoustic channel and is heard on every open TargetDataLine";

    static final AudioFormat[] SUPPORTED_FORMATS = {Pcm16.monoFormat(48_000f), Pcm16.monoFormat(44_100f)};
    static final String SUPPORTED_FORMATS_TEXT = "PCM_SIGNED 16-bit little-endian mono at 48000 or 44100 Hz";
    static final int MIN_BUFFER_BYTES = 64;
    /** One minute at 48 kHz: the bound on any capture or speaker buffer. */
    static final int MAX_BUFFER_BYTES = 60 * 48_000 * Pcm16.BYTES_PER_SAMPLE;

    /** A speaker line's buffer when its opener names none: half a second, like the JDK's own lines. */
    static final double SOURCE_BUFFER_SECONDS = 0.5;
    /**
     * A microphone line's buffer when its opener names none: generous, so a FAST-mode writer can
     * run ahead of a slower reader without loss. A line opened with a buffer of its own
     * (JavaSoundAudioIn's 80 ms) keeps that bound in FAST mode too: there a writer hands a whole
     * sound over at once, so a FAST-mode reader asks for one that holds it.
     */
    static final double TARGET_BUFFER_SECONDS = 5.0;

    static final DataLine.Info SOURCE_INFO =
        new DataLine.Info(SourceDataLine.class, SUPPORTED_FORMATS, MIN_BUFFER_BYTES, MAX_BUFFER_BYTES);
    static final DataLine.Info TARGET_INFO =
        new DataLine.Info(TargetDataLine.class, SUPPORTED_FORMATS, MIN_BUFFER_BYTES, MAX_BUFFER_BYTES);
    private static final Line.Info MIXER_LINE_INFO = new Line.Info(Mixer.class);

    private final LoopbackCable cable;
    private final Info info;
    private volatile boolean explicitlyOpen;

    LoopbackMixer(LoopbackCable cable) {
        this.cable = cable;
        this.info = new Info(cable.name());
    }

    static boolean supports(AudioFormat format) {
        for (AudioFormat supported : SUPPORTED_FORMATS) {
            if (format.matches(supported)) return true;
        }
        return false;
    }

    @Override
    public Mixer.Info getMixerInfo() {
        return info;
    }

    @Override
    public Line.Info[] getSourceLineInfo() {
        return new Line.Info[] {SOURCE_INFO};
    }

    @Override
    public Line.Info[] getTargetLineInfo() {
        return new Line.Info[] {TARGET_INFO};
    }

    @Override
    public Line.Info[] getSourceLineInfo(Line.Info wanted) {
        return wanted.matches(SOURCE_INFO) ? getSourceLineInfo() : new Line.Info[0];
    }

    @Override
    public Line.Info[] getTargetLineInfo(Line.Info wanted) {
        return wanted.matches(TARGET_INFO) ? getTargetLineInfo() : new Line.Info[0];
    }

    @Override
    public boolean isLineSupported(Line.Info wanted) {
        return wanted.matches(SOURCE_INFO) || wanted.matches(TARGET_INFO);
    }

    /** A new, closed line; it joins the cable when opened. */
    @Override
    public Line getLine(Line.Info wanted) throws LineUnavailableException {
        if (wanted.matches(SOURCE_INFO)) return new LoopbackSourceLine(cable, defaultFormat(wanted));
        if (wanted.matches(TARGET_INFO)) return new LoopbackTargetLine(cable, defaultFormat(wanted));
        throw new IllegalArgumentException(cable.name() + ": no line matching " + wanted + "; it offers "
            + SOURCE_INFO + " and " + TARGET_INFO);
    }

    /** The first supported format the request names, else 48 kHz. */
    private static AudioFormat defaultFormat(Line.Info wanted) {
        if (wanted instanceof DataLine.Info) {
            for (AudioFormat asked : ((DataLine.Info) wanted).getFormats()) {
                for (AudioFormat supported : SUPPORTED_FORMATS) {
                    if (asked.matches(supported)) return supported;
                }
            }
        }
        return SUPPORTED_FORMATS[0];
    }

    /** Speakers and microphones unlimited: the air mixes every speaker. */
    @Override
    public int getMaxLines(Line.Info wanted) {
        if (wanted.matches(SOURCE_INFO)) return AudioSystem.NOT_SPECIFIED;
        if (wanted.matches(TARGET_INFO)) return AudioSystem.NOT_SPECIFIED;
        return 0;
    }

    @Override
    public Line[] getSourceLines() {
        cable.lock.lock();
        try {
            return cable.openSources().toArray(new Line[0]);
        } finally {
            cable.lock.unlock();
        }
    }

    @Override
    public Line[] getTargetLines() {
        cable.lock.lock();
        try {
            return cable.openTargets().toArray(new Line[0]);
        } finally {
            cable.lock.unlock();
        }
    }

    @Override
    public void synchronize(Line[] lines, boolean maintainSync) {
        throw new IllegalArgumentException(cable.name() + ": line synchronization is not supported");
    }

    @Override
    public void unsynchronize(Line[] lines) {
        throw new IllegalArgumentException(cable.name() + ": line synchronization is not supported");
    }

    @Override
    public boolean isSynchronizationSupported(Line[] lines, boolean maintainSync) {
        return false;
    }

    @Override
    public Line.Info getLineInfo() {
        return MIXER_LINE_INFO;
    }

    @Override
    public void open() {
        if (explicitlyOpen) return;
        explicitlyOpen = true;
        fire(LineEvent.Type.OPEN, AudioSystem.NOT_SPECIFIED);
    }

    /** Closes the mixer and every line open on it. */
    @Override
    public void close() {
        List<Line> open = new ArrayList<>(List.of(getSourceLines()));
        open.addAll(List.of(getTargetLines()));
        for (Line line : open) line.close();
        if (explicitlyOpen) {
            explicitlyOpen = false;
            fire(LineEvent.Type.CLOSE, AudioSystem.NOT_SPECIFIED);
        }
    }

    /** Open if opened explicitly or while any of its lines is open, as with the JDK's mixers. */
    @Override
    public boolean isOpen() {
        return explicitlyOpen || getSourceLines().length > 0 || getTargetLines().length > 0;
    }

    @Override
    String what() {
        return cable.name();
    }

    @Override
    public String toString() {
        return "LoopbackMixer[" + cable + "]";
    }

    /** Mixer.Info's constructor is protected; compared by identity, so made once per cable. */
    static final class Info extends Mixer.Info {
        Info(String name) {
            super(name, VENDOR, DESCRIPTION, VERSION);
        }
    }
}
