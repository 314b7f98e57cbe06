package io.wavebench.cli;

import io.wavebench.fixtures.data.RunIdentity;
import io.wavebench.fixtures.process.LaunchedReaders;
import io.wavebench.fixtures.rig.BenchBackends;
import io.wavebench.fixtures.rig.Rig;
import io.wavebench.fixtures.rig.RigFiles;
import io.wavebench.fixtures.rig.RigLanes;
import io.wavebench.fixtures.rig.RigPreflight;
import io.wavebench.reports.History;
import io.wavebench.reports.LivingSpecReport;
import io.wavebench.reports.RunContext;
import io.wavebench.reports.RunFolder;
import io.wavebench.reports.RunResult;
import io.wavebench.reports.SiteCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wavebench run}: the feature suite on a rig, with progress, a summary and the report.
 *
 * <p>A run goes: load the rig file; its preflight (DESIGN §3; a broken rig makes the scenarios
 * that need it INFRA-ERROR); a dry run that lists the scenarios (so progress counts against a
 * total and {@code --shard} can pick its share); the scenarios, side by side on the rig's lanes;
 * the failed ones once more, alone (a pass then is FLAKY); the report.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the feature suite (the living specification) against a rig and writes the report.",
            "Prints each scenario's outcome as it finishes, then a summary, the report's path and the trend across runs.",
            "Exit status: 0 when every scenario passed (FLAKY and ABORTED included), 1 when any failed or met a broken rig, 2 when the run could not start."
        })
final class RunCommand implements Callable<Integer> {

    static final String FEATURES = "classpath:io/wavebench/features";
    static final String GLUE = "io.wavebench.features.steps";
    /** More side-by-side scenarios than this buys nothing on a 2-core machine: the loopback air runs in real time. */
    static final int DEFAULT_THREADS = 4;

    @Option(names = "--rig", paramLabel = "FILE", description = "Rig file naming each role's backing and resources (default: fixtures/rigs/sim.yaml, everything simulated).")
    String rig;

    @Option(names = "--tags", paramLabel = "EXPR", description = "Cucumber tag expression selecting scenarios, e.g. \"@mdb and not @slow\".")
    String tags;

    @Option(names = "--report", paramLabel = "DIR", description = "Report folder (default: target/wavebench-report/run-<timestamp>).")
    Path report;

    @Option(names = "--history", paramLabel = "DIR", description = "History folder keeping each run's results for trends (default: target/wavebench-report/history).")
    Path history;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only the I-th of N disjoint shares of the scenarios (stable across machines); merge the shards' reports with `wavebench report merge`.")
    String shard;

    @Option(names = "--threads", paramLabel = "N", description = "Scenarios run side by side (default: ${DEFAULT-VALUE}; at most the rig's lanes: 4 on the simulated rig, 1 on a rig with real devices).", defaultValue = "" + DEFAULT_THREADS)
    int threads;

    @Option(names = "--reruns", paramLabel = "0|1", description = "Rerun failed scenarios once (default: ${DEFAULT-VALUE}); one that then passes is FLAKY.", defaultValue = "1")
    int reruns;

    @Option(names = "--features", hidden = true, description = "Feature location (tests of the command itself use their own features).")
    String features = FEATURES;

    @Option(names = "--glue", hidden = true, description = "Glue packages, comma-separated (tests of the command itself add their own glue).")
    String glue = GLUE;

    /** Scenarios tagged @timing in the plan ({@code uri:line}): each runs alone (features' SideBySide). */
    private final java.util.Set<String> timing = new java.util.HashSet<>();

