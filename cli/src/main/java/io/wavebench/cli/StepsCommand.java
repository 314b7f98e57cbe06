package io.wavebench.cli;

import io.wavebench.cli.catalog.AmbiguousStepsException;
import io.wavebench.cli.catalog.StepCatalogReader;
import io.wavebench.reports.StepCatalog;
import io.wavebench.reports.StepCatalogMarkdown;
import io.wavebench.reports.StepCatalogPage;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wavebench steps}: the step catalogue — every step a feature can use, from the glue itself
 * (a Cucumber dry run, so usages are Cucumber's own matching), with the doc comments of the glue's
 * sources. Two definitions that match one feature line are an error (exit 1), as they would be
 * AMBIGUOUS in a run.
 */
@Command(
        name = "steps",
        mixinStandardHelpOptions = true,
        description = {
            "Lists every step definition of the glue: keyword, pattern, parameter types, doc comment, an example line from the features, where it is used, and where it is defined.",
            "Steps no feature uses are listed as unused. Two definitions that both match one feature line fail the command (exit 1), naming both and the line.",
            "Without --markdown or --html it prints a short list; docs/steps.md is written by: ./wavebench steps --markdown > docs/steps.md",
            "Exit status: 0 when the catalogue was written, 1 when a feature line matches two definitions, 2 when it could not be built."
        })
final class StepsCommand implements Callable<Integer> {

    static class Format {
        @Option(names = "--markdown", description = "Print the catalogue as Markdown (docs/steps.md): by step class, with a table of contents and anchors.")
        boolean markdown;

        @Option(names = "--html", description = "Print the catalogue as the report's searchable page (steps.html; inline script and style, opens from file://).")
        boolean html;
    }

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Feature files or folders whose lines count as usages (default: wavebench's own specification, " + StepCatalogReader.WAVEBENCH_FEATURES + ").")
    List<String> paths = new ArrayList<>();

    @Option(names = "--glue", paramLabel = "PACKAGE", split = ",",
            description = "Glue packages besides wavebench's own (" + StepCatalogReader.WAVEBENCH_GLUE + ", always on the glue path); repeat or separate by commas.")
    List<String> glue = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "JARS",
            description = "Jars and class folders holding the glue (and classpath: features), separated by the platform's path separator (':' on Linux and macOS).")
    String classpath;

    @Option(names = "--sources", paramLabel = "DIR",
            description = "Folders holding the --glue packages' Java sources, for their doc comments; repeat for more. wavebench's own (features/src/main/java) are read too when run from the checkout.")
    List<Path> sources = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "EXPR",
            description = "Cucumber tag expression: only the selected scenarios' lines count as usages (default: all; for wavebench's own specification: \""
                    + StepCatalogReader.SPECIFICATION_ONLY + "\").")
    String tags;

    @Override
    public Integer call() throws Exception {
        boolean ownSpecification = paths.isEmpty();
        List<String> features = ownSpecification ? List.of(StepCatalogReader.WAVEBENCH_FEATURES) : paths;
        String selection = tags != null ? tags : ownSpecification ? StepCatalogReader.SPECIFICATION_ONLY : null;
        List<Path> sourceDirs = new ArrayList<>(ownSources());
        for (Path s : sources) if (!sourceDirs.contains(s.toAbsolutePath().normalize())) sourceDirs.add(s.toAbsolutePath().normalize());
        if (sourceDirs.isEmpty()) System.err.println("wavebench steps: no --sources and not run from the checkout: every step is listed as undocumented");
        ClassLoader loader = loader();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        StepCatalog catalog;
        try {
            Thread.currentThread().setContextClassLoader(loader);
            catalog = StepCatalogReader.read(new StepCatalogReader.Request(glue, features, selection, sourceDirs, loader));
        } catch (AmbiguousStepsException e) {
            System.err.println("wavebench steps: " + e.getMessage());
            return 1;
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (format.markdown) out.print(StepCatalogMarkdown.of(catalog));
        else if (format.html) out.print(StepCatalogPage.html(catalog));
        else list(catalog, out);
        out.flush();
        return 0;
    }

    /** The short list: one line per step, its class and how often it is used. */
    private static void list(StepCatalog catalog, PrintStream out) {
        catalog.byClass().forEach((cls, entries) -> {
            out.println(StepCatalog.simpleName(cls) + " (" + cls + ")");
            for (StepCatalog.Entry e : entries) {
                out.println("  " + e.keyword() + " " + e.pattern() + "   — " + (e.unused() ? "unused" : "used " + e.usages().size() + "×, first at " + e.usages().get(0))
                        + (e.documented() ? "" : ", undocumented"));
            }
        });
        out.println(catalog.entries().size() + " steps in " + catalog.byClass().size() + " classes; " + catalog.unused().size() + " unused; "
                + catalog.undocumented().size() + " undocumented");
    }

    /** wavebench's own step sources, when the command runs from the checkout ({@code ./wavebench} sets wavebench.root). */
    private static List<Path> ownSources() {
        String root = System.getProperty("wavebench.root");
        Path dir = Path.of(root != null ? root : ".").resolve("features/src/main/java");
        return Files.isDirectory(dir) ? List.of(dir.toAbsolutePath().normalize()) : List.of();
    }

    private ClassLoader loader() throws MalformedURLException {
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        if (classpath == null || classpath.isBlank()) return parent;
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path p = Path.of(entry);
            if (!Files.exists(p)) throw new IllegalArgumentException("--classpath entry " + p.toAbsolutePath() + " does not exist");
            urls.add(p.toUri().toURL());
        }
        return new URLClassLoader("wavebench-steps-glue", urls.toArray(URL[]::new), parent);
    }
}
