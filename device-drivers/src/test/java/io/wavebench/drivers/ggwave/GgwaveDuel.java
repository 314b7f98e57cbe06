package io.wavebench.drivers.ggwave;

import io.wavebench.drivers.channel.ChannelModel;
import io.wavebench.drivers.channel.NoiseKind;
import io.wavebench.drivers.channel.ReferenceChannel;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A first duel: on the same sounds through the reference channel (DESIGN §4: phone speaker, room
 * RT60 0.3 s with DRR +10 dB, reader mic, phone clock 200 ppm fast) with noise at a stated in-band
 * SNR over the protocol's band, ggwave's own receiver (the library, under Node) against
 * wavebench's {@link GgwaveReceiver}. Each trial: ggwave's sound for the 18-digit code, after a
 * lead-in that varies by trial and before 0.8 s of silence, through a channel seeded by the trial;
 * a receiver scores when it returns exactly the code, once. Not a test: run it by hand after
 * {@code mvn -pl device-drivers test-compile} with the ggwave library installed (./test does it):
 * {@code java -cp device-drivers/target/classes:device-drivers/target/test-classes:<zxing core jar>
 * io.wavebench.drivers.ggwave.GgwaveDuel [trials] [protocol id]} from device-drivers/.
 */
public final class GgwaveDuel {

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        GgwaveProtocol protocol = GgwaveProtocol.byId(args.length > 1 ? Integer.parseInt(args[1]) : 2).orElseThrow();
        int rate = 48_000;
        byte[] code = GgwavePayloads.all().get("18 digits");
        String expected = HexFormat.of().formatHex(code);
        float[] sound = GgwaveLibrary.encode(protocol, code, rate, 25);
        double rms = GgwaveReceiverLibraryTest.rms(sound);
        System.out.printf(Locale.ROOT, "ggwave duel: %s, 18-digit code, %d trials a point, reference channel, in-band SNR over %.0f-%.0f Hz%n",
                protocol.ggwaveName(), trials, protocol.bandLowHz(), protocol.bandHighHz());
        System.out.printf(Locale.ROOT, "%-7s %8s %10s %10s%n", "noise", "SNR dB", "ggwave", "wavebench");
        for (NoiseKind noise : List.of(NoiseKind.WHITE, NoiseKind.BABBLE)) {
            for (double snr : new double[] {20, 10, 3, 0, -3, -6}) {
                int theirs = 0;
                int ours = 0;
                for (int t = 0; t < trials; t++) {
                    float[] played = GgwavePayloads.padded(sound, rate, 0.4 + 0.05 * t, 0.8);
                    ChannelModel channel = ReferenceChannel.of(noise, snr, rms, protocol.bandLowHz(), protocol.bandHighHz(), 7919L * t + (long) (snr * 10));
                    float[] heard = channel.process(played, 0, played.length);
                    List<String> g = GgwaveLibrary.decode(heard, rate).stream().map(HexFormat.of()::formatHex).toList();
                    if (g.equals(List.of(expected))) theirs++;
                    if (GgwaveReceiverLibraryTest.hex(GgwaveReceiverLibraryTest.listen(heard, rate)).equals(List.of(expected))) ours++;
                }
                System.out.printf(Locale.ROOT, "%-7s %8.0f %7d/%-3d %7d/%-3d%n", noise.name().toLowerCase(Locale.ROOT), snr, theirs, trials, ours, trials);
            }
        }
    }
}
