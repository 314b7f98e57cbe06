package io.wavebench.drivers.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * Finds javax.sound mixers by the name a rig file gives (DESIGN §3: "where is data"): the exact
 * name, else a unique case-insensitive substring, so a bench rig can say {@code "USB Audio"} for
 * {@code "USB Audio [plughw:1,0]"}.
 *
 * <p>AudioSystem finds mixer providers through the thread context class loader (DESIGN §7). A
 * thread whose context loader cannot see this library (a pool thread with a null or platform
 * loader, a plugin host) would see none of the providers shipped beside it — on CI that means no
 * mixer at all. Lookups here therefore run with this library's class loader as context loader
 * when the current one cannot see it; when it can, it is left alone so a host's own providers stay
 * visible.
 */
public final class MixerLookup {

    private MixerLookup() {}

    /** Every mixer AudioSystem knows, as seen from this library. */
    public static Mixer.Info[] mixerInfos() {
        return withProviderLoader(AudioSystem::getMixerInfo);
    }

    /** The mixer for {@code info}, resolved the same way as {@link #mixerInfos()}. */
    public static Mixer mixer(Mixer.Info info) {
        return withProviderLoader(() -> AudioSystem.getMixer(info));
    }

    /**
     * The mixer named {@code name}: exact match first, else the only mixer whose name contains it
     * ignoring case.
     *
     * @throws AudioLinkException naming the mixer asked for and listing the mixers that exist
     */
    /**
     * Opens and starts a line of {@code lineClass} in {@code format} on the named mixer; what
     * {@link JavaSoundAudioOut} (a speaker) and {@link JavaSoundAudioIn} (a microphone) share.
     *
     * @param role "speaker" or "microphone", for the error message
     */
    static <T extends DataLine> T openStarted(String mixerName, Class<T> lineClass, AudioFormat format, Duration buffer, String role) {
        Mixer mixer = find(mixerName);
        int bufferBytes = bufferBytes(format, buffer);
        try {
            T line = lineClass.cast(mixer.getLine(new DataLine.Info(lineClass, format)));
            // DataLine has no open(format); a format-less open() would take the line's default
            // format, and open(format) javax.sound's default buffer of 0.5 s, which holds a short
            // sound back on PulseAudio's ALSA plugin (DESIGN §5.7): the buffer is always ours.
            if (line instanceof SourceDataLine speaker) speaker.open(format, bufferBytes);
            else if (line instanceof TargetDataLine microphone) microphone.open(format, bufferBytes);
            else throw new IllegalArgumentException("not a speaker or microphone line: " + lineClass.getSimpleName());
            line.start();
            return line;
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new AudioLinkException(mixerName, "cannot open a " + role + " line " + format + " with a " + buffer.toMillis() + " ms buffer on '"
                + mixer.getMixerInfo().getName() + "': " + e.getMessage(), e);
        }
    }

    /** {@code buffer} of audio in {@code format}, in whole frames. */
    static int bufferBytes(AudioFormat format, Duration buffer) {
        if (buffer.isNegative() || buffer.isZero()) throw new IllegalArgumentException("a line buffer must be positive, got " + buffer);
        long frames = Math.max(1, Math.round(format.getFrameRate() * buffer.toNanos() / 1e9));
        return (int) Math.min(Integer.MAX_VALUE / 2, frames * format.getFrameSize());
    }

    public static Mixer find(String name) {
        return withProviderLoader(() -> {
            Mixer.Info[] infos = AudioSystem.getMixerInfo();
            for (Mixer.Info info : infos) {
                if (info.getName().equals(name)) return AudioSystem.getMixer(info);
            }
            String needle = name.toLowerCase(Locale.ROOT);
            List<Mixer.Info> candidates = new ArrayList<>();
            for (Mixer.Info info : infos) {
                if (info.getName().toLowerCase(Locale.ROOT).contains(needle)) candidates.add(info);
            }
            if (candidates.size() == 1) return AudioSystem.getMixer(candidates.get(0));
            if (candidates.isEmpty()) {
                throw new AudioLinkException(name, "no such mixer; mixers present: " + names(Arrays.asList(infos)), null);
            }
            throw new AudioLinkException(name, "ambiguous, matches " + candidates.size() + " mixers: "
                + names(candidates) + "; give the exact name", null);
        });
    }

    static String names(List<Mixer.Info> infos) {
        if (infos.isEmpty()) return "(none — no sound card, and no mixer provider visible)";
        return infos.stream().map(i -> "'" + i.getName() + "'").collect(Collectors.joining(", "));
    }

    /** Runs {@code call} with a context class loader that can see this library's providers. */
    static <T> T withProviderLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader current = thread.getContextClassLoader();
        ClassLoader ours = MixerLookup.class.getClassLoader();
        if (sees(current, MixerLookup.class)) return call.get();
        thread.setContextClassLoader(ours);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(current);
        }
    }

    private static boolean sees(ClassLoader loader, Class<?> type) {
        if (loader == null) return false;
        try {
            return Class.forName(type.getName(), false, loader) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
