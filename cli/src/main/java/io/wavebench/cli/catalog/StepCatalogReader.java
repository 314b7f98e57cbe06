package io.wavebench.cli.catalog;

import io.cucumber.core.options.CommandlineOptionsParser;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.runtime.Runtime;
import io.wavebench.reports.StepCatalog;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link StepCatalog} of a glue from the glue itself: a Cucumber dry run over the
 * features (no step runs, no hook, no rig) says which definitions exist and which feature line
 * each one matched, exactly as a run would match it; the glue's sources give the doc comments.
 */
public final class StepCatalogReader {

    /** wavebench's own glue: always on the glue path, as in {@code wavebench run}. */
    public static final String WAVEBENCH_GLUE = "io.wavebench.features.steps";
    /** wavebench's own features, the living specification. */
    public static final String WAVEBENCH_FEATURES = "classpath:io/wavebench/features";
    /** The lies (test resources, tag {@code @lie}) use the steps to fail on purpose; they are no usage a team should copy. */
    public static final String SPECIFICATION_ONLY = "not @lie";

    /**
     * What to catalogue.
     *
     * @param glue packages besides wavebench's own
     * @param features feature files or folders ({@code classpath:} or paths)
     * @param tags a Cucumber tag expression selecting the scenarios whose lines count as usages, or null for all
     * @param sources folders holding the glue's Java sources, for doc comments (none: every step is undocumented)
     * @param classLoader where the glue and {@code classpath:} features are found
     */
    public record Request(List<String> glue, List<String> features, String tags, List<Path> sources, ClassLoader classLoader) {
        public Request {
            glue = List.copyOf(glue);
            features = List.copyOf(features);
            sources = List.copyOf(sources);
        }

        /** wavebench's own specification, its sources under {@code sourceDir}. */
        public static Request wavebench(Path sourceDir, ClassLoader classLoader) {
            return new Request(List.of(), List.of(WAVEBENCH_FEATURES), SPECIFICATION_ONLY, List.of(sourceDir), classLoader);
        }
    }

    private StepCatalogReader() {}

    /**
     * The catalogue.
     *
     * @throws AmbiguousStepsException when two definitions match one feature line, naming both and the line
     */
    public static StepCatalog read(Request request) {
        DryRunRecorder recorder = dryRun(request);
        if (!recorder.ambiguities.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (DryRunRecorder.Ambiguity a : recorder.ambiguities) {
                String where = display(a.uri(), request) + ":" + a.line();
                String line = where + " \"" + a.text() + "\" matches " + String.join(" and ", a.definitions());
                if (!lines.contains(line)) lines.add(line); // a Background's line is ambiguous in every scenario
            }
            throw new AmbiguousStepsException(lines);
        }
        DocComments docs = DocComments.read(request.sources());

        Map<String, List<DryRunRecorder.Usage>> usages = new LinkedHashMap<>();
        recorder.usages.stream()
                .sorted(Comparator.comparing((DryRunRecorder.Usage u) -> display(u.uri(), request)).thenComparingInt(DryRunRecorder.Usage::line))
                .forEach(u -> usages.computeIfAbsent(u.definitionKey(), k -> new ArrayList<>()).add(u));

        List<StepCatalog.Entry> entries = new ArrayList<>();
        for (DryRunRecorder.Definition d : recorder.definitions.values()) {
            List<DryRunRecorder.Usage> used = usages.getOrDefault(d.key(), List.of());
            Set<String> where = new LinkedHashSet<>(); // a Background's or an outline's line counts once
            for (DryRunRecorder.Usage u : used) where.add(display(u.uri(), request) + ":" + u.line());
            String example = used.isEmpty() ? "" : used.get(0).keyword() + " " + used.get(0).text();
            String doc = docs.of(d.location()).map(DocComments.Doc::text).orElse("");
            entries.add(new StepCatalog.Entry(keywords(d, request.classLoader()), d.pattern(), StepPatterns.parameterTypes(d.pattern()), doc, example,
                    List.copyOf(where), d.location()));
        }
        // by class (simple name, then package), then as written in the source, else by pattern
        entries.sort(Comparator.comparing((StepCatalog.Entry e) -> StepCatalog.simpleName(e.stepClass())).thenComparing(StepCatalog.Entry::stepClass)
                .thenComparingLong(e -> docs.of(e.location()).map(DocComments.Doc::position).orElse(Long.MAX_VALUE))
                .thenComparing(StepCatalog.Entry::pattern));
        return new StepCatalog(request.features(), entries);
    }

