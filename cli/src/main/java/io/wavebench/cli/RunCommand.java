package io.wavebench.cli;

import io.wavebench.cli.catalog.StepCatalogReader;
import io.wavebench.fixtures.data.RunIdentity;
import io.wavebench.fixtures.process.LaunchedReaders;
import io.wavebench.fixtures.rig.BenchBackends;
import io.wavebench.fixtures.rig.Rig;
import io.wavebench.fixtures.rig.RigFiles;
import io.wavebench.fixtures.rig.RigLanes;
import io.wavebench.fixtures.rig.RigPreflight;
import io.wavebench.reports.BrokenDevice;
import io.wavebench.reports.History;
import io.wavebench.reports.LivingSpecReport;
import io.wavebench.reports.RunContext;
import io.wavebench.reports.RunFolder;
import io.wavebench.reports.RunResult;
import io.wavebench.reports.SiteCheck;
import io.wavebench.reports.StepCatalogPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
            "With PATHs, runs those feature files and folders instead (a team's own specification), with its own steps beside wavebench's (--glue, --classpath).",
            "Prints each scenario's outcome as it finishes (one short block for each that failed), then one summary, the report's path and the trend across runs.",
            "The log goes to <report>/wavebench.log; each scenario's result is on disk in <report>/results/ as it finishes.",
            "Stopped by SIGTERM or SIGINT (a CI timeout, Ctrl-C), it finishes the report, junit.xml and the history from the scenarios that finished (the rest NOT-RUN) and exits 143 or 130.",
            "Exit status: 0 when every scenario passed (FLAKY and ABORTED included), 1 when any failed, was a specification error, met a broken rig or failed a judged figure (--figures gate), 2 when the run could not start."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  wavebench run",
            "      wavebench's own specification on the simulated rig",
            "  wavebench run --tags '@card and not @slow'",
            "      the scenarios with those tags",
            "  wavebench run ~/acme/features/water.feature:18",
            "      only the scenario at line 18 of that file (an Outline's line: its rows)",
            "  wavebench run ~/acme/features --name refund",
            "      a folder of feature files; only scenarios whose name has 'refund'",
            "  wavebench run ~/acme/src/test/resources/com/acme --glue com.acme.steps \\",
            "      --classpath ~/acme/target/test-classes",
            "      a team's feature files and step classes, beside wavebench's steps",
            "  wavebench run --rig fixtures/rigs/bench-example.yaml --report /tmp/bench",
            "      wavebench's own specification against a bench with a real reader"
        })
final class RunCommand implements Callable<Integer> {

    /** More side-by-side scenarios than this buys nothing on a 2-core machine: the loopback air runs in real time. */
    static final int DEFAULT_THREADS = 4;

    @Option(names = "--rig", paramLabel = "FILE", description = "Rig file naming each role's backing and resources (default: fixtures/rigs/sim.yaml, everything simulated), e.g. --rig fixtures/rigs/bench-example.yaml.")
    String rig;

    @Option(names = "--tags", paramLabel = "EXPR", description = "Cucumber tag expression selecting scenarios, e.g. \"@mdb and not @slow\".")
    String tags;

    @Option(names = "--report", paramLabel = "DIR", description = "Report folder (default: target/wavebench-report/run-<timestamp>), e.g. --report /tmp/nightly.")
    Path report;

    @Option(names = "--history", paramLabel = "DIR", description = "History folder keeping each run's results for trends (default: .wavebench/history in the wavebench checkout, which mvn clean keeps); "
                    + "one folder below it per rig and selection (tags, paths, names), e.g. --history /var/lib/wavebench/history.")
    Path history;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only the I-th of N disjoint shares of the scenarios (stable across machines); merge the shards' reports with `wavebench report merge`. E.g. --shard 2/3.")
    String shard;

    @Option(names = "--threads", paramLabel = "N", description = "Scenarios run side by side (default: ${DEFAULT-VALUE}; at most the rig's lanes: 4 on the simulated rig, 1 on a rig with real devices), e.g. --threads 1.", defaultValue = "" + DEFAULT_THREADS)
    int threads;

