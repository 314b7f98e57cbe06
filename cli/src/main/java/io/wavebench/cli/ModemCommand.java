package io.wavebench.cli;

import io.wavebench.drivers.audio.WavFile;
import io.wavebench.drivers.sound.Heard;
import io.wavebench.drivers.sound.SoundProtocol;
import io.wavebench.drivers.sound.SoundProtocols;
import io.wavebench.drivers.sound.SoundReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wavebench modem}: a sound protocol on files, for looking at sounds outside a rig. Every
 * protocol on the class path (DESIGN §4: wavebench's own, ggwave, a team's) works the same way.
 */
@Command(
        name = "modem",
        mixinStandardHelpOptions = true,
        description = {"A sound protocol on files: make a WAV from a payload, or find and decode messages in a WAV.",
                "--protocol chooses the protocol (default wavebench, the OFDM modem); `wavebench modem protocols` lists them."},
        subcommands = {ModemCommand.Tx.class, ModemCommand.Rx.class, ModemCommand.Protocols.class, ModemBenchCommand.class})
final class ModemCommand {

    /** rx exits with this when no message decodes, so scripts can tell "nothing there" from an error. */
    static final int NO_FRAME = 3;

    @Command(name = "tx", mixinStandardHelpOptions = true,
            description = "Modulates a payload file into a mono 16-bit PCM WAV and prints its airtime.")
    static final class Tx implements Callable<Integer> {

        @Option(names = "--protocol", defaultValue = SoundProtocols.DEFAULT, paramLabel = "NAME",
                description = "The sound protocol (default: ${DEFAULT-VALUE}); `wavebench modem protocols` lists those on the class path.")
        String protocol;

        @Option(names = {"--mode", "--profile"}, paramLabel = "NAME",
                description = "The protocol's mode: for wavebench robust, fast or ultrasonic (default: the protocol's first, robust).")
        String mode;

        @Option(names = "--rate", defaultValue = "48000", paramLabel = "HZ", description = "Sample rate of the WAV (default: ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--in", required = true, paramLabel = "PAYLOAD", description = "File whose bytes are sent, e.g. a 201-byte payment token.")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "WAV file to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            byte[] payload = Files.readAllBytes(in);
            SoundProtocol p = SoundProtocols.named(protocol);
            String chosen = mode == null ? p.defaultMode() : p.mode(mode);
            if (payload.length == 0 || payload.length > p.maxPayloadBytes(chosen)) {
                throw new IllegalArgumentException(in + ": " + payload.length + " bytes; " + p.name() + " " + chosen + " carries 1.." + p.maxPayloadBytes(chosen));
            }
            float[] samples = p.transmitter(chosen, rate).modulate(payload);
            WavFile.write(out, samples, rate);
            System.out.printf("%s: %d bytes, %s %s, %.3f s on air, %d Hz mono 16-bit%n",
                    out, payload.length, p.name(), chosen, samples.length / (double) rate, rate);
            return 0;
        }
    }

    @Command(name = "rx", mixinStandardHelpOptions = true,
            description = {
                "Finds messages anywhere in a WAV (mono or stereo 16-bit PCM, 44.1 or 48 kHz) and decodes them.",
                "Without --all: writes the first message's payload to --out (or prints it as hex) and exits 0.",
                "With --all: prints every message found as one hex line.",
                "Exits 3 when no message decodes."
            })
    static final class Rx implements Callable<Integer> {

        @Option(names = "--protocol", defaultValue = SoundProtocols.DEFAULT, paramLabel = "NAME",
                description = "The sound protocol listened for (default: ${DEFAULT-VALUE}).")
        String protocol;

        @Option(names = "--in", required = true, paramLabel = "FILE.wav", description = "WAV file to search.")
        Path in;

        @Option(names = "--out", paramLabel = "PAYLOAD", description = "Where to write the first message's payload.")
        Path out;

        @Option(names = "--all", description = "Print every message found, one hex line each.")
        boolean all;

        @Option(names = {"--mode", "--profile"}, paramLabel = "NAME", description = "Only listen for this mode (default: every mode of the protocol that works at the WAV's rate).")
        String mode;

        @Override
        public Integer call() throws Exception {
            WavFile wav = WavFile.read(in);
            SoundProtocol p = SoundProtocols.named(protocol);
            List<Heard> heard = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            List<String> modes = new ArrayList<>();
            for (String m : mode == null ? p.modes() : List.of(p.mode(mode))) {
                p.unsupportedAt(m, wav.sampleRate()).ifPresentOrElse(why -> skipped.add(m + " (" + why + ")"), () -> modes.add(m));
            }
            if (!modes.isEmpty()) {
                SoundReceiver receiver = p.receiver(modes, wav.sampleRate(), heard::add);
                receiver.accept(wav.samples());
                // A capture goes on after a sound ends; give the receiver the tail it would hear.
                receiver.accept(new float[wav.sampleRate()]);
                receiver.end();
            }
            heard.sort(Comparator.comparingLong(Heard::startSample));
            if (heard.isEmpty()) {
                System.err.printf("%s: no %s message decoded in %.2f s of audio at %d Hz%s%n", in, p.name(), wav.durationSeconds(), wav.sampleRate(),
                        skipped.isEmpty() ? "" : "; not searched: " + String.join(", ", skipped));
                return NO_FRAME;
            }
            if (all) {
                for (Heard h : heard) {
                    System.out.println(HexFormat.of().formatHex(h.payload()));
                    System.err.printf("  %s %s, %d bytes at %.3f s%s%n", p.name(), h.mode(), h.payload().length,
                            h.startSample() / (double) wav.sampleRate(), h.corrections() < 0 ? "" : ", " + h.corrections() + " corrected");
                }
                return 0;
            }
            Heard first = heard.get(0);
            if (out != null) {
                Files.write(out, first.payload());
                System.out.printf("%s: %d bytes (%s %s) found at %.3f s%n", out, first.payload().length, p.name(), first.mode(),
                        first.startSample() / (double) wav.sampleRate());
            } else {
                System.out.println(HexFormat.of().formatHex(first.payload()));
            }
            return 0;
        }
    }

    @Command(name = "protocols", mixinStandardHelpOptions = true,
            description = "Lists the sound protocols on the class path with their modes (DESIGN §4); a team adds one with a jar and a line in META-INF/services.")
    static final class Protocols implements Callable<Integer> {
        @Override
        public Integer call() {
            SoundProtocols.described().forEach(System.out::println);
            return 0;
        }
    }
}