    private static DryRunRecorder dryRun(Request request) {
        List<String> args = new ArrayList<>(List.of("--dry-run", "--monochrome", "--glue", WAVEBENCH_GLUE));
        for (String g : request.glue()) {
            if (!g.equals(WAVEBENCH_GLUE)) args.addAll(List.of("--glue", g));
        }
        if (request.tags() != null && !request.tags().isBlank()) args.addAll(List.of("--tags", request.tags()));
        args.addAll(request.features());
        RuntimeOptions options = new CommandlineOptionsParser(System.err).parse(args.toArray(String[]::new)).build();
        DryRunRecorder recorder = new DryRunRecorder();
        ClassLoader loader = request.classLoader();
        Runtime.builder().withRuntimeOptions(options).withClassLoader(() -> loader).withAdditionalPlugins(recorder).build().run();
        if (recorder.definitions.isEmpty()) {
            throw new IllegalStateException("the dry run over " + request.features() + (request.tags() == null ? "" : " (tags: " + request.tags() + ")") + " with glue " + WAVEBENCH_GLUE
                    + (request.glue().isEmpty() ? "" : " and " + request.glue()) + " defined no step: Cucumber defines the glue's steps only while it"
                    + " runs a scenario, so the features must hold at least one");
        }
        return recorder;
    }

    /** The keyword annotations ({@code Given}, {@code When}, …) that define this pattern on its method. */
    static List<String> keywords(DryRunRecorder.Definition d, ClassLoader loader) {
        String location = d.location();
        int open = location.indexOf('(');
        if (open < 0) return List.of();
        String head = location.substring(0, open);
        int dot = head.lastIndexOf('.');
        List<String> keywords = new ArrayList<>();
        try {
            Class<?> type = Class.forName(head.substring(0, dot), false, loader);
            for (Method m : type.getDeclaredMethods()) {
                if (!m.getName().equals(head.substring(dot + 1))) continue;
                for (Annotation a : m.getAnnotations()) collect(a, d.pattern(), keywords);
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of(); // not a Java class this loader sees (another backend): shown as "Step"
        }
        return keywords.stream().distinct().toList();
    }

    private static void collect(Annotation a, String pattern, List<String> keywords) {
        try {
            Object value = a.annotationType().getMethod("value").invoke(a);
            if (value instanceof Annotation[] repeated) {
                for (Annotation r : repeated) collect(r, pattern, keywords);
            } else if (pattern.equals(value) && a.annotationType().isAnnotationPresent(io.cucumber.java.StepDefinitionAnnotation.class)) {
                keywords.add(a.annotationType().getSimpleName());
            }
        } catch (ReflectiveOperationException e) {
            // an annotation without value(): not a step definition's
        }
    }

    /**
     * A feature's name as the catalogue shows it: a {@code classpath:} feature by its resource path
     * under the requested folder, a file by its path relative to the working folder (or the requested folder).
     */
    static String display(URI uri, Request request) {
        String s = uri.getScheme() != null && uri.getScheme().equals("file") ? Path.of(uri).toString() : uri.toString();
        for (String f : request.features()) {
            String base = f.startsWith("classpath:") ? f : f.startsWith("file:") ? Path.of(URI.create(f)).toString() : Path.of(f).toAbsolutePath().normalize().toString();
            base = base.replaceAll(":\\d+(:\\d+)*$", "");
            if (s.startsWith(base + "/")) return s.substring(base.length() + 1);
            if (s.equals(base)) return s.substring(s.lastIndexOf('/') + 1);
        }
        return s.startsWith("classpath:") ? s.substring("classpath:".length()) : s;
    }
}
