package io.wavebench.cli;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.Node;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.SnippetsSuggestedEvent;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestSourceParsed;
import io.cucumber.plugin.event.TestStepFinished;
import io.wavebench.reports.EvidenceNames;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on the console while the suite runs: each scenario's outcome, feature and name, and
 * time as it ends, counted against the number planned; for one that did not pass, one short block
 * saying why — the step where it stopped, the first lines of the message (the stack trace is in
 * the report), what the rig saw ({@code rig-saw.txt}, written by the scenario's After hook before
 * this event arrives) and where its evidence is. A step not written, pending or matched twice is
 * named as the specification's fault, with the first line of the definition Cucumber suggests.
 * Scenarios may end out of order when they run side by side.
 */
public final class ConsoleProgress implements ConcurrentEventListener {

    /** How many scenarios this run will finish (set by {@code wavebench run} from its plan; 0 when unknown). */
    static volatile int planned;
    /** Printed before each line: "" for the run, "rerun " for the failed scenarios' second try. */
    static volatile String prefix = "";
    /** The report folder of this try (its evidence folders are named in failure blocks); null when unknown. */
    static volatile Path reportDir;
    /** Whether a failure prints its block (the rerun prints only its progress line: the block was shown once). */
    static volatile boolean failureBlocks = true;
    /** Set when the run is stopped: the scenarios still running say nothing more. */
    static volatile boolean muted;

    static final int MESSAGE_LINES = 6;
    static final int RIG_SAW_LINES = 12;

    private final PrintStream out = System.out;
    private final AtomicInteger finished = new AtomicInteger();
    private final long start = System.nanoTime();
    private final Map<String, String> features = new ConcurrentHashMap<>();
    /** The first step of each running scenario that did not pass: where it stopped. */
    private final Map<UUID, TestStepFinished> stoppedAt = new ConcurrentHashMap<>();
    /** Cucumber's suggested definitions for undefined steps, by {@code uri:stepLine}. */
    private final Map<String, String> snippets = new ConcurrentHashMap<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestSourceParsed.class, e -> e.getNodes().stream().filter(n -> n instanceof Node.Feature).findFirst()
                .flatMap(Node::getName).ifPresent(name -> features.put(e.getUri().toString(), name)));
        publisher.registerHandlerFor(SnippetsSuggestedEvent.class, e -> {
            if (!e.getSuggestion().getSnippets().isEmpty()) {
                snippets.put(e.getUri() + ":" + e.getStepLocation().getLine(), e.getSuggestion().getSnippets().get(0).strip().lines().findFirst().orElse(""));
            }
        });
        publisher.registerHandlerFor(TestStepFinished.class, e -> {
            Status status = e.getResult().getStatus();
            if (status != Status.PASSED && status != Status.SKIPPED) stoppedAt.putIfAbsent(e.getTestCase().getId(), e);
        });
        publisher.registerHandlerFor(TestCaseFinished.class, e -> {
            TestStepFinished where = stoppedAt.remove(e.getTestCase().getId());
            int n = finished.incrementAndGet();
            if (muted) return;
            int of = planned;
            TestCase c = e.getTestCase();
            StringBuilder s = new StringBuilder(String.format("%s[%s] %-11s %s › %s (%.1f s) · %.0f s%n", prefix, of > 0 ? n + "/" + of : Integer.toString(n),
                    label(e.getResult()), features.getOrDefault(c.getUri().toString(), c.getUri().toString()), c.getName(),
                    e.getResult().getDuration().toMillis() / 1000.0, (System.nanoTime() - start) / 1e9));
            if (failureBlocks && isFailure(e.getResult().getStatus())) failureBlock(s, c, e.getResult(), where);
            out.print(s);
        });
    }

    private static boolean isFailure(Status status) {
        return status == Status.FAILED || status == Status.UNDEFINED || status == Status.PENDING || status == Status.AMBIGUOUS;
    }

    private void failureBlock(StringBuilder s, TestCase c, Result result, TestStepFinished where) {
        String nl = System.lineSeparator();
        String step = where == null ? "(no step recorded)" : stepText(where);
        switch (result.getStatus()) {
            case UNDEFINED -> {
                s.append("      the specification's fault: no step definition matches ").append(step).append(nl);
                String snippet = where != null && where.getTestStep() instanceof PickleStepTestStep p ? snippets.get(c.getUri() + ":" + p.getStep().getLine()) : null;
                if (snippet != null) s.append("        a definition would start: ").append(snippet).append(nl);
            }
            case PENDING -> s.append("      the specification's fault: the step is pending (its definition is not written yet): ").append(step).append(nl);
            case AMBIGUOUS -> s.append("      the specification's fault: more than one step definition matches ").append(step).append(nl);
            default -> s.append("      failed at: ").append(step).append(nl);
        }
        Throwable error = result.getError();
        if (result.getStatus() != Status.UNDEFINED && error != null && error.getMessage() != null) {
            error.getMessage().lines().filter(l -> !l.isBlank()).limit(MESSAGE_LINES).forEach(l -> s.append("        ").append(l).append(nl));
        }
        Path dir = reportDir;
        if (dir == null) return;
        Path evidence = dir.resolve("evidence").resolve(EvidenceNames.slug(c.getUri().toString(), c.getLocation().getLine(), c.getName()));
        Path rigSaw = evidence.resolve("rig-saw.txt");
        if (Files.isRegularFile(rigSaw)) {
            try {
                s.append("      the rig saw:").append(nl);
                Files.readAllLines(rigSaw).stream().filter(l -> !l.isBlank()).limit(RIG_SAW_LINES).forEach(l -> s.append("        ").append(l).append(nl));
            } catch (IOException e) {
                s.append("        (").append(rigSaw).append(" unreadable: ").append(e.getMessage()).append(')').append(nl);
            }
        }
        if (Files.isDirectory(evidence)) s.append("      evidence: ").append(evidence).append(nl);
    }

    private static String stepText(TestStepFinished e) {
        if (e.getTestStep() instanceof PickleStepTestStep p) return p.getStep().getKeyword() + p.getStep().getText() + " (line " + p.getStep().getLine() + ")";
        if (e.getTestStep() instanceof HookTestStep h) return h.getHookType().name().toLowerCase(Locale.ROOT) + " hook " + h.getCodeLocation();
        return e.getTestStep().getCodeLocation();
    }

    /** The DESIGN §3 outcome as far as one try can tell (FLAKY needs the rerun). */
    static String label(Result result) {
        return switch (result.getStatus()) {
            case PASSED -> "PASS";
            case UNDEFINED, PENDING, AMBIGUOUS -> "SPEC-ERROR";
            case FAILED -> result.getError() != null && String.valueOf(result.getError().getMessage()).startsWith("INFRA-ERROR:") ? "INFRA-ERROR" : "FAIL";
            default -> "ABORTED";
        };
    }
}
