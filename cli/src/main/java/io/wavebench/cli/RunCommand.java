package io.wavebench.cli;

import io.wavebench.fixtures.rig.Rig;
import io.wavebench.fixtures.rig.RigFiles;
import io.wavebench.reports.History;
import io.wavebench.reports.LivingSpecReport;
import io.wavebench.reports.RunContext;
import io.wavebench.reports.RunResult;
import io.wavebench.reports.SiteCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wavebench run}: the feature suite on a rig, with progress, a summary and the report. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the feature suite (the living specification) against a rig and writes the report.",
            "Prints each scenario's outcome as it finishes, then a summary, the report's path and the trend across runs.",
            "Exit status: 0 when every scenario passed, 1 when any failed, 2 when the run could not start."
        })
final class RunCommand implements Callable<Integer> {

    static final String FEATURES = "classpath:io/wavebench/features";
    static final String GLUE = "io.wavebench.features.steps";

    @Option(names = "--rig", paramLabel = "FILE", description = "Rig file naming each role's backing and resources (default: fixtures/rigs/sim.yaml, everything simulated).")
    String rig;

    @Option(names = "--tags", paramLabel = "EXPR", description = "Cucumber tag expression selecting scenarios, e.g. \"@mdb and not @slow\".")
    String tags;

    @Option(names = "--report", paramLabel = "DIR", description = "Report folder (default: target/wavebench-report/run-<timestamp>).")
    Path report;

    @Option(names = "--history", paramLabel = "DIR", description = "History folder keeping each run's results for trends (default: target/wavebench-report/history).")
    Path history;

    @Override
    public Integer call() throws Exception {
        String rigLocation = rigLocation();
        Rig loaded = RigFiles.load(rigLocation); // fail before anything starts, with the file's own error
        Path reportDir = (report != null ? report : defaultReportDir()).toAbsolutePath();
        Files.createDirectories(reportDir);

        System.setProperty("wavebench.rig", rigLocation);
        System.setProperty("wavebench.report.dir", reportDir.toString());
        List<String> args = new ArrayList<>(List.of(
                "--glue", GLUE,
                "--plugin", "html:" + reportDir.resolve("cucumber.html"),
                "--plugin", "json:" + reportDir.resolve("cucumber.json"),
                // the message stream carries the Scenario Outlines' Examples tables for the report
                "--plugin", "message:" + reportDir.resolve("cucumber.ndjson"),
                // Cucumber's own JUnit XML; the report writes the enriched junit.xml CI reads
                "--plugin", "junit:" + reportDir.resolve("cucumber-junit.xml"),
                "--plugin", ConsoleProgress.class.getName(),
                "--monochrome"));
        if (tags != null) args.addAll(List.of("--tags", tags));
        args.add(FEATURES);

        System.out.println("wavebench run: rig '" + loaded.name() + "' (" + rigLocation + "), report " + reportDir);
        Instant started = Instant.now();
        long start = System.nanoTime();
        byte status = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        RunResult result = RunResult.readCucumberJson(reportDir.resolve("cucumber.json"));
        RunContext context = new RunContext(loaded.name(), rigLocation, RunFacts.rigFileText(rigLocation), started, took, RunFacts.of(loaded, tags));
        LivingSpecReport.Written written = LivingSpecReport.write(reportDir, result, context, new History(historyDir().toAbsolutePath()));
        List<String> problems = SiteCheck.check(reportDir);

        System.out.println();
        System.out.printf("%s in %.1f s%n", result.summaryLine(), took.toMillis() / 1000.0);
        System.out.println("report: " + written.index().toUri());
        System.out.println("junit:  " + written.junitXml());
        if (written.trends() != null && written.trends().hasHistory()) System.out.println("trend:  " + written.trends().summaryLine());
        else System.out.println("trend:  first run in " + historyDir().toAbsolutePath() + "; trends start with the next run");
        // The report must open from file:// with every link and picture in place; say so loudly if not.
        problems.forEach(p -> System.out.println("report problem: " + p));
        if (result.scenarios().isEmpty()) {
            System.out.println("no scenario ran" + (tags == null ? "" : ": none matches --tags " + tags) + "; that counts as a failure");
            return 1;
        }
        return status == 0 && !result.anyFailure() ? 0 : 1;
    }

    private String rigLocation() {
        if (rig != null) return rig;
        String root = System.getProperty("wavebench.root");
        if (root != null && Files.exists(Path.of(root, "fixtures/rigs/sim.yaml"))) return Path.of(root, "fixtures/rigs/sim.yaml").toString();
        return RigFiles.DEFAULT;
    }

    private Path historyDir() {
        if (history != null) return history;
        return Path.of(System.getProperty("wavebench.root", "."), "target", "wavebench-report", "history");
    }

    private static Path defaultReportDir() {
        String root = System.getProperty("wavebench.root", ".");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(root, "target", "wavebench-report", "run-" + stamp);
    }
}