    @Override
    public Integer call() throws Exception {
        String rigLocation = rigLocation();
        Rig loaded = RigFiles.load(rigLocation); // fail before anything starts, with the file's own error
        var within = RigEnvironment.runWithin(loaded);
        if (within.isPresent()) return within.get();
        Shard share = shard == null ? null : Shard.parse(shard);
        if (reruns < 0 || reruns > 1) throw new IllegalArgumentException("--reruns is 0 or 1, not " + reruns);
        if (threads < 1) throw new IllegalArgumentException("--threads is at least 1, not " + threads);
        Path reportDir = (report != null ? report : defaultReportDir()).toAbsolutePath();
        Files.createDirectories(reportDir);
        System.setProperty("wavebench.rig", rigLocation);

        System.out.println("wavebench run: rig '" + loaded.name() + "' (" + rigLocation + "), report " + reportDir);
        // DESIGN §5.7: a reader that remembers must never see this run's credential ids and counters
        // again. Made (and said, with how to take its ids again) before any scenario assembles a rig.
        RunIdentity run = RunIdentity.current();
        Instant started = Instant.now();
        long start = System.nanoTime();
        MachineLoad loadAtStart = MachineLoad.now();

        RigPreflight.Report preflight = RigPreflight.run(loaded);
        RigPreflight.remember(rigLocation, preflight); // the scenarios consult this one, not a second
        System.out.println(preflight.ok() ? "preflight: " + preflight.checks().size() + " checks passed"
                : "preflight: the rig is broken; scenarios that need it will be INFRA-ERROR");
        if (!preflight.ok()) preflight.checks().forEach(c -> System.out.println("  " + c));

        List<Shard.Planned> plan = plan(reportDir.resolve("plan"));
        List<Shard.Planned> selected = share == null ? plan : share.select(plan);
        int lanes = new RigLanes(rigLocation).capacity();
        int sideBySide = Math.max(1, Math.min(threads, Math.min(lanes, Math.max(1, selected.size()))));
        long alone = selected.stream().filter(s -> timing.contains(s.uri() + ":" + s.line())).count();
        System.out.printf("plan: %d scenarios%s, %d side by side (the rig has %d lane%s)%s; %s%n", selected.size(),
                share == null ? "" : " of " + plan.size() + " (shard " + share + ")", sideBySide, lanes, lanes == 1 ? "" : "s",
                alone == 0 || sideBySide == 1 ? "" : ", " + alone + " @timing scenario" + (alone == 1 ? "" : "s") + " alone", loadAtStart);

        RunResult first;
        if (selected.isEmpty()) {
            first = null;
        } else {
            runCucumber(reportDir, locations(selected), sideBySide, selected.size(), "");
            first = RunResult.readCucumberJson(reportDir.resolve(RunFolder.CUCUMBER_JSON));
            List<String> failed = first.failedLocations();
            if (reruns == 1 && !failed.isEmpty()) {
                System.out.println("rerunning " + failed.size() + " failed scenario" + (failed.size() == 1 ? "" : "s") + " once, one at a time:");
                Path rerunDir = reportDir.resolve(RunFolder.RERUN);
                Files.createDirectories(rerunDir);
                runCucumber(rerunDir, failed, 1, failed.size(), "rerun ");
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LaunchedReaders.closeAll(); // a process reader this run started stops with it; one found running stays
        BenchBackends.closeAll(); // a bench's backend stops with the run; its database stays, as its reader's memory does

        RunResult result = first == null ? new RunResult(List.of()) : RunFolder.read(reportDir);
        Map<String, String> facts = new LinkedHashMap<>();
        if (share != null) facts.put("shard", share + " (" + selected.size() + " of " + plan.size() + " scenarios)");
        facts.put("side by side", sideBySide + " scenario" + (sideBySide == 1 ? "" : "s") + " at a time (rig lanes: " + lanes + ")");
        facts.put("preflight", preflight.ok() ? preflight.checks().size() + " checks passed" : preflight.failuresLine());
        facts.put("machine load", loadAtStart + " at the start, " + MachineLoad.now() + " at the end");
        facts.put("timing figures", TimingFigures.of(reportDir).line());
        facts.put("run identity", run.nonce() + " (credential ids and token counters; -D" + RunIdentity.PROPERTY + "=" + run.nonce() + " takes them again)");
        facts.putAll(RunFacts.of(loaded, tags));
        RunContext context = new RunContext(loaded.name(), rigLocation, RunFacts.rigFileText(rigLocation), started, took, facts);
        RunFolder.writeContext(reportDir, context);
        if (first == null) writeEmptyCucumberJson(reportDir);
        LivingSpecReport.Written written = LivingSpecReport.write(reportDir, result, context, new History(historyDir().toAbsolutePath()));
        List<String> problems = SiteCheck.check(reportDir);

        System.out.println();
        System.out.printf("%s in %.1f s wall%n", result.summaryLine(), took.toMillis() / 1000.0);
        System.out.println("timing: " + facts.get("timing figures"));
        System.out.println("load:   " + facts.get("machine load"));
        System.out.println("report: " + written.index().toUri());
        System.out.println("junit:  " + written.junitXml());
        if (written.trends() != null && written.trends().hasHistory()) System.out.println("trend:  " + written.trends().summaryLine());
        else System.out.println("trend:  first run in " + historyDir().toAbsolutePath() + "; trends start with the next run");
        // The report must open from file:// with every link and picture in place; say so loudly if not.
        problems.forEach(p -> System.out.println("report problem: " + p));
        if (result.scenarios().isEmpty()) {
            if (share != null && !plan.isEmpty()) {
                System.out.println("shard " + share + " has no scenario (only " + plan.size() + " in the suite); nothing to do");
                return 0;
            }
            System.out.println("no scenario ran" + (tags == null ? "" : ": none matches --tags " + tags) + "; that counts as a failure");
            return 1;
        }
        return !result.anyFailure() ? 0 : 1;
    }

    /** Every scenario the features and --tags select, from a Cucumber dry run (no step runs, no hook). */
    private List<Shard.Planned> plan(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path json = dir.resolve(RunFolder.CUCUMBER_JSON);
        List<String> args = new ArrayList<>(List.of("--dry-run", "--plugin", "json:" + json, "--plugin", SilentSummary.class.getName(), "--monochrome"));
        args.addAll(glueArgs());
        if (tags != null) args.addAll(List.of("--tags", tags));
        args.add(features);
        byte status = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        if (!Files.isRegularFile(json)) throw new IllegalStateException("the dry run that lists the scenarios wrote nothing (status " + status + ")");
        RunResult dry = RunResult.readCucumberJson(json);
        dry.scenarios().stream().filter(s -> s.tags().contains("@timing")).forEach(s -> timing.add(s.featureUri() + ":" + s.line()));
        return dry.scenarios().stream().map(s -> new Shard.Planned(s.featureUri(), s.line(), s.name())).toList();
    }

    /** Cucumber's {@code uri:line:line…} arguments, one per feature file. */
    static List<String> locations(List<Shard.Planned> scenarios) {
        Map<String, List<Integer>> byUri = new LinkedHashMap<>();
        scenarios.forEach(s -> byUri.computeIfAbsent(s.uri(), u -> new ArrayList<>()).add(s.line()));
        return byUri.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(":"))).toList();
    }

