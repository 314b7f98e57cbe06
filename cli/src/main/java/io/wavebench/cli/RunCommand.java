package io.wavebench.cli;

import io.wavebench.fixtures.rig.Rig;
import io.wavebench.fixtures.rig.RigFiles;
import io.wavebench.reports.ReportIndex;
import io.wavebench.reports.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wavebench run}: the feature suite on a rig, with progress, a summary and the report. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the feature suite (the living specification) against a rig and writes the report.",
            "Prints each scenario's outcome as it finishes, then a summary and the report's path.",
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
                "--plugin", "junit:" + reportDir.resolve("junit.xml"),
                "--plugin", ConsoleProgress.class.getName(),
                "--monochrome"));
        if (tags != null) args.addAll(List.of("--tags", tags));
        args.add(FEATURES);

        System.out.println("wavebench run: rig '" + loaded.name() + "' (" + rigLocation + "), report " + reportDir);
        long start = System.nanoTime();
        byte status = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        RunResult result = RunResult.readCucumberJson(reportDir.resolve("cucumber.json"));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("rig file", rigLocation);
        facts.put("tags", tags == null ? "(all)" : tags);
        facts.put("wall time", String.format("%.1f s", took.toMillis() / 1000.0));
        facts.put("java", System.getProperty("java.version"));
        Path index = ReportIndex.write(reportDir, result, loaded.name(), facts);

        System.out.println();
        System.out.printf("%s in %.1f s%n", result.summaryLine(), took.toMillis() / 1000.0);
        System.out.println("report: " + index);
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

    private static Path defaultReportDir() {
        String root = System.getProperty("wavebench.root", ".");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(root, "target", "wavebench-report", "run-" + stamp);
    }
}
