package io.wavebench.drivers.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.channel.NoiseBed;
import io.wavebench.drivers.channel.NoiseKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §4: an hour of sound that is not a payment — noise, crowd babble, music, at
 * levels from a quiet room to a clipping microphone — must yield no frame at all, and the receiver
 * must not go deaf after its false triggers (ggwave is deaf for ≈38 s after one). Every receiver
 * hears the same hour, generated here and run far faster than real time; every five minutes one
 * real frame of one profile sits at the end of the noise, 50 ms after a sound of the same profile
 * that was cut off part-way (a sure false trigger), and exactly the real frames must come out,
 * each only from its own profile's receiver.
 */
class FalseTriggerTest {

    private static final int RATE = 48_000;
    private static final int MINUTES = 60;
    private static final int CHUNK = RATE / 100;
    /** One minute in three each: broadband noise (white, pink, subway in turn), babble, music. */
    private static final NoiseKind[] NOISES = {NoiseKind.WHITE, NoiseKind.PINK, NoiseKind.SUBWAY};

    @Test
    void an_hour_of_noise_babble_and_music_yields_no_frame_and_no_deaf_time() throws Exception {
        Random random = new Random(2026);
        Map<ModemProfile, AcousticModem> modems = new EnumMap<>(ModemProfile.class);
        Map<ModemProfile, List<ReceivedFrame>> heard = new EnumMap<>(ModemProfile.class);
        Map<ModemProfile, StreamingReceiver> receivers = new EnumMap<>(ModemProfile.class);
        Map<ModemProfile, List<byte[]>> sent = new EnumMap<>(ModemProfile.class);
        Map<ModemProfile, Long> receiverNanos = new EnumMap<>(ModemProfile.class);
        for (ModemProfile profile : ModemProfile.values()) {
            AcousticModem modem = AcousticModem.of(profile, RATE);
            List<ReceivedFrame> frames = new ArrayList<>();
            modems.put(profile, modem);
            heard.put(profile, frames);
            receivers.put(profile, modem.newReceiver(frames::add));
            sent.put(profile, new ArrayList<>());
            receiverNanos.put(profile, 0L);
        }
        Map<NoiseKind, NoiseBed> beds = new EnumMap<>(NoiseKind.class);
        for (NoiseKind kind : NoiseKind.values()) beds.put(kind, kind.newBed(random.nextLong(), RATE));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        float[] minute = new float[60 * RATE];
        int inserted = 0;
        try {
            for (int m = 0; m < MINUTES; m++) {
                NoiseKind kind = switch (m % 3) {
                    case 0 -> NOISES[(m / 3) % NOISES.length];
                    case 1 -> NoiseKind.BABBLE;
                    default -> NoiseKind.MUSIC;
                };
                beds.get(kind).fill(minute, 0, minute.length);
                boolean framed = m % 5 == 4;
                // From a quiet room (-50 dBFS) to a loud one (-10 dBFS); one minute in seven drives
                // the microphone into clipping. A minute that carries a frame is moderately loud.
                double levelDb = framed ? -40 : -50 + 40 * random.nextDouble();
                boolean clipping = !framed && m % 7 == 3;
                scaleToRms(minute, clipping ? 0.7 : Math.pow(10, levelDb / 20));
                if (clipping) clip(minute, 0.5f);
                if (framed) {
                    ModemProfile profile = ModemProfile.values()[inserted++ % ModemProfile.values().length];
                    AcousticModem modem = modems.get(profile);
                    byte[] payload = new byte[201];
                    random.nextBytes(payload);
                    sent.get(profile).add(payload);
                    float[] frame = modem.modulate(payload);
                    // A sound cut off after its preamble and part of its data (a phone pulled
                    // away): a sure false trigger, 50 ms before the real frame.
                    byte[] other = new byte[201];
                    random.nextBytes(other);
                    float[] cut = Arrays.copyOf(modem.modulate(other), frame.length * 2 / 5);
                    // At the end of the minute: after minutes of noise.
                    int at = minute.length - frame.length - RATE / 2 - random.nextInt(RATE * 5);
                    int cutAt = at - RATE / 20 - cut.length;
                    float gain = (float) (Math.pow(10, -20 / 20.0) / modem.nominalRms());
                    for (int i = 0; i < cut.length; i++) minute[cutAt + i] += gain * cut[i];
                    for (int i = 0; i < frame.length; i++) minute[at + i] += gain * frame[i];
                }
                List<Future<?>> feeding = new ArrayList<>();
                for (ModemProfile profile : ModemProfile.values()) {
                    feeding.add(pool.submit(() -> {
                        StreamingReceiver receiver = receivers.get(profile);
                        long start = System.nanoTime();
                        for (int at = 0; at < minute.length; at += CHUNK) receiver.accept(minute, at, Math.min(CHUNK, minute.length - at));
                        long spent = System.nanoTime() - start;
                        synchronized (receiverNanos) {
                            receiverNanos.merge(profile, spent, Long::sum);
                        }
                    }));
                }
                for (Future<?> f : feeding) f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (ModemProfile profile : ModemProfile.values()) {
            StreamingReceiver receiver = receivers.get(profile);
            System.out.printf(Locale.ROOT, "false triggers, %s: %d min of noise/babble/music, %d preamble triggers, %d frames decoded of %d sent, receiver %.0fx real time%n",
                    profile.cliName(), MINUTES, receiver.falseTriggers(), heard.get(profile).size(), sent.get(profile).size(),
                    MINUTES * 60.0 / (receiverNanos.get(profile) / 1e9));
        }
        for (ModemProfile profile : ModemProfile.values()) {
            List<ReceivedFrame> frames = heard.get(profile);
            for (ReceivedFrame frame : frames) {
                boolean wasSent = sent.get(profile).stream().anyMatch(p -> Arrays.equals(p, frame.payload()));
                assertTrue(wasSent, () -> profile.cliName() + " receiver made a frame out of noise at sample " + frame.startSample()
                        + ": " + HexFormat.of().formatHex(frame.payload()));
            }
            assertTrue(receivers.get(profile).falseTriggers() >= sent.get(profile).size(),
                    () -> profile.cliName() + ": every cut-off sound should have triggered the receiver");
            // No deaf time: every frame, each right after a false trigger, is heard, once.
            assertEquals(sent.get(profile).size(), frames.size(),
                    () -> profile.cliName() + " receiver missed a frame after noise: heard " + frames.size() + " of " + sent.get(profile).size());
        }
    }

    private static void scaleToRms(float[] samples, double rms) {
        double sum = 0;
        for (float s : samples) sum += (double) s * s;
        double now = Math.sqrt(sum / samples.length);
        float g = (float) (rms / Math.max(now, 1e-12));
        for (int i = 0; i < samples.length; i++) samples[i] *= g;
    }

    private static void clip(float[] samples, float level) {
        for (int i = 0; i < samples.length; i++) samples[i] = Math.max(-level, Math.min(level, samples[i]));
    }
}