    private void runCucumber(Path dir, List<String> locations, int sideBySide, int planned, String progressPrefix) {
        System.setProperty("wavebench.report.dir", dir.toString());
        List<String> args = new ArrayList<>(glueArgs());
        args.addAll(List.of(
                "--plugin", "html:" + dir.resolve("cucumber.html"),
                "--plugin", "json:" + dir.resolve(RunFolder.CUCUMBER_JSON),
                // the message stream carries the Scenario Outlines' Examples tables for the report
                "--plugin", "message:" + dir.resolve("cucumber.ndjson"),
                // Cucumber's own JUnit XML; the report writes the enriched junit.xml CI reads
                "--plugin", "junit:" + dir.resolve("cucumber-junit.xml"),
                "--plugin", ConsoleProgress.class.getName(),
                "--threads", Integer.toString(sideBySide),
                "--monochrome"));
        args.addAll(locations);
        ConsoleProgress.planned = planned;
        ConsoleProgress.prefix = progressPrefix;
        io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
    }

    private List<String> glueArgs() {
        List<String> args = new ArrayList<>();
        for (String g : glue.split(",")) args.addAll(List.of("--glue", g.trim()));
        return args;
    }

    private static void writeEmptyCucumberJson(Path dir) throws java.io.IOException {
        Files.writeString(dir.resolve(RunFolder.CUCUMBER_JSON), "[]");
        if (!Files.exists(dir.resolve("cucumber.html"))) {
            Files.writeString(dir.resolve("cucumber.html"), "<!DOCTYPE html><html><body><p>No scenario ran in this shard.</p></body></html>");
        }
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
