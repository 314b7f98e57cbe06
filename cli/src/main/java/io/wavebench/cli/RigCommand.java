package io.wavebench.cli;

import io.wavebench.fixtures.rig.Rig;
import io.wavebench.fixtures.rig.RigCalibration;
import io.wavebench.fixtures.rig.RigFiles;
import io.wavebench.fixtures.rig.RigPreflight;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wavebench rig}: what a bench engineer does with a rig file before running the suite on it. */
@Command(
        name = "rig",
        mixinStandardHelpOptions = true,
        description = "Checks rig files.",
        subcommands = RigCommand.Check.class)
final class RigCommand {

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Runs a rig's preflight (every virtual cable made, every mixer present and opening, every port opening, a real reader",
                "answering a RESET on its bus), then plays a calibration sound through the phone's speaker and reports the SNR over the",
                "modem profile's band and the latency it measured at the evidence microphone.",
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
            RigCalibration.Result result = RigCalibration.measure(loaded);
            System.out.println(result.describe());
            if (!result.decoded()) {
                System.out.println("the calibration frame was not decoded: check the speaker's volume and placement, and the microphone's gain");
                return 1;
            }
            return 0;
        }
    }
}
