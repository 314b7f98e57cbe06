package io.wavebench.drivers.ggwave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wavebench.drivers.channel.NoiseBed;
import io.wavebench.drivers.channel.NoiseKind;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sound that is not ggwave — a minute of white noise, a minute of crowd babble, a minute of
 * music — yields no message, with every protocol listened for at once; and a message right after
 * that minute is still heard (the receiver is never deaf).
 */
class GgwaveNoiseTest {

    private static final int RATE = 48_000;

    @Test
    void a_minute_each_of_white_noise_babble_and_music_yields_nothing_and_a_message_after_is_heard() {
        for (NoiseKind kind : List.of(NoiseKind.WHITE, NoiseKind.BABBLE, NoiseKind.MUSIC)) {
            NoiseBed bed = kind.newBed(2026, RATE);
            List<GgwaveMessage> heard = new ArrayList<>();
            GgwaveReceiver receiver = new GgwaveReceiver(RATE, heard::add);
            float[] block = new float[RATE / 10];
            for (int i = 0; i < 600; i++) {
                fill(bed, block, 0.1);
                receiver.accept(block);
            }
            assertEquals(List.of(), heard.stream().map(m -> m.protocol() + " " + HexFormat.of().formatHex(m.payload())).toList(),
                    "messages heard in a minute of " + kind);
            byte[] code = GgwavePayloads.all().get("18 digits");
            float[] sound = new GgwaveTransmitter(GgwaveProtocol.AUDIBLE_FASTEST, RATE, 25).modulate(code);
            float[] noisy = new float[sound.length + RATE];
            for (int i = 0; i < sound.length; i++) noisy[i] = sound[i];
            float[] noise = new float[noisy.length];
            fill(bed, noise, 0.01);
            for (int i = 0; i < noisy.length; i++) noisy[i] += noise[i];
            receiver.accept(noisy);
            receiver.flush();
            assertEquals(1, heard.size(), "the message after a minute of " + kind);
        }
    }

    /** The bed's next samples at roughly {@code rms} (its own level is roughly unit RMS). */
    private static void fill(NoiseBed bed, float[] out, double rms) {
        bed.fill(out, 0, out.length);
        for (int i = 0; i < out.length; i++) out[i] *= (float) rms;
    }
}
