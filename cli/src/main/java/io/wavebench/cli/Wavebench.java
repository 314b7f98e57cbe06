package io.wavebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wavebench} command: run the living spec, list devices, use the modem on files. */
@Command(
        name = "wavebench",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Hardware-in-the-loop tests for acoustic offline payments at vending machines.",
            "",
            "Runs the feature suite against a rig (simulated by default, or a bench with a real",
            "reader), lists the serial ports and audio mixers a rig can use, and runs the acoustic",
            "modem on WAV files, and runs a simulated vending machine or reader on a serial port.",
            "Start with: wavebench run"
        },
        subcommands = {RunCommand.class, StepsCommand.class, ReportCommand.class, RigCommand.class, DevicesCommand.class, ModemCommand.class, SimCommand.class,
            CommandLine.HelpCommand.class})
public final class Wavebench {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Wavebench());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("wavebench " + cmd.getCommandName() + ": " + e.getMessage());
            if (System.getenv("WAVEBENCH_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 2;
        });
        System.exit(commandLine.execute(args));
    }
}
