package io.wavebench.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The specification's assertions can fail (DESIGN §3, "every assertion step has a test in which it
 * fails"; §6, "a scenario asserting something false always FAILS"). Every feature file under
 * {@code lies/} is told to the simulated rig, scenarios side by side as in a run: each is built
 * from the specification's own steps and ends with a claim that is false, so every step but the
 * last must PASS and the last must FAIL with an assertion — not be undefined, pending, ambiguous,
 * skipped or an INFRA error. And every {@code @Then} of the glue must be the last step of some lie.
 *
 * <p>Lie files carry the tag {@code @lie} (the feature suite, {@link RunCucumberTest}, leaves them
 * out); a file per area, named by it.
 */
class LiesTest {

    static final String LIES = "classpath:io/wavebench/features/lies";
    static final String GLUE = "io.wavebench.features.steps";
    /** The simulated rig's lanes: as many scenarios side by side as a run takes. */
    static final int SIDE_BY_SIDE = 4;

    /** One lie as it was told: its steps, Background first, with their outcomes. */
    record Told(String feature, int line, String name, List<Step> steps) {
        String where() {
            return feature + ":" + line + " (" + name + ")";
        }
    }

    record Step(String text, int line, String status, String error, String location) {
        String firstErrorLine() {
            return error == null ? "" : error.lines().findFirst().orElse("");
        }
    }

    private static List<Told> told;

