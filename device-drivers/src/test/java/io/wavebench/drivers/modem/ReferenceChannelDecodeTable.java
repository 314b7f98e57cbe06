package io.wavebench.drivers.modem;

import io.wavebench.drivers.channel.ChannelModel;
import io.wavebench.drivers.channel.NoiseKind;
import io.wavebench.drivers.channel.ReferenceChannel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints how the modem fares through the DESIGN §4 reference channel (phone speaker, RT60 0.3 s
 * at DRR +10 dB, reader mic, +200 ppm, babble unless the first argument names another bed): decoded frames out of {@value #TRIALS} per profile and in-band SNR.
 * A report, not a test: the modem is not tuned to it yet.
 */
public final class ReferenceChannelDecodeTable {

    private static final int TRIALS = 20;
    private static final double[] SNRS = {20, 10, 5, 3, 0};
    private static final float RATE = 48_000;

    public static void main(String[] args) {
        NoiseKind noise = args.length > 0 ? NoiseKind.valueOf(args[0]) : NoiseKind.BABBLE;
        System.out.println("decoded of " + TRIALS + " (64-byte payloads) through the reference channel, " + noise.label());
        for (ModemProfile profile : ModemProfile.values()) {
            AcousticModem modem = AcousticModem.of(profile, RATE);
            ModemParameters p = modem.parameters();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s band %.0f–%.0f Hz:", profile.cliName(), p.preambleLowHz(), p.preambleHighHz()));
            String example = null;
            for (double snr : SNRS) {
                int ok = 0;
                for (int trial = 0; trial < TRIALS; trial++) {
                    byte[] payload = LoopbackTrial.payload(64, trial);
                    LoopbackTrial shape = new LoopbackTrial(modem, 1000 + trial);
                    float[] played = shape.onAir(modem.modulate(payload));
                    ChannelModel channel = ReferenceChannel.of(noise, snr, modem.nominalRms(), p.preambleLowHz(), p.preambleHighHz(), 1000 + trial);
                    if (example == null) example = channel.describe();
                    List<ReceivedFrame> frames = new ArrayList<>();
                    StreamingReceiver receiver = modem.newReceiver(frames::add);
                    for (int at = 0; at < played.length; at += 1024) {
                        float[] heard = channel.process(played, at, Math.min(1024, played.length - at));
                        receiver.accept(heard, 0, heard.length);
                    }
                    if (frames.size() == 1 && Arrays.equals(payload, frames.get(0).payload())) ok++;
                }
                line.append(String.format(Locale.ROOT, "  %4.0f dB: %2d/%d", snr, ok, TRIALS));
            }
            System.out.println(line);
            System.out.println("    e.g. " + example);
        }
    }
}
