package io.wavebench.cli;

import io.wavebench.reports.History;
import io.wavebench.reports.LivingSpecReport;
import io.wavebench.reports.ReportMerge;
import io.wavebench.reports.RunFolder;
import io.wavebench.reports.RunResult;
import io.wavebench.reports.SiteCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wavebench report}: what can be done with report folders after the runs. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Works on report folders written by `wavebench run`.",
        subcommands = ReportCommand.Merge.class)
final class ReportCommand {

    @Command(
            name = "merge",
            mixinStandardHelpOptions = true,
            description = {
                "Merges the report folders of a suite's shards (`wavebench run --shard I/N`) into one report, as if one run had run them all.",
                "Exit status: 0 when every scenario passed, 1 when any failed, 2 when the folders cannot be merged (e.g. two shards ran the same scenario)."
            })
    static final class Merge implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Report folders of the shards.")
        List<Path> shards;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the merged report.")
        Path out;

        @Option(names = "--history", paramLabel = "DIR", description = "History folder to add the merged run to, for trends (default: none).")
        Path history;

        @Override
        public Integer call() throws Exception {
            LivingSpecReport.Written written = ReportMerge.merge(shards, out.toAbsolutePath(), history == null ? null : new History(history.toAbsolutePath()));
            RunResult merged = RunFolder.read(out.toAbsolutePath()); // reruns folded in, as each shard decided
            System.out.println("merged " + shards.size() + " report folders: " + merged.summaryLine());
            System.out.println("report: " + written.index().toUri());
            System.out.println("junit:  " + written.junitXml());
            SiteCheck.check(out.toAbsolutePath()).forEach(p -> System.out.println("report problem: " + p));
            return merged.anyFailure() ? 1 : 0;
        }
    }
}
