package io.wavebench.cli.catalog;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.StepDefinedEvent;
import io.cucumber.plugin.event.TestStepFinished;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Listens to a Cucumber dry run: every step definition the glue defines ({@link StepDefinedEvent}),
 * and for every feature line the definition Cucumber matched it to — or, when two matched, both.
 */
final class DryRunRecorder implements ConcurrentEventListener {

    record Definition(String pattern, String location) {
        String key() {
            return location + "\u0000" + pattern;
        }
    }

    /** A feature line and the definition it matched. */
    record Usage(URI uri, int line, String keyword, String text, String pattern, String location) {
        String definitionKey() {
            return location + "\u0000" + pattern;
        }
    }

    /** A feature line two or more definitions match ({@code "pattern" in location} each, as Cucumber says them). */
    record Ambiguity(URI uri, int line, String text, List<String> definitions) {}

    /** Cucumber's AmbiguousStepDefinitionsException lists each match as {@code   "pattern" in location}. */
    private static final Pattern MATCH_LINE = Pattern.compile("^\\s+(\".*\") in (\\S.*)$");

    final Map<String, Definition> definitions = new LinkedHashMap<>();
    final List<Usage> usages = new ArrayList<>();
    final List<Ambiguity> ambiguities = new ArrayList<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(StepDefinedEvent.class, this::defined);
        publisher.registerHandlerFor(TestStepFinished.class, this::finished);
    }

    private synchronized void defined(StepDefinedEvent event) {
        Definition d = new Definition(event.getStepDefinition().getPattern(), event.getStepDefinition().getLocation());
        definitions.putIfAbsent(d.key(), d);
    }

    private synchronized void finished(TestStepFinished event) {
        if (!(event.getTestStep() instanceof PickleStepTestStep step)) return;
        Status status = event.getResult().getStatus();
        if (status == Status.AMBIGUOUS) {
            List<String> matches = new ArrayList<>();
            Throwable error = event.getResult().getError();
            String message = error == null || error.getMessage() == null ? "" : error.getMessage();
            for (String line : message.split("\n")) {
                Matcher m = MATCH_LINE.matcher(line);
                if (m.matches()) matches.add(m.group(1) + " in " + m.group(2));
            }
            if (matches.isEmpty()) matches.add(message);
            ambiguities.add(new Ambiguity(step.getUri(), step.getStep().getLine(), step.getStep().getText(), matches));
        } else if (step.getCodeLocation() != null && step.getPattern() != null) {
            usages.add(new Usage(step.getUri(), step.getStep().getLine(), step.getStep().getKeyword().strip(), step.getStep().getText(),
                    step.getPattern(), step.getCodeLocation()));
        }
    }
}