    @BeforeAll
    static void tellEveryLie() throws IOException {
        Path dir = Path.of("target", "lies-report").toAbsolutePath();
        Files.createDirectories(dir);
        Path json = dir.resolve("cucumber.json");
        Files.deleteIfExists(json);
        String before = System.getProperty("wavebench.report.dir");
        System.setProperty("wavebench.report.dir", dir.toString()); // the lies' evidence, apart from the suite's
        long start = System.nanoTime();
        try {
            io.cucumber.core.cli.Main.run(new String[] {"--glue", GLUE, "--plugin", "json:" + json, "--plugin", "summary",
                    "--threads", Integer.toString(SIDE_BY_SIDE), "--monochrome", LIES}, Thread.currentThread().getContextClassLoader());
        } finally {
            if (before == null) System.clearProperty("wavebench.report.dir");
            else System.setProperty("wavebench.report.dir", before);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        told = read(json);
        System.out.printf(Locale.ROOT, "lies: %d told, %d side by side, in %.1f s wall (evidence in %s)%n", told.size(), SIDE_BY_SIDE, seconds, dir);
    }

    @Test
    void every_lie_passes_up_to_its_last_step_and_fails_there_on_an_assertion() {
        assertTrue(!told.isEmpty(), "no lie was told from " + LIES);
        List<String> wrong = new ArrayList<>();
        for (Told lie : told) {
            List<Step> steps = lie.steps();
            if (steps.isEmpty()) {
                wrong.add(lie.where() + ": has no steps");
                continue;
            }
            for (Step s : steps.subList(0, steps.size() - 1)) {
                if (!s.status().equals("passed")) {
                    wrong.add(lie.where() + ": step '" + s.text() + "' (line " + s.line() + ") " + s.status()
                            + (s.error() == null ? "" : ": " + s.firstErrorLine()) + " — only the last step may fail");
                    break;
                }
            }
            Step last = steps.get(steps.size() - 1);
            if (!last.status().equals("failed")) {
                wrong.add(lie.where() + ": its last step '" + last.text() + "' " + (last.status().equals("passed") ? "PASSED: the lie held" : last.status()));
            } else if (!isAssertion(last.error())) {
                wrong.add(lie.where() + ": its last step '" + last.text() + "' failed, but not on an assertion: " + last.firstErrorLine());
            }
        }
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " of " + told.size() + " lies were not caught as lies:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void every_then_of_the_glue_is_the_last_step_of_a_lie() throws Exception {
        Set<String> caught = told.stream().map(lie -> lie.steps().get(lie.steps().size() - 1).location())
                .filter(l -> l != null).map(LiesTest::method).collect(Collectors.toSet());
        Map<String, List<String>> missing = new TreeMap<>(); // class → step texts without a lie
        int thens = 0;
        for (Class<?> steps : glueClasses()) {
            for (Method m : steps.getDeclaredMethods()) {
                Then then = m.getAnnotation(Then.class);
                if (then == null) continue;
                thens++;
                if (!caught.contains(steps.getName() + "." + m.getName())) missing.computeIfAbsent(steps.getSimpleName(), k -> new ArrayList<>()).add(then.value());
            }
        }
        System.out.printf("lies: %d of %d @Then steps are the last step of a lie%n", thens - missing.values().stream().mapToInt(List::size).sum(), thens);
        missing.forEach((owner, texts) -> texts.forEach(t -> System.out.println("lies: no lie yet for " + owner + " \"" + t + "\"")));
        assertTrue(missing.isEmpty(), () -> "@Then steps that no lie ends with (each needs a scenario under lies/ whose last step it is, and which fails there): "
                + missing.entrySet().stream().flatMap(e -> e.getValue().stream().map(t -> e.getKey() + " \"" + t + "\"")).toList());
    }

    /** Whether a step's error is an assertion failure: the exception class named on its first line is an AssertionError. */
    static boolean isAssertion(String error) {
        if (error == null) return false;
        String first = error.lines().findFirst().orElse("").strip();
        String type = first.split("[:\\s]", 2)[0];
        try {
            return AssertionError.class.isAssignableFrom(Class.forName(type));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** "io.wavebench.features.steps.VendingMachineSteps.theMachineDispenses(int)" → "…VendingMachineSteps.theMachineDispenses". */
    static String method(String location) {
        int paren = location.indexOf('(');
        return paren < 0 ? location : location.substring(0, paren);
    }

    /**
     * The glue package's top-level classes, from every folder the class loader has for it: the
     * package is split between the main classes (the glue) and the test classes (its tests), and
     * the test folder comes first on the test class path, so reading only the first found none.
     */
    static List<Class<?>> glueClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        for (URL folder : Collections.list(LiesTest.class.getClassLoader().getResources(GLUE.replace('.', '/')))) {
            if (!folder.getProtocol().equals("file")) throw new IllegalStateException("the glue package " + GLUE + " is not a folder on the class path: " + folder);
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".class") && !name.contains("$")) names.add(name.substring(0, name.length() - ".class".length()));
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) classes.add(Class.forName(GLUE + "." + name));
        if (classes.stream().noneMatch(c -> Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(Then.class)))) {
            throw new IllegalStateException("no @Then step found in the glue package " + GLUE + " on the class path");
        }
        return classes;
    }

    /** Cucumber's JSON report → one {@link Told} per scenario, its Background's steps first. */
    static List<Told> read(Path json) throws IOException {
        if (!Files.isRegularFile(json)) throw new IllegalStateException("the lies wrote no report at " + json);
        List<Told> lies = new ArrayList<>();
        for (JsonNode feature : new ObjectMapper().readTree(json.toFile())) {
            String uri = feature.path("uri").asText();
            List<Step> background = List.of();
            for (JsonNode element : feature.path("elements")) {
                List<Step> steps = new ArrayList<>();
                for (JsonNode step : element.path("steps")) {
                    JsonNode result = step.path("result");
                    steps.add(new Step(step.path("keyword").asText() + step.path("name").asText(), step.path("line").asInt(), result.path("status").asText(),
                            result.hasNonNull("error_message") ? result.get("error_message").asText() : null,
                            step.path("match").hasNonNull("location") ? step.path("match").get("location").asText() : null));
                }
                if (element.path("type").asText().equals("background")) {
                    background = steps;
                    continue;
                }
                List<Step> all = new ArrayList<>(background);
                all.addAll(steps);
                // A hook that failed or aborted the scenario shows on the first step that did not run.
                for (JsonNode hook : element.path("before")) {
                    String status = hook.path("result").path("status").asText();
                    if (!status.equals("passed")) {
                        all.add(0, new Step("(a Before hook)", element.path("line").asInt(), status, hook.path("result").path("error_message").asText(null), null));
                    }
                }
                lies.add(new Told(uri.substring(uri.lastIndexOf('/') + 1), element.path("line").asInt(), element.path("name").asText(), all));
                background = List.of();
            }
        }
        return lies;
    }
}
