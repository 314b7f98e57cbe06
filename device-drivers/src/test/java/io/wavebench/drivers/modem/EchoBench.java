package io.wavebench.drivers.modem;

import io.wavebench.drivers.channel.ChannelModel;
import io.wavebench.drivers.channel.NoiseKind;
import io.wavebench.drivers.channel.ReferenceChannel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints how the modem carries echo longer than its cyclic prefix (DESIGN §4: "echoes (RT60 up to
 * 0.5 s)"): the reference channel (phone speaker, RT60 0.3 s, reader mic, white noise at an in-band
 * SNR, clock ±200 ppm alternating) at a stated direct-to-reverberant ratio, per profile: frames
 * decoded out of the trials and wrong payloads per SNR step, and the receiver's speed as a multiple
 * of real time in the receiving thread's CPU time (lead-in silence and tail included, as a listening reader sees them).
 * DRR 0 dB is a phone at the room's critical distance, DRR +10 dB the reference channel's.
 *
 * <p>Not a test: run by hand after {@code mvn -pl device-drivers test-compile}:
 * {@code java -cp device-drivers/target/classes:device-drivers/target/test-classes:<deps>
 * io.wavebench.drivers.modem.EchoBench [trials] [profiles, e.g. robust,fast or all] [DRRs, e.g. 0,10]
 * [SNRs per profile as robust=3,6;fast=10,15]}.
 */
public final class EchoBench {

    private static final float RATE = 48_000;
    /** The receiver's own CPU time, not wall time: the figure holds on a machine shared with other work. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<ModemProfile> profiles = new ArrayList<>();
        if (args.length < 2 || args[1].equals("all")) profiles.addAll(List.of(ModemProfile.values()));
        else for (String name : args[1].split(",")) profiles.add(ModemProfile.valueOf(name.toUpperCase(Locale.ROOT)));
        double[] drrs = args.length > 2 ? parse(args[2]) : new double[] {0, 10};
        System.out.printf(Locale.ROOT, "echo bench: %d trials a step, 201-byte token, %.0f Hz, reference channel (RT60 %.1f s), white noise, clock ±%.0f ppm%n",
                trials, RATE, ReferenceChannel.RT60_SECONDS, ReferenceChannel.CLOCK_OFFSET_PPM);
        for (ModemProfile profile : profiles) {
            AcousticModem modem = AcousticModem.of(profile, RATE);
            double[] snrs = snrsFor(profile, args.length > 3 ? args[3] : "");
            System.out.printf(Locale.ROOT, "%n%-10s airtime 201 B %.3f s, prefix %.1f ms%n", profile.cliName(),
                    modem.airtimeSeconds(201), 1000.0 * modem.parameters().cyclicPrefix() / RATE);
            for (double drr : drrs) {
                for (double snr : snrs) {
                    Result r = run(modem, trials, snr, drr);
                    System.out.printf(Locale.ROOT, "  DRR %+5.1f dB  SNR %5.1f dB: decoded %3d/%d  wrong %d  headers lost %d  receiver %4.0fx real time%n",
                            drr, snr, r.ok, trials, r.wrong, r.headersLost, r.realTime);
                }
            }
        }
    }

    private static double[] snrsFor(ModemProfile profile, String spec) {
        for (String part : spec.split(";")) {
            String[] kv = part.split("=");
            if (kv.length == 2 && kv[0].equalsIgnoreCase(profile.cliName())) return parse(kv[1]);
        }
        return switch (profile) {
            case ROBUST -> new double[] {3, 6, 10};
            case FAST -> new double[] {10, 15, 20};
            case ULTRASONIC -> new double[] {6, 10, 15};
        };
    }

    private static double[] parse(String list) {
        return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** {@code headersLost}: trials where no header decoded (the payload was never tried). */
    record Result(int ok, int wrong, int headersLost, double realTime) {
    }

    static Result run(AcousticModem modem, int trials, double snr, double drr) {
        ModemParameters p = modem.parameters();
        int ok = 0, wrong = 0, headersLost = 0;
        long nanos = 0, samples = 0;
        for (int t = 0; t < trials; t++) {
            long seed = 2026 + t;
            byte[] payload = LoopbackTrial.payload(201, seed);
            float[] played = new LoopbackTrial(modem, seed).onAir(modem.modulate(payload));
            ChannelModel channel = ReferenceChannel.builder(NoiseKind.WHITE, snr, modem.nominalRms(), p.preambleLowHz(), p.preambleHighHz(), seed)
                    .roomRt60(ReferenceChannel.RT60_SECONDS, drr)
                    .clockOffsetPpm((t % 2 == 0 ? 1 : -1) * ReferenceChannel.CLOCK_OFFSET_PPM)
                    .build();
            float[] heard = channel.process(played, 0, played.length);
            List<ReceivedFrame> frames = new ArrayList<>();
            StreamingReceiver receiver = modem.newReceiver(frames::add);
            long start = CPU.getCurrentThreadCpuTime();
            for (int at = 0; at < heard.length; at += 1024) receiver.accept(heard, at, Math.min(1024, heard.length - at));
            nanos += CPU.getCurrentThreadCpuTime() - start;
            if (receiver.headersDecoded() == 0) headersLost++;
            samples += heard.length;
            boolean good = false;
            for (ReceivedFrame f : frames) {
                if (Arrays.equals(f.payload(), payload)) good = true;
                else wrong++;
            }
            if (good) ok++;
        }
        return new Result(ok, wrong, headersLost, samples / (double) modem.sampleRate() / (nanos / 1e9));
    }
}
