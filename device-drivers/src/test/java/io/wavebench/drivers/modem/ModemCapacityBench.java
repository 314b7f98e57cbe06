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
 * Prints how close each profile comes to its targets (DESIGN §6: the benchmark decides): airtime
 * of a 201-byte token, then decoded frames out of {@code trials} per in-band SNR step through the
 * reference channel made harder — direct-to-reverberant ratio 6 dB instead of 10, ±150 ppm — with
 * white and babble noise, wrong payloads (must stay 0), and the receiver's speed as a multiple of
 * real time on one thread. Not a test: run after {@code mvn -pl device-drivers test-compile} with
 * {@code java -cp device-drivers/target/classes:device-drivers/target/test-classes:<zxing core jar>
 * io.wavebench.drivers.modem.ModemCapacityBench [trials] [profile…] [v2] [snr=A,B…] [noise=white|babble|music|subway|pink] [rt60=S] [drr=DB]}; {@code v2}
 * sends version-2 frames (convolutional code and Reed-Solomon) for comparison, {@code snr=} replaces
 * the profiles' SNR steps.
 */
public final class ModemCapacityBench {

    static final double DIRECT_TO_REVERBERANT_DB = 6;
    static final double PPM = 150;
    static final int PAYLOAD = 201;

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<ModemProfile> profiles = new ArrayList<>();
        int version = FrameHeader.VERSION;
        double[] snrs = null;
        NoiseKind[] noises = {NoiseKind.WHITE, NoiseKind.BABBLE};
        double rt60 = ReferenceChannel.RT60_SECONDS, drr = DIRECT_TO_REVERBERANT_DB;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("v2")) version = 2;
            else if (args[i].startsWith("noise=")) noises = new NoiseKind[] {NoiseKind.valueOf(args[i].substring(6).toUpperCase(Locale.ROOT))};
            else if (args[i].startsWith("rt60=")) rt60 = Double.parseDouble(args[i].substring(5));
            else if (args[i].startsWith("drr=")) drr = Double.parseDouble(args[i].substring(4));
            else if (args[i].startsWith("snr=")) snrs = Arrays.stream(args[i].substring(4).split(",")).mapToDouble(Double::parseDouble).toArray();
            else profiles.add(ModemProfile.fromCliName(args[i]));
        }
        if (profiles.isEmpty()) profiles.addAll(Arrays.asList(ModemProfile.values()));
        float rate = 48_000;
        System.out.printf(Locale.ROOT, "wavebench modem capacity bench: frame version %d, %d trials a step, %d-byte payloads, %.0f Hz, "
                + "reference channel at RT60 %.2f s, DRR %.0f dB, ±%.0f ppm, in-band SNR%n", version, trials, PAYLOAD, rate, rt60, drr, PPM);
        for (ModemProfile profile : profiles) {
            AcousticModem modem = AcousticModem.of(profile, rate);
            FrameLayout layout = new FrameLayout(new CarrierPlan(modem.parameters()), PAYLOAD, version);
            System.out.printf(Locale.ROOT, "%n%-10s airtime %d B: %.3f s (%d data symbols, %s)%n", profile.cliName(), PAYLOAD,
                    modem.airtimeSeconds(PAYLOAD, version), layout.dataSymbols, layout.code);
            for (double snr : snrs != null ? snrs : steps(profile)) {
                for (NoiseKind noise : noises) {
                    Result r = run(modem, version, trials, noise, snr, rt60, drr);
                    System.out.printf(Locale.ROOT, "  %-6s SNR %5.1f dB: decoded %3d/%d (headers %3d), wrong %d, receiver %.0fx real time%n",
                            noise.name().toLowerCase(Locale.ROOT), snr, r.ok, trials, r.headers, r.wrong, r.realTime);
                }
            }
        }
    }

    static double[] steps(ModemProfile profile) {
        return switch (profile) {
            case ROBUST -> new double[] {6, 3, 1};
            case FAST -> new double[] {15, 12, 9};
            case ULTRASONIC -> new double[] {11, 8, 5};
        };
    }

    /** realTime: seconds of sound per second of the receiving thread's CPU time (other processes do not count). */
    record Result(int ok, int headers, int wrong, double realTime) {
    }

    static Result run(AcousticModem modem, int version, int trials, NoiseKind noise, double snr, double rt60, double drr) {
        ModemParameters p = modem.parameters();
        int ok = 0, wrong = 0, headers = 0;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long nanos = 0, samples = 0;
        for (int t = 0; t < trials; t++) {
            long seed = 1000 + t;
            byte[] payload = LoopbackTrial.payload(PAYLOAD, seed);
            ChannelModel channel = ReferenceChannel.builder(noise, snr, modem.nominalRms(), p.preambleLowHz(), p.preambleHighHz(), seed)
                    .roomRt60(rt60, drr)
                    .clockOffsetPpm((t % 2 == 0 ? 1 : -1) * PPM)
                    .build();
            float[] played = new LoopbackTrial(modem, seed).onAir(modem.modulate(payload, version));
            float[] heard = channel.process(played, 0, played.length);
            List<ReceivedFrame> frames = new ArrayList<>();
            StreamingReceiver receiver = modem.newReceiver(frames::add);
            long start = cpu.getCurrentThreadCpuTime();
            for (int at = 0; at < heard.length; at += 1024) receiver.accept(heard, at, Math.min(1024, heard.length - at));
            nanos += cpu.getCurrentThreadCpuTime() - start;
            if (receiver.headersDecoded() > 0) headers++;
            samples += heard.length;
            boolean good = false;
            for (ReceivedFrame f : frames) {
                if (Arrays.equals(f.payload(), payload)) good = true;
                else wrong++;
            }
            if (good && frames.size() == 1) ok++;
        }
        return new Result(ok, headers, wrong, samples / (double) modem.sampleRate() / (nanos / 1e9));
    }
}
