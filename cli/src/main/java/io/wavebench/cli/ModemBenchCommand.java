package io.wavebench.cli;

import io.wavebench.drivers.channel.AcousticChannel;
import io.wavebench.drivers.channel.AudioPath;
import io.wavebench.drivers.channel.ChannelModel;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code wavebench modem bench}: a sound protocol's figures of DESIGN §6, measured, with a plot. */
@Command(name = "bench", mixinStandardHelpOptions = true, usageHelpWidth = 130,
        description = {
            "Measures each mode of a sound protocol (wavebench's profiles by default): airtime of a payment token,",
            "messages decoded out of N along an SNR ladder through a channel, the SNR from which 99 %% decode,",
            "wrong messages (must be 0), and the receiver's speed as a multiple of real time on one thread.",
            "Beside each step: the Shannon capacity of the mode's occupied band B at that in-band SNR,",
            "C = B·log2(1 + SNR), and the airtime the payload would need at capacity. Optionally draws the curves.",
            "",
            "The channel is the reference one (DESIGN §4): phone speaker, room RT60 0.3 s (direct-to-reverberant --drr, +10 dB),",
            "reader mic, noise at the stated SNR over the mode's band, clock ±200 ppm. --path adds what a phone and a reader",
            "do to the sound besides their transducers (io.wavebench.drivers.channel.AudioPath; rig files: channel.path):",
            "  phone, before its speaker:",
            "    mixer      the phone's mixer at 44.1 kHz: 48 kHz sound resampled there and back by a polyphase windowed sinc",
            "               as AOSP's AudioResamplerDyn at its defaults (90 dB stopband from 22.05 kHz, 64 taps a phase,",
            "               so flat only to ≈18.1 kHz: the top of the ultrasonic band loses level);",
            "    limiter    speaker protection as Android's DynamicsProcessing limiter defaults: -2 dBFS, 10:1, attack 1 ms,",
            "               release 60 ms, with a 1 ms look-ahead holding a -1 dBFS ceiling;",
            "    bluetooth  (preset 'bluetooth' only) an A2DP SBC speaker: low-pass from 16 kHz, 200 ms latency;",
            "  reader, after its mic:",
            "    AGC        to -18 dBFS RMS, gain -20..+30 dB, attack 50 ms, release 500 ms; it climbs in silence, so a",
            "               burst's start comes out too loud and the ADC (clipping at full scale with --path) clips it;",
            "    NS         a Wiener noise suppressor (12 dB, WebRTC's default level) whose noise estimate settles in 1.5 s:",
            "               whatever stays steady that long (a modem's carriers) is taken as noise.",
            "Presets: phone-to-reader (the default for --path), bluetooth, none."
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

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw decode rate against SNR, one line per mode, each step's Wilson 95 %% interval as a bar.")
    Path plot;

    @Option(names = "--noise", defaultValue = "babble", paramLabel = "KIND",
            description = "Noise bed of the reference channel: white, pink, babble, subway or music (default: ${DEFAULT-VALUE}).")
    String noise;

    @Spec
    CommandSpec spec;

    @Option(names = "--path", arity = "0..1", fallbackValue = AudioPath.PHONE_TO_READER, paramLabel = "PRESET",
            description = "Measure through a phone's and a reader's audio path (see above): phone-to-reader (the default when no preset is named), bluetooth or none.")
    String path;

    @Option(names = "--drr", defaultValue = "10", paramLabel = "DB",
            description = "The room's direct-to-reverberant ratio (default: ${DEFAULT-VALUE} dB, the reference channel's; 0 dB puts the reader at the room's critical distance).")
    double drrDb;

    @Override
    public Integer call() throws Exception {
        SoundProtocol p = SoundProtocols.named(protocol);
        List<String> modes = mode == null ? p.modes() : List.of(p.mode(mode));
        AudioPath audioPath;
        try {
            audioPath = path == null ? AudioPath.EMPTY : AudioPath.preset(path);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--path " + e.getMessage());
        }
        SoundBenchmark.ChannelFactory channel = new ReferenceAir(NoiseKind.valueOf(noise.toUpperCase(Locale.ROOT)), drrDb, audioPath);
        System.out.println("protocol: " + p.name() + " — " + p.description());
        System.out.println("channel: " + channel.describe());
        System.out.println("ladder: " + Arrays.toString(ladder) + " dB, " + trials + " messages per step, seed " + seed);
        List<SoundBenchmark.Result> results = new ArrayList<>();
        for (String m : modes) {
            int size = bytes != null ? bytes : Math.min(PAYMENT_TOKEN_BYTES, p.maxPayloadBytes(m));
            SoundBenchmark bench = new SoundBenchmark(p, m, 48_000f, channel, size, seed);
            SoundTransmitter.Band band = p.transmitter(m, 48_000f).band();
            double bandwidth = band.highHz() - band.lowHz();
            System.out.printf("%n%s: %d bytes take %.3f s on air; its band %.0f–%.0f Hz (B = %.0f Hz) at capacity:%s%n", m, size, bench.airtimeSeconds(),
                    band.lowHz(), band.highHz(), bandwidth, capacityLine(bandwidth, size));
            results.add(bench.run(ladder, trials,
                    point -> System.out.printf("  %6.1f dB  %4d/%d decoded  95 %% interval %-14s %d wrong   capacity %6.1f kbit/s, %d B in %.3f s%n",
                            point.snrDb(), point.decoded(), point.trials(), point.interval(), point.wrong(),
                            capacityBitsPerSecond(bandwidth, point.snrDb()) / 1000, size, airtimeAtCapacity(bandwidth, point.snrDb(), size))));
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
            LineChart chart = new LineChart("Messages decoded vs SNR — " + p.name() + ", " + trials + " per point, bars: Wilson 95 % interval",
                    "SNR (dB)", "decoded").guide(0.99, "99 %");
            for (SoundBenchmark.Result r : results) {
                chart.add(new LineChart.Series(r.mode(), r.points().stream().mapToDouble(SoundBenchmark.Point::snrDb).toArray(),
                        r.points().stream().mapToDouble(SoundBenchmark.Point::rate).toArray(),
                        r.points().stream().mapToDouble(point -> point.interval().low()).toArray(),
                        r.points().stream().mapToDouble(point -> point.interval().high()).toArray()));
            }
            Files.write(plot, chart.png());
            System.out.println("plot: " + plot.toAbsolutePath());
        }
        return results.stream().anyMatch(r -> r.wrongMessages() > 0) ? 1 : 0;
    }

    /** Shannon: C = B·log2(1 + S/N) for an additive white Gaussian noise channel of bandwidth B. */
    static double capacityBitsPerSecond(double bandwidthHz, double snrDb) {
        return bandwidthHz * Math.log(1 + Math.pow(10, snrDb / 10)) / Math.log(2);
    }

    /** The shortest airtime {@code bytes} could take at capacity. */
    static double airtimeAtCapacity(double bandwidthHz, double snrDb, int bytes) {
        return bytes * 8 / capacityBitsPerSecond(bandwidthHz, snrDb);
    }

    private String capacityLine(double bandwidthHz, int bytes) {
        StringBuilder line = new StringBuilder();
        for (double snr : ladder) line.append(String.format(Locale.ROOT, " %.0f dB %.3f s;", snr, airtimeAtCapacity(bandwidthHz, snr, bytes)));
        return line.substring(0, line.length() - 1);
    }

    /** DESIGN §5.1: a one-way payment token is 201 bytes. */
    private static final int PAYMENT_TOKEN_BYTES = 201;

    /**
     * DESIGN §6's reference channel (phone speaker, room RT60 0.3 s, reader mic) with the noise at
     * the stated SNR over the profile's own occupied band, and the phone's clock 200 ppm fast or
     * slow on alternate trials; the room at {@code drrDb}, and with an audio path the reader's ADC
     * clipping at full scale (an AGC can drive it there).
     */
    private record ReferenceAir(NoiseKind noise, double drrDb, AudioPath path) implements SoundBenchmark.ChannelFactory {
        @Override
        public AcousticChannel at(double snrDb, SoundTransmitter transmitter, long seed) {
            ChannelModel.Builder b = ReferenceChannel.builder(noise, snrDb, transmitter.nominalRms(), transmitter.band().lowHz(), transmitter.band().highHz(), seed)
                    .roomRt60(ReferenceChannel.RT60_SECONDS, drrDb)
                    .clockOffsetPpm((seed & 1) == 0 ? ReferenceChannel.CLOCK_OFFSET_PPM : -ReferenceChannel.CLOCK_OFFSET_PPM);
            if (path != AudioPath.EMPTY) b.path(path).clipAt(1);
            return b.build();
        }

        @Override
        public String describe() {
            return "reference: " + (path == AudioPath.EMPTY ? "" : "[phone: " + path.withAgc(null).withNoiseSuppression(null).describe() + "] ")
                    + "phone speaker, room RT60 " + ReferenceChannel.RT60_SECONDS + " s (DRR " + String.format(Locale.ROOT, "%+.1f", drrDb)
                    + " dB), reader mic, " + noise.name().toLowerCase(Locale.ROOT) + " at the stated SNR over each mode's occupied band"
                    + (path == AudioPath.EMPTY ? "" : ", [reader: " + new AudioPath(null, null, null, path.agc(), path.noiseSuppression()).describe() + "]")
                    + ", clock ±" + ReferenceChannel.CLOCK_OFFSET_PPM + " ppm" + (path == AudioPath.EMPTY ? "" : ", ADC clipping at full scale");
        }
    }
}
