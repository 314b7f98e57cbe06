package io.wavebench.cli;

import io.wavebench.fixtures.data.TestData;
import io.wavebench.fixtures.process.LaunchedReader;
import io.wavebench.fixtures.process.ReaderCommand;
import io.wavebench.fixtures.rig.NoiseLevels;
import io.wavebench.fixtures.rig.Rig;
import io.wavebench.fixtures.rig.RigCalibration;
import io.wavebench.fixtures.rig.RigFiles;
import io.wavebench.fixtures.rig.RigPreflight;
import io.wavebench.fixtures.rig.RigProvisioning;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wavebench rig}: what a bench engineer does with a rig file before running the suite on it. */
@Command(
        name = "rig",
        mixinStandardHelpOptions = true,
        description = {
            "What a bench engineer does with a rig file before running the suite on it: check it, print what a reader must be",
            "given to take part (provision), and start or stop a rig's process reader."
        },
        subcommands = {RigCommand.Check.class, RigCommand.Provision.class, RigCommand.Reader.class})
final class RigCommand {

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Runs a rig's preflight (every virtual cable made, every mixer present and opening, every port opening, a real or",
                "process reader answering a RESET on its bus), then plays a calibration frame of each profile the reader listens for",
                "through the phone's speaker and reports the SNR over the profile's band and the latency it measured at the evidence",
                "microphone. A rig with a noise speaker (roles.noise) also gets its levels: each place's noise bed is played and the",
                "gain that makes the place's SNR is written to roles.noise.calibration, where the noisy-place scenarios read it.",
                "Exit status: 0 when the rig is fit to run on, 1 when a check failed or the calibration frame was not decoded, 2 when the rig file is wrong."
            })
    static final class Check implements Callable<Integer> {

        @Option(names = "--rig", paramLabel = "FILE", required = true, description = "The rig file to check.")
        String rig;

        @Option(names = "--no-sound", description = "Skip the calibration sound (e.g. in a quiet office).")
        boolean noSound;

        @Override
        public Integer call() throws Exception {
            Rig loaded = RigFiles.load(rig);
            var within = RigEnvironment.runWithin(loaded);
            if (within.isPresent()) return within.get();
            System.out.println("rig '" + loaded.name() + "' (" + rig + ")");
            RigPreflight.Report report = RigPreflight.run(loaded);
            report.checks().forEach(c -> System.out.println("  " + c));
            if (!report.ok()) {
                System.out.println("preflight: " + report.failures().size() + " of " + report.checks().size()
                        + " checks failed; scenarios on this rig would be INFRA-ERROR. `wavebench devices` lists what this machine has.");
                return 1;
            }
            System.out.println("preflight: " + report.checks().size() + " checks passed");
            if (noSound) return 0;
            if (RigCalibration.microphone(loaded) == null) {
                System.out.println("calibration: skipped, the rig has no microphone to hear it (add roles.evidence.microphone)");
                return 0;
            }
            // Every profile the reader listens for: a bench reader set up for several must hear each.
            boolean allDecoded = true;
            RigCalibration.Result own = null;
            for (String name : ReaderCommand.profiles(loaded)) {
                RigCalibration.Result result = RigCalibration.measure(loaded, name);
                System.out.println(result.describe());
                allDecoded &= result.decoded();
                if (name.equalsIgnoreCase(loaded.acoustic().profile())) own = result;
            }
            if (!allDecoded) {
                System.out.println("a calibration frame was not decoded: check the speaker's volume and placement, and the microphone's gain");
                return 1;
            }
            if (loaded.roles().noise() != null && !loaded.acoustic().places().isEmpty()) {
                if (own == null) own = RigCalibration.measure(loaded);
                NoiseLevels levels = RigCalibration.calibrateNoise(loaded, own);
                Path file = Path.of(loaded.roles().noise().calibration());
                levels.write(file);
                System.out.println("noise speaker '" + loaded.roles().noise().speaker() + "', levels over the " + levels.profile() + " band written to " + file + ":");
                levels.places().forEach((place, level) -> System.out.printf(Locale.ROOT, "  %-16s %-7s at %+.1f dB for %.0f dB SNR%s%n",
                        place, level.noise(), level.gainDb(), level.snrDb(),
                        level.phoneDb() < 0 ? String.format(Locale.ROOT, ", the phone at %.1f dB (the bed would clip louder)", level.phoneDb()) : ""));
            }
            return 0;
        }
    }

    @Command(
            name = "provision",
            mixinStandardHelpOptions = true,
            description = {
                "Prints what a reader must be given to take part in a rig (DESIGN §5.7): its id, the backend's URL, the issuer's key",
                "id and Ed25519 public key (credentials), the ticketing key (tickets), the cinema it serves as a kiosk, and the clock",
                "check: the reader's clock must be within the stated skew of this machine's. With --out, also writes it as the",
                "provisioning file a process reader's command gets as {provisionFile} (JSON, format " + RigProvisioning.FORMAT + ").",
                "The keys are the rig's seeded ones (-D" + TestData.SEED_PROPERTY + ", default " + TestData.DEFAULT_SEED + "): the same for every scenario and run."
            })
    static final class Provision implements Callable<Integer> {

        @Option(names = "--rig", paramLabel = "FILE", required = true, description = "The rig file.")
        String rig;

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the provisioning file here (JSON).")
        Path out;

        @Override
        public Integer call() {
            Rig loaded = RigFiles.load(rig);
            RigProvisioning provisioning = RigProvisioning.of(loaded);
            System.out.println("rig '" + loaded.name() + "' (" + rig + "): what its reader must be given");
            System.out.print(provisioning.describe(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            if (out != null) {
                provisioning.write(out);
                System.out.println("written to " + out.toAbsolutePath());
            }
            return 0;
        }
    }

    @Command(
            name = "reader",
            mixinStandardHelpOptions = true,
            description = {
                "Starts, stops or shows a rig's process reader (roles.reader.backing: process). A reader started here keeps running",
                "after this command: runs find it through its state folder's pid file and attach to it (a reader that is not",
                "restarted remembers, as a real one does), and leave it running. A run that finds none starts one and stops it at its end."
            },
            subcommands = {Reader.Start.class, Reader.Stop.class, Reader.Status.class})
    static final class Reader {

        @Command(name = "start", mixinStandardHelpOptions = true,
                description = {"Starts the rig's reader process unless one runs, writes its provisioning, and waits until it ACKs an MDB",
                    "RESET on the VMC's port (its startupTime plus MDB's non-response time). Exit 1 naming what the reader said last if it does not."})
        static final class Start implements Callable<Integer> {
            @Option(names = "--rig", paramLabel = "FILE", required = true, description = "The rig file.")
            String rig;

            @Override
            public Integer call() {
                Rig loaded = processRig(rig);
                var running = LaunchedReader.attach(loaded);
                if (running.isPresent()) {
                    System.out.println("reader already running: pid " + running.get().pid() + ", output in " + running.get().log());
                    return 0;
                }
                LaunchedReader started = LaunchedReader.start(loaded,
                        state -> RigProvisioning.of(loaded).write(state.resolve(ReaderCommand.PROVISION_FILE)));
                long t0 = System.nanoTime();
                try {
                    String answer = RigPreflight.answersReset(loaded, loaded.roles().vmc().mdbPort(), started);
                    System.out.printf("reader started: pid %d, %s %.1f s after it started; output in %s%n", started.pid(), answer,
                            (System.nanoTime() - t0) / 1e9, started.log());
                    return 0;
                } catch (RuntimeException e) {
                    System.out.println("reader pid " + started.pid() + " does not answer on " + loaded.roles().vmc().mdbPort() + ": " + e.getMessage());
                    started.stop();
                    return 1;
                }
            }
        }

        @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the rig's reader process (SIGTERM, then SIGKILL after 10 s), whoever started it.")
        static final class Stop implements Callable<Integer> {
            @Option(names = "--rig", paramLabel = "FILE", required = true, description = "The rig file.")
            String rig;

            @Override
            public Integer call() {
                var stopped = LaunchedReader.stopRecorded(processRig(rig));
                System.out.println(stopped.map(pid -> "reader pid " + pid + " stopped").orElse("no reader running"));
                return 0;
            }
        }

        @Command(name = "status", mixinStandardHelpOptions = true, description = "Says whether the rig's reader process runs, its pid and where its output is.")
        static final class Status implements Callable<Integer> {
            @Option(names = "--rig", paramLabel = "FILE", required = true, description = "The rig file.")
            String rig;

            @Override
            public Integer call() {
                var running = LaunchedReader.attach(processRig(rig));
                System.out.println(running.map(r -> "running: pid " + r.pid() + ", output in " + r.log()).orElse("not running"));
                return running.isPresent() ? 0 : 1;
            }
        }

        private static Rig processRig(String location) {
            Rig loaded = RigFiles.load(location);
            if (loaded.roles().reader().backing() != Rig.Backing.PROCESS) {
                throw new IllegalArgumentException("rig '" + loaded.name() + "': roles.reader.backing is "
                        + loaded.roles().reader().backing().name().toLowerCase(Locale.ROOT) + ", not process: there is no reader process to start or stop");
            }
            return loaded;
        }
    }
}