    @Option(names = "--reruns", paramLabel = "0|1", description = "Rerun failed scenarios once (default: ${DEFAULT-VALUE}); one that then passes is FLAKY. E.g. --reruns 0.", defaultValue = "1")
    int reruns;

    @Parameters(paramLabel = "PATH[:LINE]", arity = "0..*",
            description = "Feature files or folders to run instead of wavebench's own specification: anywhere on disk (relative to the current directory) "
                    + "or classpath:PACKAGE/PATH. FILE:LINE (FILE:LINE:LINE…) runs only the scenarios at those lines: a Scenario's line, an Outline's line "
                    + "(all its rows) or one Examples row's line (that row), e.g. offline_purchase.feature:18.")
    List<String> paths = new ArrayList<>();

    /** The feature locations' older name, kept for scripts and the command's own tests. */
    @Option(names = "--features", hidden = true, paramLabel = "PATH", description = "Same as PATH.")
    List<String> features = new ArrayList<>();

    @Option(names = "--name", paramLabel = "REGEX",
            description = "Only scenarios whose name matches REGEX (a Java regular expression, found anywhere in the name); repeatable: any of them. "
                    + "E.g. --name 'replay' or --name '^A purchase'.")
    List<String> names = new ArrayList<>();

    @Option(names = "--glue", paramLabel = "PACKAGE", split = ",",
            description = "Java packages with step definitions, hooks and parameter types of your own, added to wavebench's own glue ("
                    + RunSelection.OWN_GLUE + ", always there: your step classes can take ScenarioRig and wavebench's step classes in their constructors); "
                    + "repeatable or comma-separated, e.g. --glue com.acme.steps.")
    List<String> glue = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "JARS",
            description = "Jars and folders (separated by ':', the platform's path separator; 'DIR/*', quoted, is every jar in DIR) holding your glue classes and classpath: features, "
                    + "e.g. --classpath target/test-classes:lib/acme-sim.jar. Each must exist.")
    String classpath;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "10",
            description = "Keep the newest N run folders, this one included, and remove older ones beside it (default: ${DEFAULT-VALUE}). "
                    + "Only run-* folders a wavebench run wrote, and only beside a report folder itself named run-* (the default place); "
                    + "a --report named otherwise leaves its neighbours alone. The history folder is never touched. E.g. --keep 3.")
    int keep;

    @Option(names = "--figures", paramLabel = "gate|report-only",
            description = "Whether a judged figure (taken alone, with a limit) that FAILs fails its scenario and the run (gate), or is only shown "
                    + "(report-only: on a rig whose timing is not representative). Default: the rig file's figures.judge, else gate. E.g. --figures report-only.")
    String figures;

    @Option(names = "--evidence", paramLabel = "failed|all", defaultValue = "failed",
            description = "Which scenarios keep their sound on the air (air.wav) and camera frames, the bulk of a report: failed (default: those that did not pass; "
                    + "every scenario keeps its spectrogram, traces and measurements) or all, e.g. --evidence all.")
    String evidence;

    @Option(names = "--verbose", description = "Print the log on the console too; it always goes to <report>/wavebench.log. E.g. --verbose.")
    boolean verbose;

    /** What runs and where its glue is; made first thing in {@link #call}. */
    private RunSelection selection;

    /** Scenarios tagged @timing in the plan ({@code uri:line}): each runs alone (features' SideBySide). */
    private final Set<String> timing = new HashSet<>();

    /** What {@link #finish} needs, known once the scenarios start. */
    private record Started(Path reportDir, Rig rig, String rigLocation, RunIdentity identity, Instant started, long startNanos,
            MachineLoad loadAtStart, RigPreflight.Report preflight, Shard share, List<Shard.Planned> plan, List<Shard.Planned> selected,
            int sideBySide, int lanes, String figures) {}

    /** The report as {@link #finish} wrote it. */
    private record Finished(RunResult result, Map<String, String> facts, LivingSpecReport.Written written, List<String> problems,
            Duration took, List<Path> pruned) {}

    @Override
    public Integer call() throws Exception {
        String rigLocation = rigLocation();
        Rig loaded = RigFiles.load(rigLocation); // fail before anything starts, with the file's own error
        var within = RigEnvironment.runWithin(loaded);
        if (within.isPresent()) return within.get();
        Shard share = shard == null ? null : Shard.parse(shard);
        if (reruns < 0 || reruns > 1) throw new IllegalArgumentException("--reruns is 0 or 1, not " + reruns);
        if (threads < 1) throw new IllegalArgumentException("--threads is at least 1, not " + threads);
        if (keep < 1) throw new IllegalArgumentException("--keep is at least 1 (this run's folder), not " + keep);
        List<String> locations = new ArrayList<>(paths);
        locations.addAll(features);
        // relative paths mean what they meant where the command was started (./wavebench does not cd)
        selection = RunSelection.of(locations, names, glue, classpath, Path.of("").toAbsolutePath(), Thread.currentThread().getContextClassLoader());
        try (RunSelection closed = selection) {
            return run(loaded, rigLocation, share);
        }
    }

    private int run(Rig loaded, String rigLocation, Shard share) throws Exception {
        String judge = figures != null ? figures : loaded.figures() == null ? Rig.Figures.GATE : loaded.figures().judgeOrDefault();
        if (!judge.equals("gate") && !judge.equals("report-only")) {
            throw new IllegalArgumentException((figures != null ? "--figures" : "figures.judge in " + rigLocation) + " is gate or report-only, not '" + judge + "'");
        }
        Path reportDir = (report != null ? report : defaultReportDir()).toAbsolutePath();
        Files.createDirectories(reportDir);
        Path log = RunLog.toReport(reportDir, verbose);
        System.setProperty("wavebench.rig", rigLocation);
        // the features' After hook reads this: a judged figure that FAILs fails its scenario unless report-only
        System.setProperty("wavebench.figures", judge);
        if (!evidence.equals("failed") && !evidence.equals("all")) throw new IllegalArgumentException("--evidence is failed or all, not '" + evidence + "'");
        System.setProperty("wavebench.evidence", evidence); // read by the features' hooks (README, "Evidence: what a report keeps")

        System.out.println("wavebench run: rig '" + loaded.name() + "' (" + rigLocation + "), report " + reportDir);
        System.out.println("log:    " + log + (verbose ? " and the console" : ""));
        // DESIGN §5.7: a reader that remembers must never see this run's credential ids and counters
        // again. Made (and said, with how to take its ids again) before any scenario assembles a rig.
        RunIdentity identity = RunIdentity.current();
        Instant started = Instant.now();
        long start = System.nanoTime();
        MachineLoad loadAtStart = MachineLoad.now();

        RigPreflight.Report preflight = RigPreflight.run(loaded);
        RigPreflight.remember(rigLocation, preflight); // the scenarios consult this one, not a second
        System.out.println(preflight.ok() ? "preflight: " + preflight.checks().size() + " checks passed"
                : "preflight: the rig is broken; scenarios that need it will be INFRA-ERROR");
        if (!preflight.ok()) preflight.checks().forEach(c -> System.out.println("  " + c));

        List<Shard.Planned> plan = plan(reportDir.resolve(RunFolder.PLAN));
        List<Shard.Planned> selected = share == null ? plan : share.select(plan);
        Files.write(reportDir.resolve(RunFolder.PLAN).resolve(RunFolder.PLANNED), selected.stream().map(Shard.Planned::location).toList());
        int lanes = new RigLanes(rigLocation).capacity();
        int sideBySide = Math.max(1, Math.min(threads, Math.min(lanes, Math.max(1, selected.size()))));
        long alone = selected.stream().filter(s -> timing.contains(s.uri() + ":" + s.line())).count();
        System.out.printf("plan: %d scenarios%s, %d side by side (the rig has %d lane%s)%s; %s; figures: %s%n", selected.size(),
                share == null ? "" : " of " + plan.size() + " (shard " + share + ")", sideBySide, lanes, lanes == 1 ? "" : "s",
                alone == 0 || sideBySide == 1 ? "" : ", " + alone + " @timing scenario" + (alone == 1 ? "" : "s") + " alone", loadAtStart, judge);
        Started begun = new Started(reportDir, loaded, rigLocation, identity, started, start, loadAtStart, preflight, share, plan, selected, sideBySide, lanes, judge);

        ResultsWriter.thaw();
        ConsoleProgress.muted = false;
        try (RunStop stop = RunStop.install(signal -> stopped(begun, signal))) {
            if (!selected.isEmpty()) {
                runCucumber(reportDir, locations(selected), sideBySide, selected.size(), "");
                // SPEC-ERROR is not in failedLocations: running a step that is not written again cannot help
                List<String> failed = RunFolder.read(reportDir).failedLocations();
                if (reruns == 1 && !failed.isEmpty()) {
                    System.out.println("rerunning " + failed.size() + " failed scenario" + (failed.size() == 1 ? "" : "s") + " once, one at a time:");
                    Path rerunDir = reportDir.resolve(RunFolder.RERUN);
                    Files.createDirectories(rerunDir);
                    runCucumber(rerunDir, failed, 1, failed.size(), "rerun ");
                }
            }
            if (!stop.claimNormalEnd()) {
                stop.awaitDone(); // a signal's stop is writing the report; the JVM exits when it is done
                return 143;
            }
            return ended(begun, finish(begun, null));
        }
    }

    /**
     * The report of the run as the plan and the result files on disk tell it — the one path for a
     * run that ended and one that was stopped: context and facts, the living-spec report,
     * {@code junit.xml}, the history record, and old run folders pruned.
     */
    private Finished finish(Started s, String stopped) throws IOException {
        Duration took = Duration.ofNanos(System.nanoTime() - s.startNanos());
        LaunchedReaders.closeAll(); // a process reader this run started stops with it; one found running stays
        BenchBackends.closeAll(); // a bench's backend stops with the run; its database stays, as its reader's memory does
        TimingFigures figuresSeen = TimingFigures.of(s.reportDir());
        Map<String, String> facts = new LinkedHashMap<>();
        if (stopped != null) facts.put(RunContext.STOPPED, stopped);
        if (s.share() != null) facts.put("shard", s.share() + " (" + s.selected().size() + " of " + s.plan().size() + " scenarios)");
        facts.put("side by side", s.sideBySide() + " scenario" + (s.sideBySide() == 1 ? "" : "s") + " at a time (rig lanes: " + s.lanes() + ")");
        facts.put("preflight", s.preflight().ok() ? s.preflight().checks().size() + " checks passed" : s.preflight().failuresLine());
        facts.put("machine load", s.loadAtStart() + " at the start, " + MachineLoad.now() + " at the end");
        facts.put("timing figures", figuresSeen.line());
        facts.put(RunContext.FIGURES, s.figures());
        facts.put("run identity", s.identity().nonce() + " (credential ids and token counters; -D" + RunIdentity.PROPERTY + "=" + s.identity().nonce() + " takes them again)");
        facts.put(RunContext.COMMIT, RunFacts.commit(root()));
        facts.put(RunContext.READER, RunFacts.reader(s.reportDir()));
        facts.putAll(RunFacts.of(s.rig(), tags));
        facts.putAll(selection.facts(root()));
        RunContext context = new RunContext(s.rig().name(), s.rigLocation(), RunFacts.rigFileText(s.rigLocation()), s.started(), took, facts);
        RunFolder.writeContext(s.reportDir(), context); // before reading: a NOT-RUN scenario's reason is the "stopped" fact
        RunResult result = RunFolder.read(s.reportDir());
        if (s.selected().isEmpty()) writeEmptyCucumberJson(s.reportDir());
        List<String> catalogueProblems = new ArrayList<>();
        if (stopped == null) stepCatalogue(s.reportDir(), catalogueProblems); // a stopped run has seconds left: the page can wait for the next run
        LivingSpecReport.Written written = LivingSpecReport.write(s.reportDir(), result, context, history(s.rig().name()));
        List<String> problems = new ArrayList<>(SiteCheck.check(s.reportDir()));
        problems.addAll(catalogueProblems);
        List<Path> pruned = OldRuns.prune(s.reportDir(), keep);
        return new Finished(result, facts, written, problems, took, pruned);
    }

    /**
     * The step catalogue of this run's glue and features as the report's {@code steps.html}: the
     * steps a reader of the specification can use, each with its doc comment and where it is used.
     * Written with the selection's class loader as the context one, as the run's Cucumber was.
     */
    private void stepCatalogue(Path reportDir, List<String> problems) {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(selection.loader());
            StepCatalogPage.write(reportDir, StepCatalogReader.read(selection.catalogueRequest(tags, root())));
        } catch (RuntimeException | IOException e) {
            problems.add("the step catalogue (steps.html) was not written: " + e.getMessage());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    /** The shutdown hook's part (RunStop): the report from what finished, one line, and the JVM exits non-zero. */
    private void stopped(Started s, String signal) {
        ResultsWriter.freeze(); // what is on disk now is what the report says; the scenarios still running are NOT-RUN
        ConsoleProgress.muted = true;
        long done = countResults(s.reportDir().resolve(RunFolder.RESULTS));
        boolean rerunning = Files.isDirectory(s.reportDir().resolve(RunFolder.RERUN));
        String fact = signal + (rerunning ? " during the rerun of the failed scenarios" : "") + " after " + done + " of " + s.selected().size() + " scenarios";
        try {
            Finished f = finish(s, fact);
            System.out.println();
            System.out.println("wavebench run: stopped by " + fact + "; report of the finished ones (the rest NOT-RUN): "
                    + f.written().index().toUri() + ", junit " + f.written().junitXml());
        } catch (Exception | LinkageError e) {
            System.out.println("wavebench run: stopped by " + fact + "; the report could not be finished: " + e);
        }
        System.out.flush();
    }

    private static long countResults(Path results) {
        if (!Files.isDirectory(results)) return 0;
        try (var files = Files.list(results)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The closing summary of a run that reached its end, and its exit status. */
    private int ended(Started s, Finished f) {
        RunResult result = f.result();
        TimingFigures figuresSeen = TimingFigures.of(s.reportDir());
        System.out.println();
        System.out.printf("%s in %.1f s wall%n", result.summaryLine(), f.took().toMillis() / 1000.0);
        result.scenarios().stream().filter(r -> r.outcome().isFailure()).forEach(r -> System.out.println("  " + r.outcome().label() + " " + r.feature() + " › " + r.name()));
        brokenDevicesLines(s.reportDir()).forEach(System.out::println);
        System.out.println("timing: " + f.facts().get("timing figures"));
        figuresSeen.failed().forEach(m -> System.out.println("  FAIL figure " + m + (s.figures().equals("gate") ? "" : " (report-only: shown, not gating)")));
        System.out.println("load:   " + f.facts().get("machine load"));
        System.out.println("report: " + f.written().index().toUri());
        System.out.println("junit:  " + f.written().junitXml());
        if (f.written().trends() != null && f.written().trends().hasHistory()) System.out.println("trend:  " + f.written().trends().summaryLine());
        else System.out.println("trend:  first run in " + history(s.rig().name()).dir() + "; trends start with the next run");
        if (!f.pruned().isEmpty()) System.out.println("kept:   the newest " + keep + " runs; removed " + f.pruned().size() + " older: "
                + f.pruned().stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
        // The report must open from file:// with every link and picture in place; say so loudly if not.
        f.problems().forEach(p -> System.out.println("report problem: " + p));
        if (result.scenarios().isEmpty()) {
            if (s.share() != null && !s.plan().isEmpty()) {
                System.out.println("shard " + s.share() + " has no scenario (only " + s.plan().size() + " in the suite); nothing to do");
                return 0;
            }
            String narrowedBy = selection.narrowedBy(tags);
            System.out.println("no scenario ran" + (narrowedBy.isEmpty() ? "" : ": none is selected by " + narrowedBy) + "; that counts as a failure");
            return 1;
        }
        // a judged figure that FAILed has failed its scenario through the After hook (gate), so it is in anyFailure
        return !result.anyFailure() ? 0 : 1;
    }

    /**
     * The closing summary's lines for the rig's devices that went BROKEN during the run (DESIGN §3),
     * as the rig recorded them in the report folder: which, since when and why; none when none did.
     */
    static List<String> brokenDevicesLines(Path reportDir) {
        List<BrokenDevice> broken;
        try {
            broken = BrokenDevice.read(reportDir);
        } catch (IOException | RuntimeException e) {
            return List.of("broken: " + reportDir.resolve(BrokenDevice.FILE) + " could not be read (" + e.getMessage() + ")");
        }
        if (broken.isEmpty()) return List.of();
        List<String> lines = new ArrayList<>();
        lines.add("broken: " + broken.size() + (broken.size() == 1 ? " device" : " devices") + " went BROKEN during the run; later scenarios that needed "
                + (broken.size() == 1 ? "it" : "them") + " were INFRA-ERROR:");
        broken.forEach(d -> lines.add("  BROKEN " + d.device() + " (rig '" + d.rig() + "') since " + d.since() + ": " + d.reason()));
        return lines;
    }

    /** Every scenario the paths, --name and --tags select, from a Cucumber dry run (no step runs, no hook). */
    private List<Shard.Planned> plan(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path json = dir.resolve(RunFolder.CUCUMBER_JSON);
        // the message stream carries every Scenario Outline's Examples tables before anything runs
        List<String> args = new ArrayList<>(List.of("--dry-run", "--plugin", "json:" + json, "--plugin", "message:" + dir.resolve("cucumber.ndjson"),
                // no summary of a plan: Cucumber's would say "82 scenarios (82 passed)" before anything ran
                "--no-summary", "--monochrome"));
        args.addAll(selection.glueArgs());
        if (tags != null) args.addAll(List.of("--tags", tags));
        args.addAll(selection.selectionArgs());
        byte status = cucumber(args);
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
        List<String> args = new ArrayList<>(selection.glueArgs());
        args.addAll(List.of(
                "--plugin", "html:" + dir.resolve("cucumber.html"),
                "--plugin", "json:" + dir.resolve(RunFolder.CUCUMBER_JSON),
                // the message stream carries the Scenario Outlines' Examples tables for the report
                "--plugin", "message:" + dir.resolve("cucumber.ndjson"),
                // Cucumber's own JUnit XML; the report writes the enriched junit.xml CI reads
                "--plugin", "junit:" + dir.resolve("cucumber-junit.xml"),
                "--plugin", ConsoleProgress.class.getName(),
                // each scenario's result on disk as it ends, so a stopped run keeps what finished
                "--plugin", ResultsWriter.class.getName() + ":" + dir,
                // Cucumber's own summary would repeat every failure with its stack trace; the run prints one summary
                "--no-summary",
                "--threads", Integer.toString(sideBySide),
                "--monochrome"));
        args.addAll(locations);
        ConsoleProgress.planned = planned;
        ConsoleProgress.prefix = progressPrefix;
        ConsoleProgress.reportDir = dir;
        ConsoleProgress.failureBlocks = progressPrefix.isEmpty(); // the rerun's verdict is in the summary; its block was shown once
        cucumber(args);
    }

    /**
     * Cucumber's own runner on the selection's class loader, which is also the context class loader
     * meanwhile: the scenarios' threads inherit it, and what a team's jar offers through
     * ServiceLoader (an acoustic protocol, DESIGN §4; a mixer provider, DESIGN §7) is found through it.
     */
    private byte cucumber(List<String> args) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(selection.loader());
        try {
            return io.cucumber.core.cli.Main.run(args.toArray(String[]::new), selection.loader());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static void writeEmptyCucumberJson(Path dir) throws IOException {
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

    /** Default {@code <wavebench.root>/.wavebench/history}: outside target/, so {@code mvn clean} keeps it. */
    private Path historyDir() {
        if (history != null) return history;
        return root().resolve(".wavebench").resolve("history");
    }

    /** This rig's and selection's history: runs of other rigs, --tags, paths or --name never share a trend. */
    private History history(String rigName) {
        return History.forSelection(historyDir().toAbsolutePath(), rigName, selection.historyKey(tags, root()));
    }

    private static Path root() {
        return Path.of(System.getProperty("wavebench.root", "."));
    }

    private static Path defaultReportDir() {
        String root = System.getProperty("wavebench.root", ".");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(root, "target", "wavebench-report", "run-" + stamp);
    }
}
