package io.wavebench.cli;

import io.wavebench.drivers.channel.AcousticChannel;
import io.wavebench.drivers.channel.NoiseKind;
import io.wavebench.drivers.channel.ReferenceChannel;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemBenchmark;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.reports.LineChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wavebench modem bench}: the modem's figures of DESIGN §6, measured, with a plot. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Measures each profile: airtime of a payment token, frames decoded out of N along an SNR ladder",
            "through a channel, the SNR from which 99 % decode, wrong frames (must be 0), and the",
            "receiver's speed as a multiple of real time on one thread. Optionally draws the curves."
        })
final class ModemBenchCommand implements Callable<Integer> {

    @Option(names = "--profile", paramLabel = "NAME", description = "robust, fast or ultrasonic (default: all).")
    String profile;

    @Option(names = "--trials", defaultValue = "100", paramLabel = "N", description = "Frames per SNR step (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--snr", split = ",", paramLabel = "DB", defaultValue = "20,15,10,6,3,0,-3,-6",
            description = "SNR ladder in dB (default: ${DEFAULT-VALUE}).")
    double[] ladder;

    @Option(names = "--bytes", defaultValue = "201", paramLabel = "N", description = "Payload size (default: ${DEFAULT-VALUE}, a one-way payment token).")
    int bytes;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed for payloads, offsets and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw decode rate against SNR, one line per profile.")
    Path plot;

    @Option(names = "--noise", defaultValue = "babble", paramLabel = "KIND",
            description = "Noise bed of the reference channel: white, pink, babble, subway or music (default: ${DEFAULT-VALUE}).")
    String noise;

    @Override
    public Integer call() throws Exception {
        List<ModemProfile> profiles = profile == null ? List.of(ModemProfile.values()) : List.of(ModemProfile.fromCliName(profile));
        ModemBenchmark.ChannelFactory channel = new ReferenceAir(NoiseKind.valueOf(noise.toUpperCase(java.util.Locale.ROOT)));
        System.out.println("channel: " + channel.describe());
        System.out.println("ladder: " + Arrays.toString(ladder) + " dB, " + trials + " frames of " + bytes + " bytes per step, seed " + seed);
        List<ModemBenchmark.Result> results = new ArrayList<>();
        for (ModemProfile p : profiles) {
            AcousticModem modem = AcousticModem.of(p, 48_000f);
            System.out.printf("%n%s: %d bytes take %.3f s on air%n", p.cliName(), bytes, modem.airtimeSeconds(bytes));
            ModemBenchmark.Result r = new ModemBenchmark(modem, channel, bytes, seed).run(ladder, trials,
                    point -> System.out.printf("  %6.1f dB  %4d/%d decoded  %d wrong%n", point.snrDb(), point.decoded(), point.trials(), point.wrong()));
            results.add(r);
        }
        System.out.printf("%n%-11s %10s %14s %8s %14s%n", "profile", "airtime", "99% from (dB)", "wrong", "receiver");
        for (ModemBenchmark.Result r : results) {
            System.out.printf("%-11s %9.3fs %14s %8d %12.0fx RT%n", r.profile().cliName(), r.airtimeSeconds(),
                    r.snrFor99Percent().isPresent() ? String.format("%.1f", r.snrFor99Percent().getAsDouble()) : "not reached",
                    r.wrongFrames(), r.realTimeFactor());
        }
        if (plot != null) {
            LineChart chart = new LineChart("Frames decoded vs SNR — " + bytes + " B, " + trials + " per point", "SNR (dB)", "decoded").guide(0.99, "99 %");
            for (ModemBenchmark.Result r : results) {
                chart.add(new LineChart.Series(r.profile().cliName(), r.points().stream().mapToDouble(ModemBenchmark.Point::snrDb).toArray(),
                        r.points().stream().mapToDouble(ModemBenchmark.Point::rate).toArray()));
            }
            Files.write(plot, chart.png());
            System.out.println("plot: " + plot.toAbsolutePath());
        }
        return results.stream().anyMatch(r -> r.wrongFrames() > 0) ? 1 : 0;
    }

    /**
     * DESIGN §6's reference channel (phone speaker, room RT60 0.3 s, reader mic) with the noise at
     * the stated SNR over the profile's own occupied band, and the phone's clock 200 ppm fast or
     * slow on alternate trials.
     */
    private record ReferenceAir(NoiseKind noise) implements ModemBenchmark.ChannelFactory {
        @Override
        public AcousticChannel at(double snrDb, AcousticModem modem, long seed) {
            return ReferenceChannel.builder(noise, snrDb, modem.nominalRms(),
                            modem.parameters().preambleLowHz(), modem.parameters().preambleHighHz(), seed)
                    .clockOffsetPpm((seed & 1) == 0 ? ReferenceChannel.CLOCK_OFFSET_PPM : -ReferenceChannel.CLOCK_OFFSET_PPM)
                    .build();
        }

        @Override
        public String describe() {
            return "reference: phone speaker, room RT60 " + ReferenceChannel.RT60_SECONDS + " s (DRR +" + ReferenceChannel.DIRECT_TO_REVERBERANT_DB
                    + " dB), reader mic, " + noise.name().toLowerCase(java.util.Locale.ROOT) + " at the stated SNR over each profile's occupied band, clock ±"
                    + ReferenceChannel.CLOCK_OFFSET_PPM + " ppm";
        }
    }
}
