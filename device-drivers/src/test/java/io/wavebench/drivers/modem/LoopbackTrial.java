package io.wavebench.drivers.modem;

import io.wavebench.drivers.channel.ChannelModel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One turn of ggwave's test loop (STYLE: ggwave): a frame after a random stretch of silence,
 * through a {@link ChannelModel}, fed to a receiver in random block sizes. Seeded: the same seed
 * gives the same samples, blocks and outcome.
 */
final class LoopbackTrial {

    final AcousticModem modem;
    final long seed;
    double snrDb = 20;
    double ppm = 100;
    double gainDb = -6;

    LoopbackTrial(AcousticModem modem, long seed) {
        this.modem = modem;
        this.seed = seed;
    }

    /** A seeded payload of {@code size} bytes. */
    static byte[] payload(int size, long seed) {
        byte[] b = new byte[size];
        new SplittableRandom(seed * 31 + size).nextBytes(b);
        return b;
    }

    ChannelModel channel() {
        return ChannelModel.builder().gainDb(gainDb).snrDb(snrDb, modem.nominalRms()).clockOffsetPpm(ppm).seed(seed).build();
    }

    /** Lead-in silence (0.2–1.0 s), then {@code sound}, then 0.3 s of silence, as played. */
    float[] onAir(float[] sound) {
        SplittableRandom r = new SplittableRandom(seed);
        int lead = (int) (modem.sampleRate() * (0.2 + 0.8 * r.nextDouble()));
        int tail = (int) (modem.sampleRate() * 0.3);
        float[] out = new float[lead + sound.length + tail];
        System.arraycopy(sound, 0, out, lead, sound.length);
        return out;
    }

    /** Plays {@code played} through the channel and a new receiver in random blocks of 1..maxBlock samples. */
    List<ReceivedFrame> receive(float[] played, int maxBlock) {
        List<ReceivedFrame> frames = new ArrayList<>();
        StreamingReceiver receiver = modem.newReceiver(frames::add);
        ChannelModel channel = channel();
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int at = 0;
        while (at < played.length) {
            int n = Math.min(played.length - at, 1 + r.nextInt(maxBlock));
            float[] heard = channel.process(played, at, n);
            receiver.accept(heard, 0, heard.length);
            at += n;
        }
        return frames;
    }
}
