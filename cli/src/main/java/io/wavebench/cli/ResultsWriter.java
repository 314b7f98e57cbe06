package io.wavebench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestStepFinished;
import io.wavebench.reports.EvidenceNames;
import io.wavebench.reports.RunFolder;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes each scenario's result to {@code <report>/results/} the moment it finishes, so a run cut
 * short (SIGTERM from a CI timeout, Ctrl-C) still has on disk every scenario that finished: the
 * file is written whole under a temporary name and moved into place, never seen half-written.
 * {@link RunFolder#read} rebuilds the run from these files and the dry run's plan.
 *
 * <p>Cucumber makes it from {@code --plugin io.wavebench.cli.ResultsWriter:<report folder>}.
 * Once the run is stopped ({@link #freeze()}), nothing more is written, so the report finished
 * from the files agrees with what is on disk.
 */
public final class ResultsWriter implements ConcurrentEventListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Held while a file is written and while freezing: a freeze waits for a write in progress. */
    private static final Object WRITING = new Object();
    private static volatile boolean frozen;

    private final Path results;
    private final Map<UUID, ObjectNode> running = new ConcurrentHashMap<>();

    public ResultsWriter(String reportDir) {
        this.results = Path.of(reportDir).resolve(RunFolder.RESULTS);
    }

    /** A new run writes again (tests run the command several times in one JVM). */
    static void thaw() {
        frozen = false;
    }

    /** Writes nothing more from now on; returns once any file being written is in place. */
    static void freeze() {
        synchronized (WRITING) {
            frozen = true;
        }
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseStarted.class, e -> {
            ObjectNode node = JSON.createObjectNode();
            node.put("uri", asInCucumberJson(e.getTestCase().getUri())).put("line", e.getTestCase().getLocation().getLine())
                    .put("name", e.getTestCase().getName()).put("started", e.getInstant().toString());
            node.putArray("steps");
            node.putArray("attachments");
            running.put(e.getTestCase().getId(), node);
        });
        publisher.registerHandlerFor(TestStepFinished.class, e -> {
            ObjectNode node = running.get(e.getTestCase().getId());
            if (node == null) return;
            ObjectNode step = ((ArrayNode) node.get("steps")).addObject();
            if (e.getTestStep() instanceof PickleStepTestStep s) {
                step.put("type", "step").put("line", s.getStep().getLine()).put("keyword", s.getStep().getKeyword()).put("text", s.getStep().getText());
            } else if (e.getTestStep() instanceof HookTestStep h) {
                step.put("type", "hook").put("hook", h.getHookType().name().toLowerCase(Locale.ROOT)).put("location", h.getCodeLocation());
            }
            result(step, e.getResult());
        });
        publisher.registerHandlerFor(EmbedEvent.class, e -> {
            ObjectNode node = running.get(e.getTestCase().getId());
            if (node != null) ((ArrayNode) node.get("attachments")).add(e.getName() != null ? e.getName() : e.getMediaType());
        });
        publisher.registerHandlerFor(TestCaseFinished.class, e -> {
            ObjectNode node = running.remove(e.getTestCase().getId());
            if (node == null) return;
            result(node, e.getResult());
            write(EvidenceNames.slug(node.path("uri").asText(), node.path("line").asInt(), node.path("name").asText()) + ".json", node);
        });
    }

    /**
     * A feature's URI as Cucumber's JSON formatter writes it, so a result file meets its scenario in
     * the plan ({@code uri:line}): a file under the working directory relative to it
     * ({@code file:features/pay.feature}), any other as it is. Cucumber's runner itself has it
     * absolute ({@code file:///home/acme/features/pay.feature}).
     */
    static String asInCucumberJson(URI uri) {
        if (!"file".equals(uri.getScheme())) return uri.toString();
        URI relative = new File("").toPath().toUri().relativize(uri);
        try {
            return new URI("file", relative.getSchemeSpecificPart(), relative.getFragment()).toString();
        } catch (URISyntaxException e) {
            return uri.toString();
        }
    }

    private static void result(ObjectNode node, Result result) {
        node.put("status", result.getStatus().name().toLowerCase(Locale.ROOT)).put("durationNanos", result.getDuration().toNanos());
        if (result.getError() != null) node.put("error", stackTrace(result.getError()));
    }

    /** The whole trace, as Cucumber's JSON has it: the report shows it; the console shows the message only. */
    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private void write(String name, ObjectNode node) {
        synchronized (WRITING) {
            if (frozen) return;
            try {
                Files.createDirectories(results);
                Path temporary = results.resolve("." + name + ".tmp");
                Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
                Files.move(temporary, results.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the result of " + node.path("uri").asText() + ":" + node.path("line").asInt() + " to " + results, e);
            }
        }
    }
}
