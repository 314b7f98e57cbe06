package io.wavebench.cli;

import io.wavebench.drivers.audio.WavFile;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.drivers.modem.ReceivedFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wavebench modem}: the acoustic modem on files, for looking at sounds outside a rig. */
@Command(
        name = "modem",
        mixinStandardHelpOptions = true,
        description = "The acoustic modem on files: make a WAV from a payload, or find and decode frames in a WAV.",
        subcommands = {ModemCommand.Tx.class, ModemCommand.Rx.class, ModemBenchCommand.class})
final class ModemCommand {

    /** rx exits with this when no frame decodes, so scripts can tell "nothing there" from an error. */
    static final int NO_FRAME = 3;

    @Command(name = "tx", mixinStandardHelpOptions = true,
            description = "Modulates a payload file into a mono 16-bit PCM WAV at 48 kHz and prints its airtime.")
    static final class Tx implements Callable<Integer> {

        @Option(names = "--profile", defaultValue = "robust", paramLabel = "NAME", description = "robust, fast or ultrasonic (default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--in", required = true, paramLabel = "PAYLOAD", description = "File whose bytes are sent, e.g. a 201-byte payment token.")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "WAV file to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            byte[] payload = Files.readAllBytes(in);
            AcousticModem modem = AcousticModem.of(ModemProfile.fromCliName(profile), 48_000f);
            float[] samples = modem.modulate(payload);
            WavFile.write(out, samples, 48_000);
            System.out.printf("%s: %d bytes, profile %s, %.3f s on air, 48000 Hz mono 16-bit%n",
                    out, payload.length, profile, samples.length / 48_000.0);
            return 0;
        }
    }

    @Command(name = "rx", mixinStandardHelpOptions = true,
            description = {
                "Finds frames anywhere in a WAV (mono or stereo 16-bit PCM, 44.1 or 48 kHz) and decodes them.",
                "Without --all: writes the first frame's payload to --out (or prints it as hex) and exits 0.",
                "With --all: prints every frame found as one hex line.",
                "Exits 3 when no frame decodes."
            })
    static final class Rx implements Callable<Integer> {

        @Option(names = "--in", required = true, paramLabel = "FILE.wav", description = "WAV file to search.")
        Path in;

        @Option(names = "--out", paramLabel = "PAYLOAD", description = "Where to write the first frame's payload.")
        Path out;

        @Option(names = "--all", description = "Print every frame found, one hex line each.")
        boolean all;

        @Option(names = "--profile", paramLabel = "NAME", description = "Only listen for this profile (default: every profile this build supports).")
        String profile;

        @Override
        public Integer call() throws Exception {
            WavFile wav = WavFile.read(in);
            List<ReceivedFrame> frames = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (ModemProfile p : profile == null ? List.of(ModemProfile.values()) : List.of(ModemProfile.fromCliName(profile))) {
                AcousticModem modem;
                try {
                    modem = AcousticModem.of(p, wav.sampleRate());
                } catch (UnsupportedOperationException e) {
                    skipped.add(p.cliName() + " (" + e.getMessage() + ")");
                    continue;
                }
                var receiver = modem.newReceiver(frames::add);
                float[] samples = wav.samples();
                receiver.accept(samples, 0, samples.length);
                // A capture goes on after a sound ends; give the receiver the tail it would hear.
                float[] tail = new float[wav.sampleRate()];
                receiver.accept(tail, 0, tail.length);
            }
            frames.sort(java.util.Comparator.comparingLong(ReceivedFrame::startSample));
            if (frames.isEmpty()) {
                System.err.printf("%s: no frame decoded in %.2f s of audio at %d Hz%s%n", in, wav.durationSeconds(), wav.sampleRate(),
                        skipped.isEmpty() ? "" : "; not searched: " + String.join(", ", skipped));
                return NO_FRAME;
            }
            if (all) {
                for (ReceivedFrame f : frames) {
                    System.out.println(HexFormat.of().formatHex(f.payload()));
                    System.err.printf("  %s, %d bytes at %.3f s, %d symbols corrected%n", f.profile().cliName(), f.payload().length,
                            f.startSample() / (double) wav.sampleRate(), f.correctedSymbols());
                }
                return 0;
            }
            ReceivedFrame first = frames.get(0);
            if (out != null) {
                Files.write(out, first.payload());
                System.out.printf("%s: %d bytes (%s) found at %.3f s%n", out, first.payload().length, first.profile().cliName(), first.startSample() / (double) wav.sampleRate());
            } else {
                System.out.println(HexFormat.of().formatHex(first.payload()));
            }
            return 0;
        }
    }
}
