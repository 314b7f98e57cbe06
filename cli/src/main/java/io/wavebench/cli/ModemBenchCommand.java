package io.wavebench.cli;

import io.wavebench.drivers.channel.AcousticChannel;
import io.wavebench.drivers.channel.NoiseKind;
import io.wavebench.drivers.channel.ReferenceChannel;
import io.wavebench.drivers.sound.SoundBenchmark;
import io.wavebench.drivers.sound.SoundProtocol;
import io.wavebench.drivers.sound.SoundProtocols;
import io.wavebench.drivers.sound.SoundTransmitter;
import io.wavebench.reports.LineChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wavebench modem bench}: a sound protocol's figures of DESIGN §6, measured, with a plot. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Measures each mode of a sound protocol (wavebench's profiles by default): airtime of a payment token,",
            "messages decoded out of N along an SNR ladder through a channel, the SNR from which 99 %% decode,",
            "wrong messages (must be 0), and the receiver's speed as a multiple of real time on one thread.",
            "Optionally draws the curves."
        })
final class ModemBenchCommand implements Callable<Integer> {

    @Option(names = "--protocol", defaultValue = SoundProtocols.DEFAULT, paramLabel = "NAME",
            description = "The sound protocol measured (default: ${DEFAULT-VALUE}); `wavebench modem protocols` lists them.")
    String protocol;

    @Option(names = {"--mode", "--profile"}, paramLabel = "NAME", description = "One mode, e.g. robust, fast or ultrasonic (default: every mode of the protocol).")
    String mode;

    @Option(names = "--trials", defaultValue = "100", paramLabel = "N", description = "Frames per SNR step (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--snr", split = ",", paramLabel = "DB", defaultValue = "20,15,10,6,3,0,-3,-6",
            description = "SNR ladder in dB (default: ${DEFAULT-VALUE}).")
    double[] ladder;

    @Option(names = "--bytes", paramLabel = "N", description = "Payload size (default: 201, a one-way payment token, or the mode's longest message if shorter).")
    Integer bytes;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed for payloads, offsets and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw decode rate against SNR, one line per mode.")
    Path plot;

    @Option(names = "--noise", defaultValue = "babble", paramLabel = "KIND",
            description = "Noise bed of the reference channel: white, pink, babble, subway or music (default: ${DEFAULT-VALUE}).")
    String noise;

    @Override
    public Integer call() throws Exception {
        SoundProtocol p = SoundProtocols.named(protocol);
        List<String> modes = mode == null ? p.modes() : List.of(p.mode(mode));
        SoundBenchmark.ChannelFactory channel = new ReferenceAir(NoiseKind.valueOf(noise.toUpperCase(Locale.ROOT)));
        System.out.println("protocol: " + p.name() + " — " + p.description());
        System.out.println("channel: " + channel.describe());
        System.out.println("ladder: " + Arrays.toString(ladder) + " dB, " + trials + " messages per step, seed " + seed);
        List<SoundBenchmark.Result> results = new ArrayList<>();
        for (String m : modes) {
            int size = bytes != null ? bytes : Math.min(PAYMENT_TOKEN_BYTES, p.maxPayloadBytes(m));
            SoundBenchmark bench = new SoundBenchmark(p, m, 48_000f, channel, size, seed);
            System.out.printf("%n%s: %d bytes take %.3f s on air%n", m, size, bench.airtimeSeconds());
            results.add(bench.run(ladder, trials,
                    point -> System.out.printf("  %6.1f dB  %4d/%d decoded  95 %% interval %-14s %d wrong%n", point.snrDb(), point.decoded(), point.trials(),
                            point.interval(), point.wrong())));
        }
        System.out.printf("%n%-17s %6s %10s %14s %20s %8s %14s%n", "mode", "bytes", "airtime", "99% from (dB)", "99% at 95% conf. (dB)", "wrong", "receiver");
        for (SoundBenchmark.Result r : results) {
            System.out.printf("%-17s %6d %9.3fs %14s %20s %8d %12.0fx RT%n", r.mode(), r.payloadBytes(), r.airtimeSeconds(),
                    r.snrFor99Percent().isPresent() ? String.format("%.1f", r.snrFor99Percent().getAsDouble()) : "not reached",
                    r.snrFor99PercentAt95Confidence().isPresent() ? String.format("%.1f", r.snrFor99PercentAt95Confidence().getAsDouble())
                            : trials < 381 ? "needs 381 a step" : "not reached",
                    r.wrongMessages(), r.realTimeFactor());
        }
        if (plot != null) {
            LineChart chart = new LineChart("Messages decoded vs SNR — " + p.name() + ", " + trials + " per point", "SNR (dB)", "decoded").guide(0.99, "99 %");
            for (SoundBenchmark.Result r : results) {
                chart.add(new LineChart.Series(r.mode(), r.points().stream().mapToDouble(SoundBenchmark.Point::snrDb).toArray(),
                        r.points().stream().mapToDouble(SoundBenchmark.Point::rate).toArray()));
            }
            Files.write(plot, chart.png());
            System.out.println("plot: " + plot.toAbsolutePath());
        }
        return results.stream().anyMatch(r -> r.wrongMessages() > 0) ? 1 : 0;
    }

    /** DESIGN §5.1: a one-way payment token is 201 bytes. */
    private static final int PAYMENT_TOKEN_BYTES = 201;

    /**
     * DESIGN §6's reference channel (phone speaker, room RT60 0.3 s, reader mic) with the noise at
     * the stated SNR over the profile's own occupied band, and the phone's clock 200 ppm fast or
     * slow on alternate trials.
     */
    private record ReferenceAir(NoiseKind noise) implements SoundBenchmark.ChannelFactory {
        @Override
        public AcousticChannel at(double snrDb, SoundTransmitter transmitter, long seed) {
            return ReferenceChannel.builder(noise, snrDb, transmitter.nominalRms(), transmitter.band().lowHz(), transmitter.band().highHz(), seed)
                    .clockOffsetPpm((seed & 1) == 0 ? ReferenceChannel.CLOCK_OFFSET_PPM : -ReferenceChannel.CLOCK_OFFSET_PPM)
                    .build();
        }

        @Override
        public String describe() {
            return "reference: phone speaker, room RT60 " + ReferenceChannel.RT60_SECONDS + " s (DRR +" + ReferenceChannel.DIRECT_TO_REVERBERANT_DB
                    + " dB), reader mic, " + noise.name().toLowerCase(Locale.ROOT) + " at the stated SNR over each mode's occupied band, clock ±"
                    + ReferenceChannel.CLOCK_OFFSET_PPM + " ppm";
        }
    }
}
