package io.wavebench.drivers.audio;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Run in a JVM of its own whose {@code PULSE_SERVER} is a private PulseAudio server
 * ({@link FaultyAudioInOnPulseAudioTest}; DESIGN §5.7: javax.sound then has one mixer,
 * {@code default}, whose speaker line plays into a null sink and whose microphone line captures
 * its monitor). Plays a 1 kHz tone (on a DC offset, never 0) through the javax.sound speaker, captures it through a
 * {@link FaultyAudioIn} over the javax.sound microphone, drops the microphone out for 300 ms
 * while the tone plays, and prints what it heard, one line a result:
 * {@code tone at S}, {@code silence N at S}, {@code tone after R} (the tone's RMS after the
 * dropout). Prints {@code no-mixer ...} and exits 2 where javax.sound sees no {@code default}
 * mixer; exits 1 on any other failure.
 */
public final class FaultyAudioInOnPulseAudioProbe {

    private static final float RATE = 48_000f;
    private static final int DROPOUT = 14_400; // 300 ms

    public static void main(String[] args) throws Exception {
        try {
            MixerLookup.find("default");
        } catch (AudioLinkException e) {
            System.out.println("no-mixer " + e.getMessage());
            System.exit(2);
        }
        int exit = 0;
        try (FaultyAudioIn mic = new FaultyAudioIn(new JavaSoundAudioIn("default", RATE, JavaSoundAudioIn.DEFAULT_LINE_BUFFER), 16);
             JavaSoundAudioOut speaker = new JavaSoundAudioOut("default", RATE, JavaSoundAudioOut.DEFAULT_LINE_BUFFER)) {
            mic.open();
            speaker.open();
            Capture capture = new Capture(mic);
            float[] tone = new float[(int) (4 * RATE)];
            // Offset from zero, so no sample of the tone itself is silence: every 0 heard is the fault's.
            for (int i = 0; i < tone.length; i++) tone[i] = (float) (0.25 + 0.2 * Math.sin(2 * Math.PI * 1000 * i / RATE));
            Thread player = new Thread(() -> speaker.play(tone), "tone");
            player.start();

            int toneAt = capture.awaitTone(Duration.ofSeconds(5));
            System.out.println("tone at " + toneAt);
            int scheduledAfter = capture.size();
            mic.faults().dropout(Duration.ofMillis(300));
            capture.awaitSamples(scheduledAfter + DROPOUT + (int) RATE, Duration.ofSeconds(5));
            float[] heard = capture.samples();
            int start = -1;
            int run = 0;
            for (int i = scheduledAfter; i < heard.length; i++) {
                if (heard[i] == 0f) {
                    if (run++ == 0) start = i;
                } else if (run >= 1000) {
                    break;
                } else {
                    run = 0;
                }
            }
            System.out.println("silence " + run + " at " + start);
            int after = start + run;
            System.out.printf(Locale.ROOT, "tone after %.2f%n", rms(heard, after, after + 4_800));
            System.out.println("counts " + mic.faults().counts());
            player.join(10_000);
        } catch (RuntimeException | AssertionError e) {
            System.out.println("FAILED " + e);
            e.printStackTrace(System.out);
            exit = 1;
        }
        System.exit(exit);
    }

    private static double rms(float[] s, int from, int to) {
        double sum = 0;
        to = Math.min(to, s.length);
        for (int i = from; i < to; i++) sum += s[i] * s[i];
        return to > from ? Math.sqrt(sum / (to - from)) : 0;
    }

    /** Reads the microphone on its own thread, keeping everything. */
    private static final class Capture {
        private float[] samples = new float[(int) (10 * RATE)];
        private int size;

        Capture(AudioIn in) {
            Thread t = new Thread(() -> {
                float[] b = new float[480];
                for (int n; (n = in.read(b)) >= 0; ) append(b, n);
            }, "capture");
            t.setDaemon(true);
            t.start();
        }

        private synchronized void append(float[] b, int n) {
            if (size + n > samples.length) samples = Arrays.copyOf(samples, 2 * (size + n));
            System.arraycopy(b, 0, samples, size, n);
            size += n;
            notifyAll();
        }

        synchronized int size() {
            return size;
        }

        synchronized float[] samples() {
            return Arrays.copyOf(samples, size);
        }

        /** The first sample of a 10 ms block loud as the tone. */
        synchronized int awaitTone(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int from = 0; ; ) {
                for (; from + 480 <= size; from += 480) if (rms(samples, from, from + 480) > 0.2) return from;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no tone heard within " + timeout.toMillis() + " ms; captured " + size + " samples, last RMS "
                        + rms(samples, Math.max(0, size - 480), size));
                wait(Math.max(1, left / 1_000_000));
            }
        }

        synchronized void awaitSamples(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (size < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("captured " + size + " of " + count + " samples within " + timeout.toMillis() + " ms");
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
